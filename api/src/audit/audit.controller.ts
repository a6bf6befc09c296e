import { Controller, Get, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { AuditEntry, AuditVerification, Page } from '@soundings/shared';
import { Roles } from '../auth/actor';
import { AuditService } from './audit.service';
import { ListAuditDto } from './dto/list-audit.dto';
import { ApiResult } from '../openapi/api-responses';

@ApiTags('audit')
@Roles('admin')
@Controller('audit')
export class AuditController {
  constructor(private readonly service: AuditService) {}

  /** Newest first; filter by action, actor, record or stakeholder. */
  @Get()
  @ApiResult('AuditEntryPage')
  list(@Query() query: ListAuditDto): Promise<Page<AuditEntry>> {
    return this.service.list(query);
  }

  /** Recomputes the hash chain: `ok: false` names the first entry that was changed or follows a removed one. */
  @Get('verify')
  @ApiResult('AuditVerification')
  verify(): Promise<AuditVerification> {
    return this.service.verify();
  }
}
