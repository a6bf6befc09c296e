import type { Briefing, BriefingPlan, CommitmentLevel, Dashboard, Page, Meeting } from '@soundings/shared';
import { COMMITMENT_PATH } from '@soundings/shared';
import { loadDemoOrganisation } from '../src/cli/seed-demo';
import { startTestApp, TestApp } from './test-app';

/**
 * The demo organisation is where a newcomer learns the product: its plan, meetings, follow-ups and notes
 * must tell one coherent story, read back through the API as the pages read it.
 */
describe('the demo organisation', () => {
  let t: TestApp;
  let summary: string | null;

  beforeAll(async () => {
    t = await startTestApp();
    summary = await loadDemoOrganisation(t.app);
  }, 180_000);
  afterAll(() => t.close());

  it('loads once, into an empty database only', async () => {
    expect(summary).toMatch(/^Loaded the demo organisation: 48 stakeholders \(top team of 8\)/);
    expect(await loadDemoOrganisation(t.app)).toBeNull();
    const [{ count }] = (await t.db.query('SELECT count(*)::int AS count FROM stakeholders')).rows;
    expect(count).toBe(48);
  });

  it('plans a briefing sequence with one warning, which moving that briefing clears', async () => {
    const plan: BriefingPlan = (await t.http.get('/api/briefings/plan').expect(200)).body;
    expect(plan.items.filter((item) => item.briefing.status === 'planned').length).toBeGreaterThanOrEqual(4);
    expect(plan.warnings.map((warning) => warning.code)).toEqual(['timing_not_now']);

    // The warning says when the window ends; three days later is clear of it.
    const warned = plan.items.find((item) => item.briefing.id === plan.warnings[0].briefingId)!.briefing;
    const later = new Date(Date.parse(warned.plannedFor) + 3 * 86_400_000).toISOString();
    const moved: Briefing = (await t.http.patch(`/api/briefings/${warned.id}`).send({ plannedFor: later, version: warned.version }).expect(200)).body;
    expect(moved.plannedFor).toBe(later);
    const after: BriefingPlan = (await t.http.get('/api/briefings/plan').expect(200)).body;
    expect(after.warnings).toEqual([]);
  });

  it('has a meeting coming up and HR presenting to the whole top team after the champions', async () => {
    const meetings: Page<Meeting> = (await t.http.get('/api/meetings').expect(200)).body;
    const upcoming = meetings.items.filter((meeting) => Date.parse(meeting.scheduledFor) > Date.now());
    expect(upcoming.length).toBeGreaterThanOrEqual(1);

    const plan: BriefingPlan = (await t.http.get('/api/briefings/plan').expect(200)).body;
    const hrToTopTeam = plan.items.find((item) => item.briefing.hr && item.briefing.topTeam)!;
    const championBriefings = plan.items.filter((item) => !item.briefing.hr);
    expect(championBriefings.every((item) => item.briefing.plannedFor < hrToTopTeam.briefing.plannedFor)).toBe(true);
  });

  it('has a realistic mix of follow-ups: a few overdue, some due this week, most later', async () => {
    const dashboard: Dashboard = (await t.http.get('/api/dashboard').expect(200)).body;
    const { rows } = await t.db.query<{ overdue: number; this_week: number; later: number; sounded: number }>(`
      SELECT count(*) FILTER (WHERE next_follow_up_on < current_date)::int AS overdue,
             count(*) FILTER (WHERE next_follow_up_on BETWEEN current_date AND current_date + 6)::int AS this_week,
             count(*) FILTER (WHERE next_follow_up_on > current_date + 6)::int AS later,
             count(*) FILTER (WHERE commitment <> 'not_sounded')::int AS sounded
        FROM stakeholders`);
    const [mix] = rows;
    expect(dashboard.overdueFollowUpsTotal).toBe(mix.overdue);
    expect(mix.overdue).toBeGreaterThan(0);
    expect(mix.overdue / mix.sounded).toBeLessThanOrEqual(0.3);
    expect(mix.this_week).toBeGreaterThan(0);
    expect(mix.later).toBeGreaterThan(mix.overdue);
  });

  it('writes notes that agree with the move they record', async () => {
    const { rows } = await t.db.query<{ name: string; summary: string; level: CommitmentLevel; previous: CommitmentLevel | null }>(`
      SELECT s.name, so.summary, so.commitment_after AS level,
             lag(so.commitment_after) OVER (PARTITION BY so.stakeholder_id ORDER BY so.held_on, so.created_at) AS previous
        FROM soundings so JOIN stakeholders s ON s.id = so.stakeholder_id`);
    const rank = (level: CommitmentLevel) => (level === 'resistant' ? -1 : COMMITMENT_PATH.indexOf(level));
    const contradictions = rows.filter(({ summary, level, previous }) => {
      if (previous === null || previous === level) return false;
      const warmer = rank(level) > rank(previous);
      return warmer ? /cooler|pushed back|not now/i.test(summary) : /warmed|softer|positive|agreed/i.test(summary);
    });
    expect(contradictions).toEqual([]);
  });

  it('gives each person fears and stories that fit their function', async () => {
    const { rows } = await t.db.query<{ business_function: string; statement: string }>(
      `SELECT s.business_function, f.statement FROM fears f JOIN stakeholders s ON s.id = f.stakeholder_id`,
    );
    const misfits = rows.filter(
      ({ business_function: fn, statement }) =>
        (/engineers/i.test(statement) && fn !== 'IT') ||
        (/sales culture/i.test(statement) && fn !== 'Sales') ||
        (/shop floor/i.test(statement) && fn !== 'Operations') ||
        (/an HR programme/i.test(statement) && fn === 'HR'),
    );
    expect(rows.length).toBeGreaterThan(20);
    expect(misfits).toEqual([]);
    const { rows: stories } = await t.db.query<{ business_function: string; developmental_experience: string }>(
      `SELECT s.business_function, so.developmental_experience FROM soundings so JOIN stakeholders s ON s.id = so.stakeholder_id
        WHERE so.developmental_experience LIKE '%plant manager%'`,
    );
    expect(stories.every((story) => story.business_function === 'Operations')).toBe(true);
  });

  it("keeps its notes' authors as HR colleagues nobody can sign in as", async () => {
    const { rows } = await t.db.query<{ display_name: string; active: boolean; password_hash: string | null; notes: number }>(`
      SELECT u.display_name, u.active, u.password_hash, (SELECT count(*)::int FROM soundings so WHERE so.author_id = u.id) AS notes
        FROM users u WHERE u.email LIKE '%@northwind.example' ORDER BY u.display_name`);
    expect(rows.map((row) => row.display_name)).toEqual(['Leo Marsh', 'Nadia Karim']);
    expect(rows.every((row) => !row.active && row.password_hash === null)).toBe(true);
    expect(rows.find((row) => row.display_name === 'Nadia Karim')!.notes).toBeGreaterThan(50);
  });
});
