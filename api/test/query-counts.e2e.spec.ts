import type { FearCategory } from '@soundings/shared';
import { FEAR_CATEGORIES } from '@soundings/shared';
import { createStakeholder, daysAgo, logSounding, recordCommitmentChange } from './factories';
import { startTestApp, TestApp } from './test-app';

/**
 * Hot reads run a fixed number of SQL statements whatever the data size: no statement per row.
 * Each read is measured on a small campaign, then again after ten times more data.
 */
describe('SQL statements per read', () => {
  let t: TestApp;
  let focusId: string;
  let previousId: string | null = null;

  async function addCampaign(people: number, soundingsEach: number): Promise<void> {
    for (let i = 0; i < people; i++) {
      const person = await createStakeholder(t.http, {
        role: i % 3 === 0 ? 'top_team' : 'line_manager',
        reportsToId: i % 4 === 0 ? focusId : undefined,
        potentialChampion: i % 2 === 0,
      });
      // The person in focus looks to, is allied with or is looked to by everyone added.
      await t.http
        .post('/api/influences')
        .send(i % 3 === 2 ? { fromId: person.id, toId: focusId, kind: 'looks_to' } : { fromId: focusId, toId: person.id, kind: i % 3 === 0 ? 'looks_to' : 'ally' })
        .expect(201);
      await addChampionEvidence(person.id);
      // Who holds the relationship with them: the one made before them (a champion) and the practitioner's account.
      if (previousId) await t.http.post('/api/relationships').send({ stakeholderId: person.id, holderStakeholderId: previousId, quality: 'strong' }).expect(201);
      await t.http.post('/api/relationships').send({ stakeholderId: person.id, holderUserId: t.user.id, quality: 'building' }).expect(201);
      previousId = person.id;
      // An initiative a month for each, owned by them (HR's every third), involving them and the person in focus.
      await t.http
        .post('/api/initiatives')
        .send({ title: `Programme ${i}`, kind: 'update', heldOn: daysAgo(5 + (i % 4) * 30), ownerId: i % 3 === 0 ? null : person.id, involvedIds: [person.id, focusId] })
        .expect(201);
      for (let j = 0; j < soundingsEach; j++) {
        const category: FearCategory = FEAR_CATEGORIES[(i + j) % FEAR_CATEGORIES.length];
        await logSounding(t.http, person.id, {
          heldOn: daysAgo(60 - j * 5),
          followUpOn: daysAgo(50 - j * 5),
          commitmentAfter: j % 2 === 0 ? 'open' : 'supportive',
          benefitsSeen: j % 2 === 0 ? `Benefit ${i}.${j}` : undefined,
          fears: [
            { statement: `Fear ${i}.${j}.a`, category },
            { statement: `Fear ${i}.${j}.b`, category: 'other' },
          ],
        });
      }
    }
  }

  /** For champion qualification: someone looks to each new person, and evidence is recorded for them. */
  async function addChampionEvidence(personId: string): Promise<void> {
    await t.db.query(
      `INSERT INTO influences (from_id, to_id, kind) SELECT s.id, $1, 'looks_to' FROM stakeholders s WHERE s.id <> $1 ORDER BY s.created_at DESC LIMIT 1
         ON CONFLICT DO NOTHING`,
      [personId],
    );
    await t.http.post('/api/champion-evidence').send({ stakeholderId: personId, test: 'stake', evidence: 'Owns a target it serves', on: daysAgo(3) }).expect(201);
  }

  /** One person whose own history grows tenfold too, for the journey. */
  async function addToFocus(soundings: number): Promise<void> {
    for (let j = 0; j < soundings; j++) {
      await logSounding(t.http, focusId, {
        heldOn: daysAgo(90 - j),
        commitmentAfter: (['sounded', 'open', 'supportive'] as const)[j % 3],
        fears: [
          { statement: `Focus fear ${j}`, category: 'doubt_about_value' },
          { statement: `Focus fear ${j} again`, category: 'culture_fit' },
        ],
      });
    }
    await recordCommitmentChange(t.http, focusId, { level: 'committed', on: daysAgo(90 - soundings), reason: 'Offered to sponsor' });
  }

  /** Everyone looks to the person created before them and reports to the first person: the network's ties grow with its people. */
  async function linkEveryone(): Promise<void> {
    await t.db.query(
      `WITH ordered AS (SELECT id, lag(id) OVER (ORDER BY created_at, id) AS previous FROM stakeholders)
       INSERT INTO influences (from_id, to_id, kind) SELECT id, previous, 'looks_to' FROM ordered WHERE previous IS NOT NULL
       ON CONFLICT DO NOTHING`,
    );
    await t.db.query(`UPDATE stakeholders SET reports_to_id = $1 WHERE id <> $1`, [focusId]);
  }

  const reads: Record<string, () => string> = {
    'GET /api/stakeholders': () => '/api/stakeholders',
    'GET /api/stakeholders filtered and sorted': () => '/api/stakeholders?q=person&sort=-lastContact&overdue=true&pageSize=5',
    'GET /api/stakeholders/:id': () => `/api/stakeholders/${focusId}`,
    'GET /api/stakeholders/:id/journey': () => `/api/stakeholders/${focusId}/journey`,
    'GET /api/stakeholders/:id/soundings': () => `/api/stakeholders/${focusId}/soundings`,
    'GET /api/dashboard': () => '/api/dashboard',
    'GET /api/dashboard/top-team': () => '/api/dashboard/top-team',
    'GET /api/dashboard/trend': () => '/api/dashboard/trend?weeks=52',
    'GET /api/fears': () => '/api/fears',
    'GET /api/stakeholders/:id/influence': () => `/api/stakeholders/${focusId}/influence`,
    'GET /api/influences': () => `/api/influences?stakeholderId=${focusId}`,
    'GET /api/champions': () => '/api/champions',
    'GET /api/recommendations/soundings': () => '/api/recommendations/soundings?limit=100',
    'GET /api/coalition/network': () => '/api/coalition/network',
    'GET /api/coalition/network filtered': () => '/api/coalition/network?role=top_team&businessFunction=finance',
    'GET /api/relationships': () => '/api/relationships',
    'GET /api/relationships/matrix': () => '/api/relationships/matrix',
    'GET /api/briefings/suggested-briefers': () => `/api/briefings/suggested-briefers?audienceId=${focusId}`,
    'GET /api/initiatives': () => '/api/initiatives',
    'GET /api/initiatives filtered': () => `/api/initiatives?stakeholderId=${focusId}&from=${daysAgo(100)}&kind=update&pageSize=5`,
    'GET /api/dashboard/responsibility': () => '/api/dashboard/responsibility?months=12',
  };

  const small: Record<string, number> = {};
  const large: Record<string, number> = {};

  async function measure(into: Record<string, number>): Promise<void> {
    for (const [name, url] of Object.entries(reads)) {
      into[name] = await t.queries.count(() => t.http.get(url()).expect(200));
    }
  }

  beforeAll(async () => {
    t = await startTestApp();
    focusId = (await createStakeholder(t.http, { name: 'Person in focus' })).id;
    await addCampaign(2, 2);
    await addToFocus(2);
    await linkEveryone();
    await measure(small);
    await addCampaign(18, 2);
    await addToFocus(18);
    await linkEveryone();
    await measure(large);
  }, 120_000);
  afterAll(() => t.close());

  it('actually grew the data tenfold between the two measurements', async () => {
    const { rows } = await t.db.query(
      `SELECT (SELECT count(*) FROM soundings)::int AS soundings, (SELECT count(*) FROM fears)::int AS fears,
              (SELECT count(*) FROM soundings WHERE stakeholder_id = $1)::int AS focus_soundings,
              (SELECT count(*) FROM influences WHERE $1 IN (from_id, to_id))::int AS focus_links,
              (SELECT count(*) FROM relationships)::int AS relationships,
              (SELECT count(*) FROM initiative_people WHERE stakeholder_id = $1)::int AS focus_initiatives`,
      [focusId],
    );
    // Tenfold the soundings and fears, and the links and relationships grow with the people (one link to the
    // person in focus comes from the first champion looking to them).
    expect(rows[0]).toEqual({ soundings: 60, fears: 120, focus_soundings: 20, focus_links: 21, relationships: 39, focus_initiatives: 20 });
  });

  // Every request first identifies its caller (one statement: token or session lookup).
  const IDENTIFY = 1;

  it('lists stakeholders in one statement, with or without filters', () => {
    expect(small['GET /api/stakeholders']).toBe(IDENTIFY + 1);
    expect(large['GET /api/stakeholders']).toBe(IDENTIFY + 1);
    expect(large['GET /api/stakeholders filtered and sorted']).toBe(IDENTIFY + 1);
  });

  it.each(Object.keys(reads))('%s runs the same number of statements on ten times the data', (name) => {
    expect(large[name]).toBe(small[name]);
  });

  it('qualifies every potential champion in six statements: candidates, followers, briefings, meetings, benefits, recorded evidence', () => {
    expect(large['GET /api/champions']).toBe(IDENTIFY + 6);
  });

  it('draws the coalition network in two statements (people, then the ties among them), with or without filters', () => {
    expect(large['GET /api/coalition/network']).toBe(IDENTIFY + 2);
    expect(large['GET /api/coalition/network filtered']).toBe(IDENTIFY + 2);
  });

  it('reads the relationship matrix in three statements, the list in one and suggested briefers in two', () => {
    expect(large['GET /api/relationships/matrix']).toBe(IDENTIFY + 3);
    expect(large['GET /api/relationships']).toBe(IDENTIFY + 1);
    expect(large['GET /api/briefings/suggested-briefers']).toBe(IDENTIFY + 2);
  });

  it('builds a journey in six statements (briefings and initiatives included) and the dashboard in four', () => {
    expect(large['GET /api/stakeholders/:id/journey']).toBe(IDENTIFY + 6);
    expect(large['GET /api/dashboard']).toBe(IDENTIFY + 4);
  });

  it("reads who a person looks to in two statements (the person, every tie) and lists links in one", () => {
    expect(large['GET /api/stakeholders/:id/influence']).toBe(IDENTIFY + 2);
    expect(large['GET /api/influences']).toBe(IDENTIFY + 1);
  });

  it('builds the top-team cockpit and the commitment trend in one statement each', () => {
    expect(large['GET /api/dashboard/top-team']).toBe(IDENTIFY + 1);
    expect(large['GET /api/dashboard/trend']).toBe(IDENTIFY + 1);
  });

  it('lists initiatives in one statement, with or without filters, and reports whose responsibility in one', () => {
    expect(large['GET /api/initiatives']).toBe(IDENTIFY + 1);
    expect(large['GET /api/initiatives filtered']).toBe(IDENTIFY + 1);
    expect(large['GET /api/dashboard/responsibility']).toBe(IDENTIFY + 1);
  });

  it('ranks whom to sound next in one statement', () => {
    expect(large['GET /api/recommendations/soundings']).toBe(IDENTIFY + 1);
  });
});
