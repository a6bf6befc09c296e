import { Body, Controller, Delete, Get, Headers, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { BusinessFunctionOption, Page, Stakeholder } from '@soundings/shared';
import { IdParam } from '../common/validation';
import { expectedVersion } from '../common/version';
import { CreateStakeholderDto } from './dto/create-stakeholder.dto';
import { ListStakeholdersDto } from './dto/list-stakeholders.dto';
import { UpdateStakeholderDto } from './dto/update-stakeholder.dto';
import { StakeholdersService } from './stakeholders.service';

@ApiTags('stakeholders')
@Controller()
export class StakeholdersController {
  constructor(private readonly service: StakeholdersService) {}

  @Get('stakeholders')
  list(@Query() query: ListStakeholdersDto): Promise<Page<Stakeholder>> {
    return this.service.list(query);
  }

  @Post('stakeholders')
  create(@Body() body: CreateStakeholderDto): Promise<Stakeholder> {
    return this.service.create(body);
  }

  @Get('stakeholders/:id')
  get(@IdParam() id: string): Promise<Stakeholder> {
    return this.service.get(id);
  }

  @Patch('stakeholders/:id')
  update(
    @IdParam() id: string,
    @Body() body: UpdateStakeholderDto,
    @Headers('if-match') ifMatch?: string,
  ): Promise<Stakeholder> {
    return this.service.update(id, expectedVersion(body.version, ifMatch), body);
  }

  @Delete('stakeholders/:id')
  @HttpCode(204)
  remove(@IdParam() id: string): Promise<void> {
    return this.service.remove(id);
  }

  @Get('business-functions')
  businessFunctions(): Promise<BusinessFunctionOption[]> {
    return this.service.businessFunctions();
  }
}
