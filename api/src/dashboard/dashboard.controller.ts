import { createHash } from 'node:crypto';
import { Controller, Get, Headers, Query, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { ApiResponse, ApiTags } from '@nestjs/swagger';
import { CommitmentTrend, Dashboard, FunctionCoverage, SlippingPerson, TopTeamCockpit } from '@soundings/shared';
import { ActorParam } from '../auth/actor';
import type { Actor } from '../auth/actor';
import { CoalitionDashboardService } from './coalition-dashboard.service';
import { DashboardService } from './dashboard.service';
import { CommitmentTrendQueryDto } from './dto/commitment-trend-query.dto';
import { ApiResult, ApiResultList } from '../openapi/api-responses';
import { FunctionCoverageService } from './function-coverage.service';

@ApiTags('dashboard')
@Controller('dashboard')
export class DashboardController {
  constructor(
    private readonly service: DashboardService,
    private readonly coalition: CoalitionDashboardService,
    private readonly coverage: FunctionCoverageService,
  ) {}

  /**
   * Answers with a weak ETag; send it back in If-None-Match and an unchanged dashboard answers 304 without a body.
   * The tag is a digest of what this reader is shown, so it changes with any number or name on it, a new day included.
   */
  @Get()
  @ApiResult('Dashboard')
  @ApiResponse({ status: 304, description: 'Not modified: the dashboard is as the ETag sent in If-None-Match says' })
  async get(
    @ActorParam() actor: Actor,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Headers('if-none-match') ifNoneMatch?: string,
  ): Promise<Dashboard> {
    const dashboard = await this.service.get(actor);
    const etag = `W/"${createHash('sha256').update(JSON.stringify(dashboard)).digest('base64url').slice(0, 27)}"`;
    void reply.header('etag', etag);
    if (ifNoneMatch && ifNoneMatch.split(',').some((tag) => tag.trim() === etag || tag.trim() === '*')) {
      // Fastify sends a 304 without its body.
      void reply.status(304);
    }
    return dashboard;
  }

  /**
   * Committed or public champions and top-team members whose contact is past their ideal interval or who were never
   * contacted (erased people left out): those with nothing planned first (no follow-up date, planned briefing,
   * meeting or initiative ahead), then overdue, never contacted, due, then the longest without contact; at most 20.
   */
  @Get('slipping')
  @ApiResultList('SlippingPerson')
  slipping(): Promise<SlippingPerson[]> {
    return this.service.slipping();
  }

  /**
   * One row per top-team member (erased people left out), largest gap to the required level first, then by name:
   * who holds the relationship, last contact, open fears (open or being addressed) and the movement over the last
   * COCKPIT_MOVEMENT_DAYS days (the level then, replayed from the level history, against now).
   */
  @Get('top-team')
  @ApiResult('TopTeamCockpit')
  topTeam(): Promise<TopTeamCockpit> {
    return this.coalition.topTeam();
  }

  /**
   * Week by week (Monday start, UTC, the current week last), the top team and everyone: on record, on board, with a
   * required level, and at or above it, at the end of each week (the current one: now), replayed from the level
   * history, never from a stored snapshot. Erased people keep their levels in the counts, as on the dashboard.
   * Role and required level are today's values (neither has a history), applied to every week.
   */
  @Get('trend')
  @ApiResult('CommitmentTrend')
  trend(@Query() query: CommitmentTrendQueryDto): Promise<CommitmentTrend> {
    return this.coalition.trend(query.weeks);
  }

  /**
   * Per business function (every one named by a priority or by someone on record, by name): its priorities, its
   * committed and public champions, whether one covers it, and where its leaders (top team and senior leaders of
   * the function) stand.
   */
  @Get('functions')
  @ApiResultList('FunctionCoverage')
  functions(): Promise<FunctionCoverage[]> {
    return this.coverage.functions();
  }
}
