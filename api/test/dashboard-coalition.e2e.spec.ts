import type { CockpitRow, CommitmentTrend, Dashboard, TopTeamCockpit, TrendCounts } from '@soundings/shared';
import { TREND_WEEKS_DEFAULT, TREND_WEEKS_MAX } from '@soundings/shared';
import { createStakeholder, daysAgo, logSounding, today } from './factories';
import { startTestApp, TestApp } from './test-app';

/** `iso` moved by `days` calendar days. */
function addDays(iso: string, days: number): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** The Monday that starts this week in UTC. */
function thisMonday(): string {
  const day = new Date(`${today()}T00:00:00Z`).getUTCDay();
  return addDays(today(), -((day + 6) % 7));
}

describe('dashboard: top-team cockpit', () => {
  let t: TestApp;
  let cockpit: TopTeamCockpit;
  const row = (name: string): CockpitRow => {
    const found = cockpit.items.find((item) => item.member.name === name);
    if (!found) throw new Error(`${name} is not in the cockpit`);
    return found;
  };

  beforeAll(async () => {
    t = await startTestApp();
    const admin = await t.as('admin');

    // Open 40 days ago, supportive 20 days ago, committed 5 days ago: open → committed within the 30 days.
    const ada = await createStakeholder(t.http, { name: 'Ada Climber', role: 'top_team', requiredCommitment: 'committed' });
    await logSounding(t.http, ada.id, { heldOn: daysAgo(40), commitmentAfter: 'open' });
    await logSounding(t.http, ada.id, { heldOn: daysAgo(20), commitmentAfter: 'supportive' });
    const latest = await logSounding(t.http, ada.id, {
      heldOn: daysAgo(5),
      commitmentAfter: 'committed',
      fears: [
        { statement: 'Time for coaching', category: 'time_and_workload' },
        { statement: 'Being seen to fail', category: 'personal_exposure' },
        { statement: 'Budget next year', category: 'cost_and_budget' },
      ],
    });
    await t.http.patch(`/api/fears/${latest.fears[1].id}`).send({ version: 1, status: 'addressing' }).expect(200);
    await t.http.patch(`/api/fears/${latest.fears[2].id}`).send({ version: 1, status: 'resolved' }).expect(200);

    // Supportive 45 days ago, resistant 3 days ago: backwards, two steps (resistant counts as sounded).
    const ben = await createStakeholder(t.http, { name: 'Ben Backslide', role: 'top_team', requiredCommitment: 'public_champion' });
    await logSounding(t.http, ben.id, { heldOn: daysAgo(45), commitmentAfter: 'supportive' });
    await logSounding(t.http, ben.id, { heldOn: daysAgo(3), commitmentAfter: 'resistant' });

    await createStakeholder(t.http, { name: 'Cara Newcomer', role: 'top_team', requiredCommitment: 'supportive' });

    // Committed exactly 30 days ago: that is where they stood then.
    const dev = await createStakeholder(t.http, { name: 'Dev Steady', role: 'top_team' });
    await logSounding(t.http, dev.id, { heldOn: daysAgo(31), commitmentAfter: 'open' });
    await logSounding(t.http, dev.id, { heldOn: daysAgo(30), commitmentAfter: 'committed' });

    const erased = await createStakeholder(t.http, { name: 'Erin Erased', role: 'top_team', requiredCommitment: 'committed' });
    await admin.http.post(`/api/stakeholders/${erased.id}/erase`).expect(200);
    await createStakeholder(t.http, { name: 'Lou Linemanager', role: 'line_manager', requiredCommitment: 'committed' });

    // Who holds Ada's relationship: a champion (strong), an HR account by its display name (building), one by its email (avoid).
    const chloe = await createStakeholder(t.http, { name: 'Chloe Champion', role: 'line_manager', potentialChampion: true });
    await logSounding(t.http, chloe.id, { heldOn: daysAgo(10), commitmentAfter: 'committed' });
    const hana = await t.as('practitioner', 'hana.hr@example.test');
    await t.db.query(`UPDATE users SET display_name = 'Hana Hr' WHERE id = $1`, [hana.id]);
    const nameless = await t.as('practitioner', 'zed.nameless@example.test');
    await t.db.query(
      `INSERT INTO relationships (stakeholder_id, holder_user_id, holder_stakeholder_id, quality) VALUES
         ($1, NULL, $2, 'strong'), ($1, $3, NULL, 'building'), ($1, $4, NULL, 'avoid')`,
      [ada.id, chloe.id, hana.id, nameless.id],
    );

    cockpit = (await t.http.get('/api/dashboard/top-team').expect(200)).body;
  });
  afterAll(() => t.close());

  it('lists the top team still on record, largest gap to the required level first, then by name', () => {
    // Ben: resistant counts as sounded, 4 steps to public champion; Cara: not sounded, 3 to supportive; Ada and Dev meet theirs or have none.
    expect(cockpit.items.map((item) => [item.member.name, item.gap])).toEqual([
      ['Ben Backslide', 4],
      ['Cara Newcomer', 3],
      ['Ada Climber', 0],
      ['Dev Steady', 0],
    ]);
    expect(row('Ada Climber').member).toMatchObject({ role: 'top_team', commitment: 'committed', requiredCommitment: 'committed', onBoard: true });
  });

  it('shows a climb from open to committed within 30 days as +2', () => {
    expect(row('Ada Climber').movement).toEqual({ from: 'open', to: 'committed', steps: 2 });
  });

  it('shows a fall from supportive to resistant as two steps back', () => {
    expect(row('Ben Backslide').movement).toEqual({ from: 'supportive', to: 'resistant', steps: -2 });
  });

  it('takes the level on the day 30 days ago as where they stood then, and not sounded before any record', () => {
    expect(row('Dev Steady').movement).toEqual({ from: 'committed', to: 'committed', steps: 0 });
    expect(row('Cara Newcomer').movement).toEqual({ from: 'not_sounded', to: 'not_sounded', steps: 0 });
  });

  it('names who holds the relationship, strongest first: a champion with their level, accounts by display name else email', () => {
    expect(row('Ada Climber').holders).toEqual([
      { type: 'champion', id: expect.any(String), name: 'Chloe Champion', commitment: 'committed', quality: 'strong' },
      { type: 'account', id: expect.any(String), name: 'Hana Hr', commitment: null, quality: 'building' },
      { type: 'account', id: expect.any(String), name: 'zed.nameless@example.test', commitment: null, quality: 'avoid' },
    ]);
    expect(row('Ben Backslide').holders).toEqual([]);
  });

  it('gives the last contact and counts open and being-addressed fears, not resolved ones', () => {
    expect(row('Ada Climber')).toMatchObject({ lastContactAt: daysAgo(5), openFears: 2 });
    expect(row('Cara Newcomer')).toMatchObject({ lastContactAt: null, openFears: 0 });
  });

  it('is readable by every signed-in role', async () => {
    const viewer = await t.as('viewer');
    const seen = (await viewer.http.get('/api/dashboard/top-team').expect(200)).body as TopTeamCockpit;
    expect(seen.items.map((item) => item.member.name)).toEqual(cockpit.items.map((item) => item.member.name));
  });
});

