import { Body, Controller, Delete, Get, Headers, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Page, Pilot, PilotDetail, PilotsDashboard, ProofPoint } from '@soundings/shared';
import { ActorParam } from '../auth/actor';
import type { Actor } from '../auth/actor';
import { IdParam } from '../common/validation';
import { expectedVersion } from '../common/version';
import { ApiNoContent, ApiResult } from '../openapi/api-responses';
import { CreatePilotDto, CreateProofPointDto, ListPilotsDto, TellPilotResultDto, UpdatePilotDto, UpdateProofPointDto } from './dto/pilot.dto';
import { PilotsService } from './pilots.service';

@ApiTags('pilots')
@Controller()
export class PilotsController {
  constructor(private readonly service: PilotsService) {}

  /** Running first, then proposed, done and stopped; the latest start first within each, then by name. */
  @Get('pilots')
  @ApiResult('PilotPage')
  list(@Query() query: ListPilotsDto): Promise<Page<Pilot>> {
    return this.service.list(query);
  }

  /** Start small: a pilot as proof, with its sponsor and the leaders who asked to see the results. */
  @Post('pilots')
  @ApiResult('PilotDetail', { status: 201 })
  create(@ActorParam() actor: Actor, @Body() body: CreatePilotDto): Promise<PilotDetail> {
    return this.service.create(actor, body);
  }

  /** The pilot with its proof points, newest first. */
  @Get('pilots/:id')
  @ApiResult('PilotDetail')
  get(@IdParam() id: string): Promise<PilotDetail> {
    return this.service.get(id);
  }

  /** Send the version you loaded. `askedBy` replaces the whole list; people who stay keep what they were told. */
  @Patch('pilots/:id')
  @ApiResult('PilotDetail')
  update(@ActorParam() actor: Actor, @IdParam() id: string, @Body() body: UpdatePilotDto, @Headers('if-match') ifMatch?: string): Promise<PilotDetail> {
    return this.service.update(actor, id, expectedVersion(body.version, ifMatch), body);
  }

  /** Removes the pilot with its proof points and who asked for them. */
  @Delete('pilots/:id')
  @HttpCode(204)
  @ApiNoContent()
  remove(@ActorParam() actor: Actor, @IdParam() id: string): Promise<void> {
    return this.service.remove(actor, id);
  }

  /** A dated result, in words and optionally as a number with its unit. */
  @Post('pilots/:id/proof-points')
  @ApiResult('ProofPoint', { status: 201 })
  addProofPoint(@ActorParam() actor: Actor, @IdParam() id: string, @Body() body: CreateProofPointDto): Promise<ProofPoint> {
    return this.service.addProofPoint(actor, id, body);
  }

  /** Marks that a leader who asked for proof heard a result: the latest unless `proofPointId` names another. */
  @Post('pilots/:id/told')
  @ApiResult('PilotDetail', { status: 201 })
  tell(@ActorParam() actor: Actor, @IdParam() id: string, @Body() body: TellPilotResultDto): Promise<PilotDetail> {
    return this.service.tell(actor, id, body);
  }

  @Patch('proof-points/:id')
  @ApiResult('ProofPoint')
  updateProofPoint(
    @ActorParam() actor: Actor,
    @IdParam() id: string,
    @Body() body: UpdateProofPointDto,
    @Headers('if-match') ifMatch?: string,
  ): Promise<ProofPoint> {
    return this.service.updateProofPoint(actor, id, expectedVersion(body.version, ifMatch), body);
  }

  @Delete('proof-points/:id')
  @HttpCode(204)
  @ApiNoContent()
  removeProofPoint(@ActorParam() actor: Actor, @IdParam() id: string): Promise<void> {
    return this.service.removeProofPoint(actor, id);
  }

  /**
   * The dashboard's pilots panel in one statement: every running pilot with its latest proof, and each leader who
   * asked for proof of a pilot and has not heard its latest result (never told first, then told longest ago).
   */
  @Get('dashboard/pilots')
  @ApiResult('PilotsDashboard')
  dashboard(): Promise<PilotsDashboard> {
    return this.service.dashboard();
  }
}
