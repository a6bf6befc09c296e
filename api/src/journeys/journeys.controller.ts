import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Journey } from '@soundings/shared';
import { ActorParam } from '../auth/actor';
import type { Actor } from '../auth/actor';
import { IdParam } from '../common/validation';
import { JourneysService } from './journeys.service';
import { ApiResult } from '../openapi/api-responses';

@ApiTags('journey')
@Controller('stakeholders/:id/journey')
export class JourneysController {
  constructor(private readonly service: JourneysService) {}

  /** The person's path: each ladder step with the date first reached, and a chronological timeline. */
  @Get()
  @ApiResult('Journey')
  journey(@ActorParam() actor: Actor, @IdParam() stakeholderId: string): Promise<Journey> {
    return this.service.journey(actor, stakeholderId);
  }
}