describe('dashboard: commitment trend', () => {
  let t: TestApp;
  const monday = thisMonday();
  /** The Monday `n` weeks before this one. */
  const weekStart = (n: number) => addDays(monday, -7 * n);
  const counts = (total: number, onBoard: number, withRequired: number, atRequired: number): TrendCounts => ({ total, onBoard, withRequired, atRequired });

  beforeAll(async () => {
    t = await startTestApp();
    const admin = await t.as('admin');
    // Top team. Tia: open on the Wednesday four weeks back, committed on the Tuesday two weeks back; needs committed.
    const tia = await createStakeholder(t.http, { name: 'Tia', role: 'top_team', requiredCommitment: 'committed' });
    await logSounding(t.http, tia.id, { heldOn: addDays(weekStart(4), 2), commitmentAfter: 'open' });
    await logSounding(t.http, tia.id, { heldOn: addDays(weekStart(2), 1), commitmentAfter: 'committed' });
    // Tom: supportive on the Monday three weeks back, resistant on last week's Sunday (its last day); needs supportive.
    const tom = await createStakeholder(t.http, { name: 'Tom', role: 'top_team', requiredCommitment: 'supportive' });
    await logSounding(t.http, tom.id, { heldOn: weekStart(3), commitmentAfter: 'supportive' });
    await logSounding(t.http, tom.id, { heldOn: addDays(weekStart(1), 6), commitmentAfter: 'resistant' });
    // Tess: added today, never sounded, nothing required.
    await createStakeholder(t.http, { name: 'Tess', role: 'top_team' });
    // Everyone else. Eli: public champion since the Friday seven weeks back, before the first of six weeks; needs supportive.
    const eli = await createStakeholder(t.http, { name: 'Eli', role: 'line_manager', requiredCommitment: 'supportive' });
    await logSounding(t.http, eli.id, { heldOn: addDays(weekStart(7), 4), commitmentAfter: 'public_champion' });
    // Eva: supportive on the Monday three weeks back, then erased: her levels stay in the counts, as on the dashboard.
    const eva = await createStakeholder(t.http, { name: 'Eva', role: 'line_manager' });
    await logSounding(t.http, eva.id, { heldOn: weekStart(3), commitmentAfter: 'supportive' });
    await admin.http.post(`/api/stakeholders/${eva.id}/erase`).expect(200);
  });
  afterAll(() => t.close());

  it('replays each week from the level history, oldest first, this week (now) last', async () => {
    const trend: CommitmentTrend = (await t.http.get('/api/dashboard/trend?weeks=6').expect(200)).body;
    expect(trend.weeks).toEqual([
      // Only Eli is on record five weeks back.
      { weekStart: weekStart(5), topTeam: counts(0, 0, 0, 0), everyone: counts(1, 1, 1, 1) },
      // Tia is open: on record, not yet where she must be.
      { weekStart: weekStart(4), topTeam: counts(1, 0, 1, 0), everyone: counts(2, 1, 2, 1) },
      // Tom and Eva arrive supportive; Tom meets his required level.
      { weekStart: weekStart(3), topTeam: counts(2, 1, 2, 1), everyone: counts(4, 3, 3, 2) },
      // Tia committed: the whole top team on board and at their level.
      { weekStart: weekStart(2), topTeam: counts(2, 2, 2, 2), everyone: counts(4, 4, 3, 3) },
      // Tom resistant by the end of last week.
      { weekStart: weekStart(1), topTeam: counts(2, 1, 2, 1), everyone: counts(4, 3, 3, 2) },
      // Tess is on record now.
      { weekStart: weekStart(0), topTeam: counts(3, 1, 2, 1), everyone: counts(5, 3, 3, 2) },
    ]);
  });

  it('ends at what the dashboard says now', async () => {
    const trend: CommitmentTrend = (await t.http.get('/api/dashboard/trend?weeks=1').expect(200)).body;
    const dashboard: Dashboard = (await t.http.get('/api/dashboard').expect(200)).body;
    expect(trend.weeks).toHaveLength(1);
    expect(trend.weeks[0].everyone.total).toBe(dashboard.totalStakeholders);
    expect(trend.weeks[0].topTeam).toMatchObject({ total: dashboard.topTeam.total, onBoard: dashboard.topTeam.onBoard });
  });

  it(`shows ${TREND_WEEKS_DEFAULT} weeks by default and up to ${TREND_WEEKS_MAX}`, async () => {
    const byDefault: CommitmentTrend = (await t.http.get('/api/dashboard/trend').expect(200)).body;
    expect(byDefault.weeks.map((week) => week.weekStart)).toEqual(Array.from({ length: TREND_WEEKS_DEFAULT }, (_, i) => weekStart(TREND_WEEKS_DEFAULT - 1 - i)));
    const longest: CommitmentTrend = (await t.http.get(`/api/dashboard/trend?weeks=${TREND_WEEKS_MAX}`).expect(200)).body;
    expect(longest.weeks).toHaveLength(TREND_WEEKS_MAX);
    // Nobody is on record before the week of Eli's first sounding.
    expect(longest.weeks[0]).toEqual({ weekStart: weekStart(TREND_WEEKS_MAX - 1), topTeam: counts(0, 0, 0, 0), everyone: counts(0, 0, 0, 0) });
    const firstOnRecord = longest.weeks.find((week) => week.everyone.total > 0)!;
    expect(firstOnRecord).toEqual({ weekStart: weekStart(7), topTeam: counts(0, 0, 0, 0), everyone: counts(1, 1, 1, 1) });
  });

  it.each(['0', String(TREND_WEEKS_MAX + 1), '-1', '1.5', 'abc', '1e2', ''])('refuses weeks=%s with a 400 naming the field', async (weeks) => {
    const response = await t.http.get(`/api/dashboard/trend?weeks=${weeks}`).expect(400);
    expect(response.body).toMatchObject({ code: expect.any(String), requestId: expect.any(String) });
    expect(response.body.fields.map((f: { field: string }) => f.field)).toEqual(['weeks']);
  });

  it('refuses a query parameter it does not know', async () => {
    const response = await t.http.get('/api/dashboard/trend?months=3').expect(400);
    expect(response.body.fields.map((f: { field: string }) => f.field)).toEqual(['months']);
  });

  it('is readable by every signed-in role', async () => {
    const viewer = await t.as('viewer');
    const seen: CommitmentTrend = (await viewer.http.get('/api/dashboard/trend?weeks=2').expect(200)).body;
    expect(seen.weeks).toHaveLength(2);
  });
});
