import type { CommitmentLevel, InfluenceKind, SoundingRecommendation, SoundingRecommendations, Stakeholder } from '@soundings/shared';
import { RECOMMENDATION_WEIGHTS as W, RECOMMENDATIONS_DEFAULT_LIMIT, RECOMMENDATIONS_MAX_LIMIT } from '@soundings/shared';
import { createStakeholder, daysAgo, logSounding } from './factories';
import { expectRefused } from './expectations';
import { startTestApp, TestApp } from './test-app';

/** A moment `days` from today at 09:00 UTC, and how the reasons print its day ("14 Dec"). */
function at(days: number): string {
  const date = new Date(Date.now() + days * 86_400_000);
  date.setUTCHours(9, 0, 0, 0);
  return date.toISOString();
}
const day = (iso: string) => new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' }).format(new Date(iso));

describe('next best soundings', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const everyone = async (): Promise<SoundingRecommendation[]> =>
    ((await t.http.get(`/api/recommendations/soundings?limit=${RECOMMENDATIONS_MAX_LIMIT}`).expect(200)).body as SoundingRecommendations).items;
  const find = (items: SoundingRecommendation[], person: Stakeholder) => items.find((item) => item.stakeholder.id === person.id);
  const rank = (items: SoundingRecommendation[], person: Stakeholder) => items.findIndex((item) => item.stakeholder.id === person.id);
  const reasons = (item: SoundingRecommendation | undefined) => item?.reasons.map(({ code, text, weight }) => ({ code, text, weight }));

  /** Influence links are arranged straight in the table. */
  async function link(from: Stakeholder, to: Stakeholder, kind: InfluenceKind = 'looks_to', strength = 2): Promise<void> {
    await t.db.query(`INSERT INTO influences (from_id, to_id, kind, strength) VALUES ($1, $2, $3, $4)`, [from.id, to.id, kind, strength]);
  }

  /** Someone whose last sounding (at `level`) was 20 days ago: neither recent nor cooling. */
  async function soundedAWhileAgo(name: string, level: Exclude<CommitmentLevel, 'not_sounded'> = 'open', overrides = {}): Promise<Stakeholder> {
    const person = await createStakeholder(t.http, { name, ...overrides });
    await logSounding(t.http, person.id, { heldOn: daysAgo(20), commitmentAfter: level });
    return person;
  }

  it('ranks an undecided person who looks to three people on board above one who looks to a resistant one, and says why', async () => {
    const priya = await soundedAWhileAgo('Priya Shah', 'committed');
    const sam = await soundedAWhileAgo('Sam Reed', 'committed');
    const tom = await soundedAWhileAgo('Tom Ames', 'committed');
    const rolf = await soundedAWhileAgo('Rolf Brandt', 'resistant');
    // Alike (open, last sounded 20 days ago, no rating, no required level) except for whom they look to.
    const ada = await soundedAWhileAgo('Ada Undecided', 'open', { reportsToId: tom.id });
    const bea = await soundedAWhileAgo('Bea Undecided', 'open');
    await link(ada, priya, 'looks_to');
    await link(ada, sam, 'mentor');
    await link(ada, tom, 'looks_to'); // also her manager: counted once
    await link(ada, rolf, 'ally'); // an ally does not sway
    await link(bea, rolf, 'looks_to');

    const items = await everyone();
    expect(rank(items, ada)).toBeGreaterThanOrEqual(0);
    expect(rank(items, ada)).toBeLessThan(rank(items, bea));
    expect(reasons(find(items, ada))).toEqual([
      { code: 'social_proof', text: 'Looks to 3 people who are on board: Priya Shah, Sam Reed and 1 other', weight: 3 * W.perOnBoardInfluence },
    ]);
    expect(find(items, ada)!.score).toBe(3 * W.perOnBoardInfluence);
    expect(reasons(find(items, bea))).toEqual([
      { code: 'resistant_influences', text: 'Looks to 1 person who is resistant: Rolf Brandt', weight: W.perResistantInfluence },
    ]);
    expect(find(items, bea)!.score).toBe(W.perResistantInfluence);
    expect(find(items, ada)!.stakeholder).toMatchObject({ name: 'Ada Undecided', commitment: 'open', onBoard: false, lastContactAt: daysAgo(20), influenceScore: 0 });
  });

  it('puts someone never sounded one to one before someone sounded two days ago', async () => {
    const recent = await createStakeholder(t.http, { name: 'Cal Recently' });
    await logSounding(t.http, recent.id, { heldOn: daysAgo(2), commitmentAfter: 'sounded' });
    const never = await createStakeholder(t.http, { name: 'Dee Never' });

    const items = await everyone();
    expect(rank(items, never)).toBeLessThan(rank(items, recent));
    expect(reasons(find(items, never))).toEqual([{ code: 'never_sounded', text: 'Never sounded one to one', weight: W.neverSounded }]);
    expect(reasons(find(items, recent))).toEqual([{ code: 'recently_sounded', text: 'Sounded 2 days ago: give them room', weight: W.recentlySounded }]);
    expect(find(items, never)!.stakeholder.lastContactAt).toBeNull();
  });

  it('lifts a person who attends a meeting soon, and one who gives or hears a planned briefing soon', async () => {
    const plain = await soundedAWhileAgo('Eve Plain', 'sounded');
    const attending = await soundedAWhileAgo('Fay Attending', 'sounded');
    const later = await soundedAWhileAgo('Gus Later', 'sounded');
    const briefer = await soundedAWhileAgo('Hal Briefer', 'sounded');
    const member = await soundedAWhileAgo('Ida Member', 'sounded', { role: 'top_team' });
    const scheduledFor = at(5);
    await t.http.post('/api/meetings').send({ title: 'Top team offsite', scheduledFor, attendeeIds: [attending.id] }).expect(201);
    // Beyond the upcoming window, or already held (before their last sounding, so not recent contact): no lift.
    await t.http.post('/api/meetings').send({ title: 'Next quarter review', scheduledFor: at(40), attendeeIds: [later.id] }).expect(201);
    await t.http.post('/api/meetings').send({ title: 'Last month', scheduledFor: at(-30), attendeeIds: [later.id] }).expect(201);
    // A briefing of the whole top team reaches every top-team member.
    await t.http.post('/api/briefings').send({ brieferId: briefer.id, topTeam: true, plannedFor: at(6) }).expect(201);

    const items = await everyone();
    expect(rank(items, attending)).toBeLessThan(rank(items, plain));
    expect(reasons(find(items, attending))).toEqual([
      { code: 'upcoming_meeting', text: `Attends “Top team offsite” on ${day(scheduledFor)}`, weight: W.upcomingMeeting },
    ]);
    expect(find(items, plain)!.score).toBe(0);
    expect(find(items, later)!.score).toBe(0);
    expect(reasons(find(items, briefer))).toEqual([
      { code: 'upcoming_briefing', text: `Briefs the top team on ${day(at(6))}`, weight: W.upcomingBriefing },
    ]);
    expect(reasons(find(items, member))).toEqual([
      { code: 'upcoming_briefing', text: `Briefed with the top team by Hal Briefer on ${day(at(6))}`, weight: W.upcomingBriefing },
    ]);
  });

  it('weighs influence (capped), a cooling contact, open fears awaiting an answer (capped) and the steps to the required level', async () => {
    const chief = await createStakeholder(t.http, { name: 'Jo Chief', influence: 5, requiredCommitment: 'committed' });
    const sounding = await logSounding(t.http, chief.id, {
      heldOn: daysAgo(60),
      commitmentAfter: 'sounded',
      fears: ['Time', 'Exposure', 'Control', 'Value', 'Budget'].map((statement) => ({ statement: `${statement} worries`, category: 'other' as const })),
    });
    // Being addressed is no longer awaiting an answer.
    const addressing = sounding.fears[0];
    await t.http.patch(`/api/fears/${addressing.id}`).send({ version: addressing.version, status: 'addressing' }).expect(200);
    for (let i = 0; i < 3; i++) {
      const report = await createStakeholder(t.http, { name: `Kit Report ${i}`, reportsToId: chief.id });
      await link(report, chief, 'looks_to', 3);
    }
    // Influence score: 2 × 5 (rating) + 3 × 3 (links) + 3 × 2 (reports) = 25, counted up to the cap.
    const items = await everyone();
    expect(reasons(find(items, chief))).toEqual([
      { code: 'influence', text: 'Influence score 25 (counted up to 12)', weight: W.influenceCap },
      { code: 'stale', text: 'Last contact 60 days ago: past their ideal contact interval', weight: W.stale },
      { code: 'open_fears', text: '4 open fears awaiting an answer (3 counted)', weight: W.openFearsCap * W.perOpenFear },
      { code: 'required_gap', text: '3 steps short of the required level (Committed)', weight: 3 * W.perRequiredStep },
    ]);
    expect(find(items, chief)!.stakeholder.influenceScore).toBe(25);
  });

  it('leaves out erased people, and no longer counts them among the people someone looks to', async () => {
    const gone = await createStakeholder(t.http, { name: 'Lou Leaving', influence: 5 });
    await logSounding(t.http, gone.id, { heldOn: daysAgo(20), commitmentAfter: 'committed' });
    const follower = await soundedAWhileAgo('Max Follower', 'open');
    await link(follower, gone);
    expect(reasons(find(await everyone(), follower))).toEqual([
      { code: 'social_proof', text: 'Looks to 1 person who is on board: Lou Leaving', weight: W.perOnBoardInfluence },
    ]);

    const admin = await t.as('admin');
    await admin.http.post(`/api/stakeholders/${gone.id}/erase`).expect(200);
    const items = await everyone();
    expect(find(items, gone)).toBeUndefined();
    expect(find(items, follower)!.reasons).toEqual([]);
    expect(find(items, follower)!.score).toBe(0);
  });

  it('leaves out public champions with nothing left to win, but keeps one with an open fear', async () => {
    const done = await createStakeholder(t.http, { name: 'Nia Champion' });
    await logSounding(t.http, done.id, { heldOn: daysAgo(20), commitmentAfter: 'public_champion' });
    const worried = await createStakeholder(t.http, { name: 'Oz Champion' });
    await logSounding(t.http, worried.id, {
      heldOn: daysAgo(20),
      commitmentAfter: 'public_champion',
      fears: [{ statement: 'My team will think it is a fad', category: 'culture_fit' }],
    });
    const items = await everyone();
    expect(find(items, done)).toBeUndefined();
    expect(reasons(find(items, worried))).toEqual([{ code: 'open_fears', text: '1 open fear awaiting an answer', weight: W.perOpenFear }]);
  });

  it('scores each person exactly the sum of the weights of their reasons, highest first, then by name', async () => {
    // A crowd with ties: the same score in reverse name order, some looking to others.
    const crowd: Stakeholder[] = [];
    for (const name of ['Zed Crowd', 'Yan Crowd', 'Xia Crowd', 'Wim Crowd']) crowd.push(await createStakeholder(t.http, { name, influence: 1 }));
    for (const [i, name] of ['Vic Crowd', 'Uma Crowd', 'Ted Crowd', 'Sol Crowd'].entries()) {
      const person = await soundedAWhileAgo(name, i % 2 === 0 ? 'supportive' : 'resistant', { requiredCommitment: 'supportive' });
      await link(crowd[i], person);
    }
    const items = await everyone();
    expect(items.length).toBeGreaterThan(RECOMMENDATIONS_DEFAULT_LIMIT);
    for (const item of items) expect([item.stakeholder.name, item.score]).toEqual([item.stakeholder.name, item.reasons.reduce((sum, r) => sum + r.weight, 0)]);
    for (const item of items) {
      const weights = item.reasons.map((r) => r.weight);
      expect(weights).toEqual([...weights].sort((a, b) => b - a));
    }
    const order = items.map((item) => [item.score, item.stakeholder.name.toLowerCase()] as const);
    const sorted = [...order].sort((a, b) => b[0] - a[0] || (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0));
    expect(order).toEqual(sorted);
  });

  it('returns the default number unless asked, and the first n of the same order when asked for n', async () => {
    const all = await everyone();
    const byDefault = ((await t.http.get('/api/recommendations/soundings').expect(200)).body as SoundingRecommendations).items;
    expect(byDefault.map((item) => item.stakeholder.id)).toEqual(all.slice(0, RECOMMENDATIONS_DEFAULT_LIMIT).map((item) => item.stakeholder.id));
    const three = ((await t.http.get('/api/recommendations/soundings?limit=3').expect(200)).body as SoundingRecommendations).items;
    expect(three).toEqual(all.slice(0, 3));
  });

  it.each(['0', '-1', `${RECOMMENDATIONS_MAX_LIMIT + 1}`, 'abc', '2.5', '1e2', ''])('refuses limit=%p with a 400 naming the field', async (limit) => {
    expectRefused(await t.http.get(`/api/recommendations/soundings?limit=${encodeURIComponent(limit)}`), 400, 'limit');
  });

  it('refuses a repeated limit and an unknown parameter', async () => {
    expectRefused(await t.http.get('/api/recommendations/soundings?limit=2&limit=3'), 400, 'limit');
    expectRefused(await t.http.get('/api/recommendations/soundings?stakeholderId=x'), 400, 'stakeholderId');
  });

  it('lets every signed-in role read the same list, and nobody signed out', async () => {
    const all = await everyone();
    for (const role of ['viewer', 'admin'] as const) {
      const reader = await t.as(role);
      const items = ((await reader.http.get(`/api/recommendations/soundings?limit=${RECOMMENDATIONS_MAX_LIMIT}`).expect(200)).body as SoundingRecommendations).items;
      expect(items).toEqual(all);
    }
    t.allowUndocumentedStatus(401);
    const { default: request } = await import('supertest');
    await request(t.app.getHttpServer()).get('/api/recommendations/soundings').expect(401);
  });
});
