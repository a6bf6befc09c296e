import { Body, Controller, Delete, Get, Headers, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Initiative, Page } from '@soundings/shared';
import { ActorParam } from '../auth/actor';
import type { Actor } from '../auth/actor';
import { IdParam } from '../common/validation';
import { expectedVersion } from '../common/version';
import { ApiNoContent, ApiResult } from '../openapi/api-responses';
import { CreateInitiativeDto, ListInitiativesDto, UpdateInitiativeDto } from './dto/initiative.dto';
import { InitiativesService } from './initiatives.service';

@ApiTags('initiatives')
@Controller('initiatives')
export class InitiativesController {
  constructor(private readonly service: InitiativesService) {}

  /** The rolling programme, newest day first; filter by days, owner, a person involved or kind. */
  @Get()
  @ApiResult('InitiativePage')
  list(@Query() query: ListInitiativesDto): Promise<Page<Initiative>> {
    return this.service.list(query);
  }

  /** Add an initiative (an update, an event, a showcase…) with its owner and the people involved. */
  @Post()
  @ApiResult('Initiative', { status: 201 })
  create(@ActorParam() actor: Actor, @Body() body: CreateInitiativeDto): Promise<Initiative> {
    return this.service.create(actor, body);
  }

  @Get(':id')
  @ApiResult('Initiative')
  get(@IdParam() id: string): Promise<Initiative> {
    return this.service.get(id);
  }

  /** Change the details, the owner or the people involved (sent whole); send the version you loaded. */
  @Patch(':id')
  @ApiResult('Initiative')
  update(
    @ActorParam() actor: Actor,
    @IdParam() id: string,
    @Body() body: UpdateInitiativeDto,
    @Headers('if-match') ifMatch?: string,
  ): Promise<Initiative> {
    return this.service.update(actor, id, expectedVersion(body.version, ifMatch), body);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiNoContent()
  remove(@ActorParam() actor: Actor, @IdParam() id: string): Promise<void> {
    return this.service.remove(actor, id);
  }
}
