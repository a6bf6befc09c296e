import { Injectable } from '@nestjs/common';
import { COCKPIT_MOVEMENT_DAYS, CommitmentTrend, TopTeamCockpit, TREND_WEEKS_DEFAULT } from '@soundings/shared';
import { CoalitionDashboardRepository } from './coalition-dashboard.repository';
import { byGapThenName, toCockpitRow, toTrendWeek } from './coalition-dashboard.rules';

/** The dashboard's coalition views: the top-team cockpit and the commitment trend, one statement each. */
@Injectable()
export class CoalitionDashboardService {
  constructor(private readonly repository: CoalitionDashboardRepository) {}

  async topTeam(): Promise<TopTeamCockpit> {
    const rows = await this.repository.topTeam(COCKPIT_MOVEMENT_DAYS);
    return { items: byGapThenName(rows.map(toCockpitRow)) };
  }

  async trend(weeks = TREND_WEEKS_DEFAULT): Promise<CommitmentTrend> {
    const rows = await this.repository.trend(weeks);
    return { weeks: rows.map(toTrendWeek) };
  }
}
