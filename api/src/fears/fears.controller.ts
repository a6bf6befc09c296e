import { Body, Controller, Get, Headers, Patch, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Fear, Page } from '@soundings/shared';
import { ActorParam } from '../auth/actor';
import type { Actor } from '../auth/actor';
import { IdParam } from '../common/validation';
import { expectedVersion } from '../common/version';
import { ListFearsDto, UpdateFearDto } from './dto/fear.dto';
import { FearsService } from './fears.service';
import { ApiResult } from '../openapi/api-responses';

@ApiTags('fears')
@Controller('fears')
export class FearsController {
  constructor(private readonly service: FearsService) {}

  @Get()
  @ApiResult('FearPage')
  list(@ActorParam() actor: Actor, @Query() query: ListFearsDto): Promise<Page<Fear>> {
    return this.service.list(actor, query);
  }

  @Get(':id')
  @ApiResult('Fear')
  get(@ActorParam() actor: Actor, @IdParam() id: string): Promise<Fear> {
    return this.service.get(actor, id);
  }

  /** Change status, record the response; send the version you loaded. */
  @Patch(':id')
  @ApiResult('Fear')
  update(
    @ActorParam() actor: Actor,
    @IdParam() id: string,
    @Body() body: UpdateFearDto,
    @Headers('if-match') ifMatch?: string,
  ): Promise<Fear> {
    return this.service.update(actor, id, expectedVersion(body.version, ifMatch), body);
  }
}
