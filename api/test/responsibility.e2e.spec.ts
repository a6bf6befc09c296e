import type { ResponsibilityReport, Stakeholder } from '@soundings/shared';
import { expectRefused } from './expectations';
import { createStakeholder } from './factories';
import { startTestApp, TestApp } from './test-app';

/** The first day of the month `back` months before `day`'s, as YYYY-MM-DD. */
function monthStart(day: string, back: number): string {
  const date = new Date(Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1 - back, 1));
  return date.toISOString().slice(0, 10);
}

/** Day `n` (1–28) of the month `back` months before `day`'s. */
const dayOf = (day: string, back: number, n: number) => `${monthStart(day, back).slice(0, 8)}${String(n).padStart(2, '0')}`;

describe('whose responsibility: briefings, initiatives and pilots led by leaders or HR', () => {
  let t: TestApp;
  let today: string;
  let leader: Stakeholder;
  let hrPerson: Stakeholder;
  let audience: Stakeholder;

  async function report(query = ''): Promise<ResponsibilityReport> {
    return (await t.http.get(`/api/dashboard/responsibility${query}`).expect(200)).body;
  }

  async function briefing(by: { brieferId: string } | { hr: true }, on: string, status: 'done' | 'planned' | 'cancelled' = 'done', at = '09:00:00Z'): Promise<void> {
    await t.http.post('/api/briefings').send({ ...by, audienceId: audience.id, plannedFor: `${on}T${at}`, status }).expect(201);
  }

  async function initiative(ownerId: string | null, heldOn: string): Promise<void> {
    await t.http.post('/api/initiatives').send({ title: `Initiative on ${heldOn}`, kind: 'update', heldOn, ownerId }).expect(201);
  }

  async function pilot(sponsorId: string | null, startOn: string, status = 'running'): Promise<void> {
    await t.db.query(`INSERT INTO pilots (name, sponsor_id, start_on, status) VALUES ($1, $2, $3, $4)`, [`Pilot from ${startOn}`, sponsorId, startOn, status]);
  }

  beforeAll(async () => {
    t = await startTestApp();
    today = (await t.db.query(`SELECT org_today()::text AS today`)).rows[0].today;
    leader = await createStakeholder(t.http, { name: 'Lea Leader', role: 'senior_leader' });
    hrPerson = await createStakeholder(t.http, { name: 'Hana HR', role: 'hr', businessFunction: 'HR' });
    audience = await createStakeholder(t.http, { name: 'Tom Top', role: 'top_team' });

    // Two months ago: leaders led all three.
    await briefing({ brieferId: leader.id }, dayOf(today, 2, 3));
    await initiative(leader.id, dayOf(today, 2, 10));
    await pilot(leader.id, dayOf(today, 2, 15));
    // Last month: HR briefed twice (itself, and an HR stakeholder), ran an initiative without an owner; a leader owned one.
    await briefing({ hr: true }, dayOf(today, 1, 5));
    await briefing({ brieferId: hrPerson.id }, dayOf(today, 1, 6));
    await initiative(null, dayOf(today, 1, 12));
    await initiative(leader.id, dayOf(today, 1, 20));
    // This month: a leader's initiative today. Not counted: a planned and a cancelled briefing, a proposed pilot,
    // an HR pilot with no start date, and anything after today.
    await initiative(leader.id, today);
    await briefing({ hr: true }, today, 'planned');
    await briefing({ hr: true }, today, 'cancelled');
    await pilot(null, today, 'proposed');
    await t.db.query(`INSERT INTO pilots (name, status) VALUES ('Undated HR pilot', 'running')`);
    await initiative(null, new Date(Date.parse(`${today}T00:00:00Z`) + 3 * 86_400_000).toISOString().slice(0, 10));
    // Four months ago: outside a three-month report.
    await initiative(null, dayOf(today, 4, 8));
  }, 60_000);
  afterAll(() => t.close());

  it('counts each month by who led it, with the leaders\' share and a flag on the month HR led', async () => {
    const { periods, overall, summary } = await report('?months=3');
    expect(periods.map((p) => [p.from, p.briefings, p.initiatives, p.pilots, p.hrLeads])).toEqual([
      [monthStart(today, 2), { byLeaders: 1, byHr: 0 }, { byLeaders: 1, byHr: 0 }, { byLeaders: 1, byHr: 0 }, false],
      [monthStart(today, 1), { byLeaders: 0, byHr: 2 }, { byLeaders: 1, byHr: 1 }, { byLeaders: 0, byHr: 0 }, true],
      [monthStart(today, 0), { byLeaders: 0, byHr: 0 }, { byLeaders: 1, byHr: 0 }, { byLeaders: 0, byHr: 0 }, false],
    ]);
    expect(periods.map((p) => p.leaderShare)).toEqual([1, 0.25, 1]);
    expect(periods[1].to).toBe(new Date(Date.parse(`${monthStart(today, 0)}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10));
    expect(overall).toMatchObject({
      from: monthStart(today, 2),
      briefings: { byLeaders: 1, byHr: 2 },
      initiatives: { byLeaders: 3, byHr: 1 },
      pilots: { byLeaders: 1, byHr: 0 },
      leaderShare: 5 / 8,
      hrLeads: false,
    });
    const lastMonth = new Date(`${monthStart(today, 1)}T00:00:00Z`).toLocaleDateString('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });
    expect(summary).toBe(`Leaders led 5 of the 8 briefings, initiatives and pilots in the last 3 months. HR led most of it in ${lastMonth}.`);
  });

  it('flags the campaign when HR led most of what happened in the span', async () => {
    const { periods, overall, summary } = await report('?months=2');
    expect(periods).toHaveLength(2);
    expect(overall).toMatchObject({ briefings: { byLeaders: 0, byHr: 2 }, initiatives: { byLeaders: 2, byHr: 1 }, leaderShare: 2 / 5, hrLeads: true });
    expect(summary).toBe('HR led 3 of the 5 briefings, initiatives and pilots in the last 2 months: hand them to leaders, with HR as their coach.');
  });

  it('covers six months by default, the current one last, and counts a briefing on its day in the organisation\'s time zone', async () => {
    const six = await report();
    expect(six.periods.map((p) => p.from)).toEqual([5, 4, 3, 2, 1, 0].map((back) => monthStart(today, back)));
    expect(six.overall.initiatives).toEqual({ byLeaders: 3, byHr: 2 });

    // 23:30 UTC on the last day of last month is already this month in Auckland.
    const lastDay = new Date(Date.parse(`${monthStart(today, 0)}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
    await briefing({ brieferId: leader.id }, lastDay, 'done', '23:30:00Z');
    const inUtc = await report('?months=1');
    await t.db.query(`UPDATE settings SET time_zone = 'Pacific/Auckland'`);
    try {
      const auckland = await report('?months=1');
      // Unless Auckland has already turned the month, the briefing moves into this month there.
      const aucklandToday = (await t.db.query(`SELECT org_today()::text AS today`)).rows[0].today;
      if (monthStart(aucklandToday, 0) === monthStart(today, 0)) {
        expect(auckland.periods[0].briefings.byLeaders).toBe(inUtc.periods[0].briefings.byLeaders + 1);
      }
    } finally {
      await t.db.query(`UPDATE settings SET time_zone = 'UTC'`);
    }
  });

  it('refuses a number of months out of range, and lets every role read it', async () => {
    for (const months of ['0', '37', 'three', '1.5']) expectRefused(await t.http.get(`/api/dashboard/responsibility?months=${months}`), 400, 'months');
    const viewer = await t.as('viewer');
    await viewer.http.get('/api/dashboard/responsibility').expect(200);
  });
});
