import { Body, Controller, Delete, Get, Headers, HttpCode, Patch, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Narrative, NarrativeResonance } from '@soundings/shared';
import { ActorParam } from '../auth/actor';
import type { Actor } from '../auth/actor';
import { IdParam } from '../common/validation';
import { expectedVersion } from '../common/version';
import { ApiNoContent, ApiResult, ApiResultList } from '../openapi/api-responses';
import { CreateNarrativeDto, UpdateNarrativeDto } from './dto/narrative.dto';
import { NarrativesService } from './narratives.service';

@ApiTags('narratives')
@Controller('narratives')
export class NarrativesController {
  constructor(private readonly service: NarrativesService) {}

  /** The organisation's narratives and values: offered ones by title, then archived ones. */
  @Get()
  @ApiResultList('Narrative')
  list(): Promise<Narrative[]> {
    return this.service.list();
  }

  /** Per narrative, each top-team member's latest reaction (resonated, jarred or none) and the totals. */
  @Get('resonance')
  @ApiResult('NarrativeResonance')
  resonance(@ActorParam() actor: Actor): Promise<NarrativeResonance> {
    return this.service.resonance(actor);
  }

  @Post()
  @ApiResult('Narrative', { status: 201 })
  create(@ActorParam() actor: Actor, @Body() body: CreateNarrativeDto): Promise<Narrative> {
    return this.service.create(actor, body);
  }

  @Get(':id')
  @ApiResult('Narrative')
  get(@IdParam() id: string): Promise<Narrative> {
    return this.service.get(id);
  }

  /** Rename, describe, archive or restore; send the version you loaded. */
  @Patch(':id')
  @ApiResult('Narrative')
  update(
    @ActorParam() actor: Actor,
    @IdParam() id: string,
    @Body() body: UpdateNarrativeDto,
    @Headers('if-match') ifMatch?: string,
  ): Promise<Narrative> {
    return this.service.update(actor, id, expectedVersion(body.version, ifMatch), body);
  }

  /** Only a narrative no sounding cites (409 otherwise: archive it instead). */
  @Delete(':id')
  @HttpCode(204)
  @ApiNoContent()
  remove(@ActorParam() actor: Actor, @IdParam() id: string): Promise<void> {
    return this.service.remove(actor, id);
  }
}
