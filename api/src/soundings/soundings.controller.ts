import { Body, Controller, Get, Headers, Patch, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ConductedSoundings, Sounding } from '@soundings/shared';
import { ActorParam } from '../auth/actor';
import type { Actor } from '../auth/actor';
import { IdParam } from '../common/validation';
import { expectedVersion } from '../common/version';
import { CreateSoundingDto, UpdateSoundingDto } from './dto/sounding.dto';
import { SoundingsService } from './soundings.service';
import { ApiResult, ApiResultList } from '../openapi/api-responses';

@ApiTags('soundings')
@Controller()
export class SoundingsController {
  constructor(private readonly service: SoundingsService) {}

  /** Log a one-to-one sounding with the fears voiced in it. */
  @Post('stakeholders/:id/soundings')
  @ApiResult('Sounding', { status: 201 })
  log(@ActorParam() actor: Actor, @IdParam() stakeholderId: string, @Body() body: CreateSoundingDto): Promise<Sounding> {
    return this.service.log(actor, stakeholderId, body);
  }

  /** A person's soundings, newest first. */
  @Get('stakeholders/:id/soundings')
  @ApiResultList('Sounding')
  list(@ActorParam() actor: Actor, @IdParam() stakeholderId: string): Promise<Sounding[]> {
    return this.service.listForStakeholder(actor, stakeholderId);
  }

  /** The soundings this person held with others as a champion, newest first: how many, and the latest. */
  @Get('stakeholders/:id/soundings-conducted')
  @ApiResult('ConductedSoundings')
  conducted(@IdParam() stakeholderId: string): Promise<ConductedSoundings> {
    return this.service.conductedBy(stakeholderId);
  }

  @Get('soundings/:id')
  @ApiResult('Sounding')
  get(@ActorParam() actor: Actor, @IdParam() id: string): Promise<Sounding> {
    return this.service.get(actor, id);
  }

  @Patch('soundings/:id')
  @ApiResult('Sounding')
  update(
    @ActorParam() actor: Actor,
    @IdParam() id: string,
    @Body() body: UpdateSoundingDto,
    @Headers('if-match') ifMatch?: string,
  ): Promise<Sounding> {
    return this.service.update(actor, id, expectedVersion(body.version, ifMatch), body);
  }
}
