import { Body, Controller, Delete, Get, Headers, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Briefing, BriefingPlan, Page } from '@soundings/shared';
import { ActorParam } from '../auth/actor';
import type { Actor } from '../auth/actor';
import { IdParam } from '../common/validation';
import { expectedVersion } from '../common/version';
import { BriefingsService } from './briefings.service';
import { CreateBriefingDto, ListBriefingsDto, ReorderBriefingsDto, UpdateBriefingDto } from './dto/briefing.dto';
import { ApiNoContent, ApiResult, ApiResultList } from '../openapi/api-responses';

@ApiTags('briefings')
@Controller('briefings')
export class BriefingsController {
  constructor(private readonly service: BriefingsService) {}

  /** Briefings in plan order: by day, then the day's manual order, then time. */
  @Get()
  @ApiResult('BriefingPage')
  list(@Query() query: ListBriefingsDto): Promise<Page<Briefing>> {
    return this.service.list(query);
  }

  /** Every briefing in order with its readiness, and the plan's warnings (computed, never stored). */
  @Get('plan')
  @ApiResult('BriefingPlan')
  plan(): Promise<BriefingPlan> {
    return this.service.plan();
  }

  /** Put one day's briefings in order: send every briefing of that day, first first. */
  @Post('reorder')
  @HttpCode(200)
  @ApiResultList('Briefing')
  reorder(@ActorParam() actor: Actor, @Body() body: ReorderBriefingsDto): Promise<Briefing[]> {
    return this.service.reorder(actor, body);
  }

  @Post()
  @ApiResult('Briefing', { status: 201 })
  create(@ActorParam() actor: Actor, @Body() body: CreateBriefingDto): Promise<Briefing> {
    return this.service.create(actor, body);
  }

  @Get(':id')
  @ApiResult('Briefing')
  get(@IdParam() id: string): Promise<Briefing> {
    return this.service.get(id);
  }

  /** Change who, when, the brief, or record it done with its outcome; send the version you loaded. */
  @Patch(':id')
  @ApiResult('Briefing')
  update(
    @ActorParam() actor: Actor,
    @IdParam() id: string,
    @Body() body: UpdateBriefingDto,
    @Headers('if-match') ifMatch?: string,
  ): Promise<Briefing> {
    return this.service.update(actor, id, expectedVersion(body.version, ifMatch), body);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiNoContent()
  remove(@ActorParam() actor: Actor, @IdParam() id: string): Promise<void> {
    return this.service.remove(actor, id);
  }
}
