import { Body, Controller, Delete, Get, Headers, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Influence, Page, StakeholderInfluence } from '@soundings/shared';
import { ActorParam } from '../auth/actor';
import type { Actor } from '../auth/actor';
import { IdParam } from '../common/validation';
import { expectedVersion } from '../common/version';
import { ApiNoContent, ApiResult } from '../openapi/api-responses';
import { CreateInfluenceDto, ListInfluencesDto, UpdateInfluenceDto } from './dto/influence.dto';
import { InfluencesService } from './influences.service';

@ApiTags('influence')
@Controller()
export class InfluencesController {
  constructor(private readonly service: InfluencesService) {}

  /** Influence links, by the name of who is swayed, then of who sways them. */
  @Get('influences')
  @ApiResult('InfluencePage')
  list(@Query() query: ListInfluencesDto): Promise<Page<Influence>> {
    return this.service.list(query);
  }

  /** Record that one person sways another (or that two are allies, or in conflict). */
  @Post('influences')
  @ApiResult('Influence', { status: 201 })
  create(@ActorParam() actor: Actor, @Body() body: CreateInfluenceDto): Promise<Influence> {
    return this.service.create(actor, body);
  }

  @Get('influences/:id')
  @ApiResult('Influence')
  get(@IdParam() id: string): Promise<Influence> {
    return this.service.get(id);
  }

  /** Change either end, the kind, the strength or the note; send the version you loaded. */
  @Patch('influences/:id')
  @ApiResult('Influence')
  update(
    @ActorParam() actor: Actor,
    @IdParam() id: string,
    @Body() body: UpdateInfluenceDto,
    @Headers('if-match') ifMatch?: string,
  ): Promise<Influence> {
    return this.service.update(actor, id, expectedVersion(body.version, ifMatch), body);
  }

  @Delete('influences/:id')
  @HttpCode(204)
  @ApiNoContent()
  remove(@ActorParam() actor: Actor, @IdParam() id: string): Promise<void> {
    return this.service.remove(actor, id);
  }

  /** Who they look to and where those people stand, who looks to them, their allies and conflicts. */
  @Get('stakeholders/:id/influence')
  @ApiResult('StakeholderInfluence')
  forStakeholder(@IdParam() id: string): Promise<StakeholderInfluence> {
    return this.service.forStakeholder(id);
  }
}
