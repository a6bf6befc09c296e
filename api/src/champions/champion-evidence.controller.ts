import { Body, Controller, Delete, Get, Headers, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ChampionEvidence, Page } from '@soundings/shared';
import { ActorParam } from '../auth/actor';
import type { Actor } from '../auth/actor';
import { IdParam } from '../common/validation';
import { expectedVersion } from '../common/version';
import { ApiNoContent, ApiResult } from '../openapi/api-responses';
import { ChampionEvidenceService } from './champion-evidence.service';
import { CreateChampionEvidenceDto, ListChampionEvidenceDto, UpdateChampionEvidenceDto } from './dto/champion-evidence.dto';

@ApiTags('champions')
@Controller('champion-evidence')
export class ChampionEvidenceController {
  constructor(private readonly service: ChampionEvidenceService) {}

  /** Evidence recorded by hand for the champion tests, newest first. */
  @Get()
  @ApiResult('ChampionEvidencePage')
  list(@Query() query: ListChampionEvidenceDto): Promise<Page<ChampionEvidence>> {
    return this.service.list(query);
  }

  /** An erased person gets 409 `stakeholder_erased`. */
  @Post()
  @ApiResult('ChampionEvidence', { status: 201 })
  create(@ActorParam() actor: Actor, @Body() body: CreateChampionEvidenceDto): Promise<ChampionEvidence> {
    return this.service.create(actor, body);
  }

  @Get(':id')
  @ApiResult('ChampionEvidence')
  get(@IdParam() id: string): Promise<ChampionEvidence> {
    return this.service.get(id);
  }

  /** Change the test, the words or the date; send the version you loaded. */
  @Patch(':id')
  @ApiResult('ChampionEvidence')
  update(
    @ActorParam() actor: Actor,
    @IdParam() id: string,
    @Body() body: UpdateChampionEvidenceDto,
    @Headers('if-match') ifMatch?: string,
  ): Promise<ChampionEvidence> {
    return this.service.update(actor, id, expectedVersion(body.version, ifMatch), body);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiNoContent()
  remove(@ActorParam() actor: Actor, @IdParam() id: string): Promise<void> {
    return this.service.remove(actor, id);
  }
}
