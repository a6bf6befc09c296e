import type { INestApplicationContext } from '@nestjs/common';
import type { CreateTimingWindowRequest } from '@soundings/shared';
import { DataSource } from 'typeorm';
import type { Actor } from '../../auth/actor';
import { TimingService } from '../../timing/timing.service';

/** The day `days` from today (negative: past), `YYYY-MM-DD` in UTC. */
function day(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

/** The budget round (September and October) nearest ahead, and the one before it. */
function budgetRounds(): { startsOn: string; endsOn: string }[] {
  const today = day(0);
  const year = Number(today.slice(0, 4));
  const next = today > `${year}-10-31` ? year + 1 : year;
  return [next - 1, next].map((y) => ({ startsOn: `${y}-09-01`, endsOn: `${y}-10-31` }));
}

/** The last day of the quarter now running. */
function quarterEnd(): Date {
  const today = new Date(`${day(0)}T00:00:00Z`);
  return new Date(Date.UTC(today.getUTCFullYear(), Math.floor(today.getUTCMonth() / 3) * 3 + 3, 0));
}

/** `days` after the quarter now running ends (negative: before), `YYYY-MM-DD`. */
export function fromQuarterEnd(days: number): string {
  return new Date(quarterEnd().getTime() + days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * Timing windows in the people's own words: Rajiv Menon's budget rounds, Helen Achterberg's board week, Marcus Doyle's year-end push and
 * Finance's quarter close. Helen's board week covers the day Kwame Haddad briefs her, so the plan warns
 * about it until the briefing moves. Through the service, so the audit trail is real.
 */
export async function seedTiming(context: INestApplicationContext, actor: Actor, id: (name: string) => string): Promise<number> {
  const timing = context.get(TimingService);
  const financeLeaders: { id: string }[] = await context
    .get(DataSource)
    .query(`SELECT id FROM stakeholders WHERE business_function = 'Finance' AND role = 'senior_leader' ORDER BY name`);
  // Finance closes the quarter from a week before its end to nine days after; the results are in after that.
  const quarterClose = { startsOn: fromQuarterEnd(-7), endsOn: fromQuarterEnd(9) };
  const quarter = { startsOn: fromQuarterEnd(10), endsOn: fromQuarterEnd(30) };
  const windows: CreateTimingWindowRequest[] = [
    ...budgetRounds().map((round) => ({ stakeholderId: id('Rajiv Menon'), kind: 'not_now' as const, ...round, note: 'Budget round: not before the numbers are signed off.' })),
    { stakeholderId: id('Rajiv Menon'), kind: 'best', ...quarter, note: 'Once the quarter is closed and he has the numbers in front of him.' },
    { stakeholderId: id('Helen Achterberg'), kind: 'not_now', startsOn: day(5), endsOn: day(7), note: 'Board week.' },
    { stakeholderId: id('Marcus Doyle'), kind: 'not_now', startsOn: day(18), endsOn: day(30), note: 'The year-end push: nothing new until the deals are closed.' },
    ...financeLeaders.map((leader) => ({ stakeholderId: leader.id, kind: 'not_now' as const, ...quarterClose, note: 'Quarter close.' })),
  ];
  for (const window of windows) await timing.create(actor, window);
  return windows.length;
}
