import { HR_LED_SHARE_WARNING } from '@soundings/shared';
import type { ResponsibilityPeriod, ResponsibilityReport } from '@soundings/shared';
import type { ResponsibilityMonthRow } from './responsibility.repository';

type LedCounts = Pick<ResponsibilityPeriod, 'briefings' | 'initiatives' | 'pilots'>;
const WORK = ['briefings', 'initiatives', 'pilots'] as const;

export function ledTotals(counts: LedCounts): { byLeaders: number; byHr: number; total: number } {
  const byLeaders = WORK.reduce((sum, work) => sum + counts[work].byLeaders, 0);
  const byHr = WORK.reduce((sum, work) => sum + counts[work].byHr, 0);
  return { byLeaders, byHr, total: byLeaders + byHr };
}

/** The leader share and the flag: HR leads when its share is more than HR_LED_SHARE_WARNING (half leads is not most). */
export function periodOf(from: string, to: string, counts: LedCounts): ResponsibilityPeriod {
  const { byLeaders, byHr, total } = ledTotals(counts);
  return {
    from,
    to,
    ...counts,
    leaderShare: total === 0 ? null : byLeaders / total,
    hrLeads: total > 0 && byHr / total > HR_LED_SHARE_WARNING,
  };
}

export function toPeriod(row: ResponsibilityMonthRow): ResponsibilityPeriod {
  return periodOf(row.month_start, row.month_end, {
    briefings: { byLeaders: row.briefings_by_leaders, byHr: row.briefings_by_hr },
    initiatives: { byLeaders: row.initiatives_by_leaders, byHr: row.initiatives_by_hr },
    pilots: { byLeaders: row.pilots_by_leaders, byHr: row.pilots_by_hr },
  });
}

/** The whole span as one period: the months' counts added up. */
export function overallOf(periods: ResponsibilityPeriod[]): ResponsibilityPeriod {
  const sum = (work: (typeof WORK)[number]) => ({
    byLeaders: periods.reduce((total, period) => total + period[work].byLeaders, 0),
    byHr: periods.reduce((total, period) => total + period[work].byHr, 0),
  });
  return periodOf(periods[0].from, periods[periods.length - 1].to, { briefings: sum('briefings'), initiatives: sum('initiatives'), pilots: sum('pilots') });
}

const monthName = (day: string) => new Date(`${day}T00:00:00Z`).toLocaleDateString('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });

function listOf(words: string[]): string {
  return words.length <= 1 ? words.join('') : `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}

/**
 * Whose responsibility in one or two sentences: "Leaders led 8 of the 10 briefings, initiatives and pilots in
 * the last 6 months. HR led most of it in October 2026." or, flagged, "HR led 7 of the 10 … : hand them to leaders."
 */
export function responsibilitySummary(periods: ResponsibilityPeriod[], overall: ResponsibilityPeriod): string {
  const span = periods.length === 1 ? 'this month' : `in the last ${periods.length} months`;
  const { byLeaders, byHr, total } = ledTotals(overall);
  if (total === 0) return `No briefings done, initiatives held or pilots started ${span} yet.`;
  if (total === 1) return `${byHr === 1 ? 'HR' : 'A leader'} led the only briefing, initiative or pilot ${span}${byHr === 1 ? ': hand the next to a leader.' : '.'}`;
  const work = 'briefings, initiatives and pilots';
  if (overall.hrLeads) return `HR led ${byHr} of the ${total} ${work} ${span}: hand them to leaders, with HR as their coach.`;
  const flagged = periods.filter((period) => period.hrLeads).map((period) => monthName(period.from));
  const first = `Leaders led ${byLeaders} of the ${total} ${work} ${span}.`;
  return flagged.length === 0 ? first : `${first} HR led most of it in ${listOf(flagged)}.`;
}

export function buildResponsibilityReport(rows: ResponsibilityMonthRow[]): ResponsibilityReport {
  const periods = rows.map(toPeriod);
  const overall = overallOf(periods);
  return { periods, overall, summary: responsibilitySummary(periods, overall) };
}
