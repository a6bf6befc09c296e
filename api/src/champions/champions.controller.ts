import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ChampionList } from '@soundings/shared';
import { ActorParam } from '../auth/actor';
import type { Actor } from '../auth/actor';
import { ApiResult } from '../openapi/api-responses';
import { ChampionsService } from './champions.service';

@ApiTags('champions')
@Controller('champions')
export class ChampionsController {
  constructor(private readonly service: ChampionsService) {}

  /** Every potential champion against the three tests: qualified first, then close, developing and coaches; by name within each. */
  @Get()
  @ApiResult('ChampionList')
  list(@ActorParam() actor: Actor): Promise<ChampionList> {
    return this.service.list(actor);
  }
}
