import { Body, Controller, Delete, Get, Headers, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { BusinessFunctionOption, Page, Stakeholder } from '@soundings/shared';
import { ActorParam } from '../auth/actor';
import type { Actor } from '../auth/actor';
import { IdParam } from '../common/validation';
import { expectedVersion } from '../common/version';
import { CreateStakeholderDto } from './dto/create-stakeholder.dto';
import { ListStakeholdersDto } from './dto/list-stakeholders.dto';
import { UpdateStakeholderDto } from './dto/update-stakeholder.dto';
import { StakeholdersService } from './stakeholders.service';
import { ApiNoContent, ApiResult, ApiResultList } from '../openapi/api-responses';

@ApiTags('stakeholders')
@Controller()
export class StakeholdersController {
  constructor(private readonly service: StakeholdersService) {}

  @Get('stakeholders')
  @ApiResult('StakeholderPage')
  list(@Query() query: ListStakeholdersDto): Promise<Page<Stakeholder>> {
    return this.service.list(query);
  }

  @Post('stakeholders')
  @ApiResult('Stakeholder', { status: 201 })
  create(@ActorParam() actor: Actor, @Body() body: CreateStakeholderDto): Promise<Stakeholder> {
    return this.service.create(actor, body);
  }

  @Get('stakeholders/:id')
  @ApiResult('Stakeholder')
  get(@IdParam() id: string): Promise<Stakeholder> {
    return this.service.get(id);
  }

  @Patch('stakeholders/:id')
  @ApiResult('Stakeholder')
  update(
    @ActorParam() actor: Actor,
    @IdParam() id: string,
    @Body() body: UpdateStakeholderDto,
    @Headers('if-match') ifMatch?: string,
  ): Promise<Stakeholder> {
    return this.service.update(actor, id, expectedVersion(body.version, ifMatch), body);
  }

  @Delete('stakeholders/:id')
  @HttpCode(204)
  @ApiNoContent()
  remove(@ActorParam() actor: Actor, @IdParam() id: string): Promise<void> {
    return this.service.remove(actor, id);
  }

  @Get('business-functions')
  @ApiResultList('BusinessFunctionOption')
  businessFunctions(): Promise<BusinessFunctionOption[]> {
    return this.service.businessFunctions();
  }
}
