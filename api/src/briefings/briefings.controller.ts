import { Body, Controller, Delete, Get, Headers, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Briefing, BriefingPlan, Page, SuggestedBriefers } from '@soundings/shared';
import { ActorParam } from '../auth/actor';
import type { Actor } from '../auth/actor';
import { IdParam } from '../common/validation';
import { expectedVersion } from '../common/version';
import { BriefingsService } from './briefings.service';
import { CreateBriefingDto, ListBriefingsDto, ReorderBriefingsDto, SuggestedBriefersDto, UpdateBriefingDto } from './dto/briefing.dto';
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

  /**
   * Who could brief this person, best first (at most 10): on board before not, then a strong relationship with
   * them, then a building one, then the same business function, then higher on the ladder, then by name. Never
   * the person themselves, nor anyone erased, resistant, from HR or holding an `avoid` relationship with them.
   */
  @Get('suggested-briefers')
  @ApiResult('SuggestedBriefers')
  suggestedBriefers(@Query() query: SuggestedBriefersDto): Promise<SuggestedBriefers> {
    return this.service.suggestedBriefers(query.audienceId);
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
