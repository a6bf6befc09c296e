import { Body, Controller, Delete, Get, Headers, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Page, Priority } from '@soundings/shared';
import { ActorParam } from '../auth/actor';
import type { Actor } from '../auth/actor';
import { IdParam } from '../common/validation';
import { expectedVersion } from '../common/version';
import { ApiNoContent, ApiResult } from '../openapi/api-responses';
import { CreatePriorityDto, ListPrioritiesDto, UpdatePriorityDto } from './dto/priority.dto';
import { PrioritiesService } from './priorities.service';

@ApiTags('priorities')
@Controller('priorities')
export class PrioritiesController {
  constructor(private readonly service: PrioritiesService) {}

  /** Business priorities by function, then title. */
  @Get()
  @ApiResult('PriorityPage')
  list(@Query() query: ListPrioritiesDto): Promise<Page<Priority>> {
    return this.service.list(query);
  }

  /** Record a function's priority in its own words, who owns it and how coaching serves it. */
  @Post()
  @ApiResult('Priority', { status: 201 })
  create(@ActorParam() actor: Actor, @Body() body: CreatePriorityDto): Promise<Priority> {
    return this.service.create(actor, body);
  }

  @Get(':id')
  @ApiResult('Priority')
  get(@IdParam() id: string): Promise<Priority> {
    return this.service.get(id);
  }

  /** Change the function, the words, the owner or the coaching link; send the version you loaded. */
  @Patch(':id')
  @ApiResult('Priority')
  update(
    @ActorParam() actor: Actor,
    @IdParam() id: string,
    @Body() body: UpdatePriorityDto,
    @Headers('if-match') ifMatch?: string,
  ): Promise<Priority> {
    return this.service.update(actor, id, expectedVersion(body.version, ifMatch), body);
  }

  /** Remove a priority; briefings and soundings that cited it no longer do. */
  @Delete(':id')
  @HttpCode(204)
  @ApiNoContent()
  remove(@ActorParam() actor: Actor, @IdParam() id: string): Promise<void> {
    return this.service.remove(actor, id);
  }
}
