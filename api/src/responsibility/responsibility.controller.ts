import { Controller, Get, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ResponsibilityReport } from '@soundings/shared';
import { ApiResult } from '../openapi/api-responses';
import { ResponsibilityQueryDto } from './dto/responsibility-query.dto';
import { ResponsibilityService } from './responsibility.service';

@ApiTags('dashboard')
@Controller('dashboard')
export class ResponsibilityController {
  constructor(private readonly service: ResponsibilityService) {}

  /**
   * Whose responsibility, month by month (the organisation's time zone, the current month last): briefings done,
   * initiatives held and pilots started, led by leaders (a stakeholder whose role is not hr) or by HR (HR itself, an
   * hr stakeholder, or no owner or sponsor), the leaders' share, and a flag where HR led more than HR_LED_SHARE_WARNING.
   */
  @Get('responsibility')
  @ApiResult('ResponsibilityReport')
  report(@Query() query: ResponsibilityQueryDto): Promise<ResponsibilityReport> {
    return this.service.report(query.months);
  }
}
