import type { FearCategory } from '@soundings/shared';
import { FEAR_CATEGORIES } from '@soundings/shared';
import { createStakeholder, daysAgo, logSounding, recordCommitmentChange } from './factories';
import { AuditService } from '../src/audit/audit.service';
import { startTestApp, TestApp } from './test-app';

/**
 * Hot reads run a fixed number of SQL statements whatever the data size: no statement per row.
 * Each read is measured on a small campaign, then again after ten times more data.
 */
describe('SQL statements per read', () => {
  let t: TestApp;
  let focusId: string;
  let previousId: string | null = null;
  /** Listed priorities and narratives every sounding cites a growing share of. */
  const priorityIds: string[] = [];
  const narrativeIds: string[] = [];

  /** What came up in the j-th sounding of the i-th person: one to three priorities and narratives. */
  function citedIn(i: number, j: number) {
    const count = 1 + ((i + j) % 3);
    return {
      priorityIds: priorityIds.slice(0, count),
      narratives: narrativeIds.slice(0, count).map((narrativeId, k) => ({ narrativeId, response: (i + j + k) % 2 === 0 ? ('resonated' as const) : ('jarred' as const) })),
    };
  }
  let focusPilotId: string;

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
      // A priority each, in their function or another, owned by them.
      await t.http.post('/api/priorities').send({ businessFunction: i % 2 === 0 ? 'Finance' : `Function ${i}`, title: `Priority of ${person.id}`, ownerId: person.id }).expect(201);
      await addPilots(person.id, i);
      // Who holds the relationship with them: the one made before them (a champion) and the practitioner's account.
      if (previousId) await t.http.post('/api/relationships').send({ stakeholderId: person.id, holderStakeholderId: previousId, quality: 'strong' }).expect(201);
      await t.http.post('/api/relationships').send({ stakeholderId: person.id, holderUserId: t.user.id, quality: 'building' }).expect(201);
      await addExpectations(person.id, previousId);
      // A meeting each, with them and the one made before them in the room, for the meetings list's readiness.
      await t.http
        .post('/api/meetings')
        .send({ title: `Room ${i}`, scheduledFor: `${daysAgo(-3 - (i % 5))}T09:00:00Z`, attendeeIds: previousId ? [person.id, previousId] : [person.id] })
        .expect(201);
      previousId = person.id;
      await addTiming(person.id, i);
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
          ...citedIn(i, j),
          fears: [
            { statement: `Fear ${i}.${j}.a`, category },
            { statement: `Fear ${i}.${j}.b`, category: 'other' },
          ],
        });
      }
    }
  }

  /**
   * Each new person sponsors a running pilot (every other one is sponsored by the person in focus, for the journey)
   * with a result they have not heard, and asks for proof of the pilot in focus, which gains a result too.
   */
  async function addPilots(personId: string, i: number): Promise<void> {
    const pilot = await t.http
      .post('/api/pilots')
      .send({ name: `Pilot ${personId}`, sponsorId: i % 2 === 0 ? focusId : personId, status: 'running', startOn: daysAgo(30), askedBy: [personId] })
      .expect(201);
    await t.http.post(`/api/pilots/${pilot.body.id}/proof-points`).send({ observedOn: daysAgo(3), result: 'Retention up', value: 2.5, unit: '%' }).expect(201);
    await t.db.query(`INSERT INTO pilot_askers (pilot_id, stakeholder_id) VALUES ($1, $2)`, [focusPilotId, personId]);
    await t.http.post(`/api/pilots/${focusPilotId}/proof-points`).send({ observedOn: daysAgo(i % 20), result: `Reading ${i}` }).expect(201);
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

  /**
   * Timing for the briefing plan and meeting readiness: each new person gets a not-now or a best window
   * around today and a seat at the one meeting, and each new top-team member a briefing from HR, so both
   * reads weigh more windows.
   */
  async function addTiming(personId: string, i: number): Promise<void> {
    const kind = i % 2 === 0 ? 'not_now' : 'best';
    await t.http.post('/api/timing-windows').send({ stakeholderId: personId, kind, startsOn: daysAgo(5), endsOn: daysAgo(-20), note: 'Quarter close' }).expect(201);
    if (i % 3 === 0) await t.http.post('/api/briefings').send({ hr: true, audienceId: personId, plannedFor: `${daysAgo(-3)}T10:00:00Z` }).expect(201);
    const meeting = (await t.http.get(`/api/meetings/${meetingId}`).expect(200)).body;
    const attendeeIds = [...meeting.attendees.map((attendee: { id: string }) => attendee.id), personId];
    await t.http.patch(`/api/meetings/${meetingId}`).send({ attendeeIds, version: meeting.version }).expect(200);
  }

  /** What each new person was told to expect: one open and unrealistic (told by the person before them), one at risk. */
  async function addExpectations(personId: string, tellerId: string | null): Promise<void> {
    await t.http
      .post('/api/expectations')
      .send({ stakeholderId: personId, expectation: 'Every manager coached by spring', toldOn: daysAgo(20), realistic: false, toldByStakeholderId: tellerId })
      .expect(201);
    await t.http.post('/api/expectations').send({ stakeholderId: personId, expectation: 'A pilot in their function', toldOn: daysAgo(10), realistic: true, status: 'at_risk' }).expect(201);
  }

  /** A meeting with everyone on record, made again before each measurement so the room grows with the campaign. */
  let meetingId = '';
  async function meetEveryone(): Promise<void> {
    const { rows } = await t.db.query(`SELECT id FROM stakeholders ORDER BY created_at`);
    const meeting = await t.http
      .post('/api/meetings')
      .send({ title: 'Everyone', scheduledFor: `${daysAgo(-7)}T09:00:00Z`, attendeeIds: rows.map((row: { id: string }) => row.id) })
      .expect(201);
    meetingId = meeting.body.id;
  }

  /** One person whose own history grows tenfold too, for the journey. */
  async function addToFocus(soundings: number): Promise<void> {
    for (let j = 0; j < soundings; j++) {
      await logSounding(t.http, focusId, {
        heldOn: daysAgo(90 - j),
        commitmentAfter: (['sounded', 'open', 'supportive'] as const)[j % 3],
        ...citedIn(0, j),
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
    'GET /api/briefings/plan': () => '/api/briefings/plan',
    'GET /api/meetings/:id/readiness': () => `/api/meetings/${meetingId}/readiness`,
    'GET /api/timing-windows': () => '/api/timing-windows?pageSize=100',
    'GET /api/stakeholders/:id/timing': () => `/api/stakeholders/${previousId}/timing`,
    'GET /api/dashboard/slipping': () => '/api/dashboard/slipping',
    'GET /api/stakeholders by cadence state': () => '/api/stakeholders?contact=due&cooling=true&sort=lastContact',
    'GET /api/narratives': () => '/api/narratives',
    'GET /api/narratives/resonance': () => '/api/narratives/resonance',
    'GET /api/expectations': () => '/api/expectations?pageSize=100',
    'GET /api/expectations filtered': () => '/api/expectations?realistic=false&status=open',
    'GET /api/priorities': () => '/api/priorities?pageSize=100',
    'GET /api/priorities filtered': () => '/api/priorities?businessFunction=finance',
    'GET /api/dashboard/functions': () => '/api/dashboard/functions',
    'GET /api/pilots': () => '/api/pilots?pageSize=100',
    'GET /api/pilots filtered': () => `/api/pilots?status=running&askedById=${focusId}`,
    'GET /api/pilots/:id': () => `/api/pilots/${focusPilotId}`,
    'GET /api/dashboard/pilots': () => '/api/dashboard/pilots',
    'GET /api/initiatives': () => '/api/initiatives',
    'GET /api/initiatives filtered': () => `/api/initiatives?stakeholderId=${focusId}&from=${daysAgo(100)}&kind=update&pageSize=5`,
    'GET /api/dashboard/responsibility': () => '/api/dashboard/responsibility?months=12',
    'GET /api/stakeholders with several values per filter, by gap': () =>
      '/api/stakeholders?role=top_team&role=line_manager&commitment=open&commitment=supportive&businessFunction=Finance&businessFunction=IT&contact=due&contact=never&sort=-gap',
    'GET /api/stakeholders by influence': () => '/api/stakeholders?sort=-influence&potentialChampion=true',
    'GET /api/meetings': () => '/api/meetings?pageSize=100',
    'GET /api/saved-views': () => '/api/saved-views',
  };

  const small: Record<string, number> = {};
  const large: Record<string, number> = {};

  async function measure(into: Record<string, number>): Promise<void> {
    await meetEveryone();
    for (const [name, url] of Object.entries(reads)) {
      into[name] = await t.queries.count(() => t.http.get(url()).expect(200));
    }
  }

  beforeAll(async () => {
    t = await startTestApp();
    focusId = (await createStakeholder(t.http, { name: 'Person in focus' })).id;
    meetingId = (await t.http.post('/api/meetings').send({ title: 'Quarterly review', scheduledFor: `${daysAgo(-2)}T10:00:00Z`, attendeeIds: [focusId] }).expect(201)).body.id;
    for (let k = 0; k < 3; k++) {
      priorityIds.push((await t.db.query(`INSERT INTO priorities (business_function, title) VALUES ('Finance', $1) RETURNING id`, [`Counted priority ${k}`])).rows[0].id);
      narrativeIds.push((await t.http.post('/api/narratives').send({ title: `Counted narrative ${k}` }).expect(201)).body.id);
    }
    focusPilotId = (await t.http.post('/api/pilots').send({ name: 'Pilot in focus', sponsorId: null, status: 'running', askedBy: [focusId] }).expect(201)).body.id;
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
              (SELECT count(*) FROM expectations)::int AS expectations,
              (SELECT count(*) FROM pilots WHERE sponsor_id = $1)::int AS focus_sponsored,
              (SELECT count(*) FROM pilot_proof_points p JOIN pilots ON pilots.id = p.pilot_id WHERE pilots.name = 'Pilot in focus')::int AS focus_pilot_proofs,
              (SELECT count(*) FROM initiative_people WHERE stakeholder_id = $1)::int AS focus_initiatives`,
      [focusId],
    );
    // Tenfold the soundings and fears, and the links and relationships grow with the people (one link to the
    // person in focus comes from the first champion looking to them).
    expect(rows[0]).toEqual({
      soundings: 60,
      fears: 120,
      focus_soundings: 20,
      focus_links: 21,
      relationships: 39,
      expectations: 40,
      focus_sponsored: 10,
      focus_pilot_proofs: 20,
      focus_initiatives: 20,
    });
  });

  // Every request first identifies its caller (one statement: token or session lookup, shared by the
  // rate limit and the auth guard); the rate limit itself counts in memory and sends nothing per request.
  const IDENTIFY = 1;

  it('lists stakeholders in one statement, with or without filters', () => {
    expect(small['GET /api/stakeholders']).toBe(IDENTIFY + 1);
    expect(large['GET /api/stakeholders']).toBe(IDENTIFY + 1);
    expect(large['GET /api/stakeholders filtered and sorted']).toBe(IDENTIFY + 1);
    expect(large['GET /api/fears']).toBe(IDENTIFY + 1);
  });

  it.each(Object.keys(reads))('%s runs the same number of statements on ten times the data', (name) => {
    expect(large[name]).toBe(small[name]);
  });

  it('qualifies every potential champion in seven statements: candidates, followers, briefings, meetings, benefits, priorities owned, recorded evidence', () => {
    expect(large['GET /api/champions']).toBe(IDENTIFY + 7);
  });

  it('lists priorities in one statement, filtered or not, and reads every function\'s coverage in one', () => {
    expect(large['GET /api/priorities']).toBe(IDENTIFY + 1);
    expect(large['GET /api/priorities filtered']).toBe(IDENTIFY + 1);
    expect(large['GET /api/dashboard/functions']).toBe(IDENTIFY + 1);
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

  it('builds a journey in one statement (briefings, sponsored pilots and initiatives included) and the dashboard in one', () => {
    expect(small['GET /api/stakeholders/:id/journey']).toBe(IDENTIFY + 1);
    expect(large['GET /api/stakeholders/:id/journey']).toBe(IDENTIFY + 1);
    expect(small['GET /api/dashboard']).toBe(IDENTIFY + 1);
    expect(large['GET /api/dashboard']).toBe(IDENTIFY + 1);
  });

  it("reads who a person looks to in two statements (the person, every tie) and lists links in one", () => {
    expect(large['GET /api/stakeholders/:id/influence']).toBe(IDENTIFY + 2);
    expect(large['GET /api/influences']).toBe(IDENTIFY + 1);
  });

  it('builds the top-team cockpit and the commitment trend in one statement each', () => {
    expect(large['GET /api/dashboard/top-team']).toBe(IDENTIFY + 1);
    expect(large['GET /api/dashboard/trend']).toBe(IDENTIFY + 1);
  });

  it('weighs timing windows in the one statement the briefing plan and meeting readiness each already run', async () => {
    const { rows } = await t.db.query(`SELECT count(*)::int AS windows FROM timing_windows`);
    expect(rows[0].windows).toBe(20);
    expect(small['GET /api/briefings/plan']).toBe(IDENTIFY + 1);
    expect(large['GET /api/briefings/plan']).toBe(IDENTIFY + 1);
    expect(small['GET /api/meetings/:id/readiness']).toBe(IDENTIFY + 1);
    expect(large['GET /api/meetings/:id/readiness']).toBe(IDENTIFY + 1);
    expect(large['GET /api/timing-windows']).toBe(IDENTIFY + 1);
    expect(large['GET /api/stakeholders/:id/timing']).toBe(IDENTIFY + 2);
  });

  /** A room of `size` people made straight in the database, each with a sounding, an open fear and a tie to the one before. */
  async function roomOf(size: number): Promise<string> {
    const { rows } = await t.db.query(
      `WITH people AS (
         INSERT INTO stakeholders (name, role) SELECT 'Attendee ' || g || ' of ' || $1::int, 'line_manager' FROM generate_series(1, $1::int) g RETURNING id),
       meeting AS (INSERT INTO meetings (title, scheduled_for) VALUES ('Room of ' || $1::int, now() + interval '3 days') RETURNING id),
       seated AS (INSERT INTO meeting_attendees (meeting_id, stakeholder_id) SELECT meeting.id, people.id FROM meeting, people),
       sounded AS (INSERT INTO soundings (stakeholder_id, author_id, held_on, summary, commitment_after)
                   SELECT id, $2, org_today() - 3, 'Over coffee', 'open' FROM people RETURNING id, stakeholder_id),
       voiced AS (INSERT INTO fears (stakeholder_id, sounding_id, voiced_on, statement, category)
                  SELECT stakeholder_id, id, org_today() - 3, 'Time', 'other' FROM sounded)
       SELECT id FROM meeting`,
      [size, t.user.id],
    );
    await linkEveryone();
    return rows[0].id;
  }

  it('reads meeting readiness in one statement for a room of 30 and a room of 300', async () => {
    const counts: number[] = [];
    for (const size of [30, 300]) {
      const id = await roomOf(size);
      let attendees = 0;
      counts.push(
        await t.queries.count(async () => {
          attendees = (await t.http.get(`/api/meetings/${id}/readiness`).expect(200)).body.attendees.length;
        }),
      );
      expect(attendees).toBe(size);
    }
    expect(counts).toEqual([IDENTIFY + 1, IDENTIFY + 1]);
  });

  it('adds only the audit entry when the journey or readiness shows confidential words', async () => {
    const secret = await logSounding(t.http, focusId, {
      heldOn: daysAgo(1),
      summary: 'Said in confidence',
      confidential: true,
      commitmentAfter: 'open',
      fears: [{ statement: 'Feared in confidence', category: 'other' }],
    });
    const audit = t.app.get(AuditService, { strict: false });
    const entry = await t.queries.count(() =>
      audit.record({ user: t.user, via: 'token', requestId: 'counted', clientAddress: '127.0.0.1' }, { action: 'counted', entityType: 'sounding', entityId: secret.id }),
    );
    let journey = '';
    const journeyCount = await t.queries.count(async () => {
      journey = (await t.http.get(`/api/stakeholders/${focusId}/journey`).expect(200)).text;
    });
    expect(journey).toContain('Said in confidence');
    expect(journeyCount).toBe(IDENTIFY + 1 + entry);
    const meeting = await t.http.post('/api/meetings').send({ title: 'In confidence', scheduledFor: `${daysAgo(-2)}T10:00:00Z`, attendeeIds: [focusId] }).expect(201);
    let readiness = '';
    const readinessCount = await t.queries.count(async () => {
      readiness = (await t.http.get(`/api/meetings/${meeting.body.id}/readiness`).expect(200)).text;
    });
    expect(readiness).toContain('Feared in confidence');
    expect(readinessCount).toBe(IDENTIFY + 1 + entry);
  });

  it('lists expectations in one statement, with or without filters, and reads meeting readiness (expectations included) in one', () => {
    expect(large['GET /api/expectations']).toBe(IDENTIFY + 1);
    expect(large['GET /api/expectations filtered']).toBe(IDENTIFY + 1);
    expect(large['GET /api/meetings/:id/readiness']).toBe(IDENTIFY + 1);
  });

  it('lists pilots in one statement, reads one with its proof points in two, and the dashboard\'s pilots panel in one', () => {
    expect(large['GET /api/pilots']).toBe(IDENTIFY + 1);
    expect(large['GET /api/pilots filtered']).toBe(IDENTIFY + 1);
    expect(large['GET /api/pilots/:id']).toBe(IDENTIFY + 2);
    expect(large['GET /api/dashboard/pilots']).toBe(IDENTIFY + 1);
  });

  it('lists initiatives in one statement, with or without filters, and reports whose responsibility in one', () => {
    expect(large['GET /api/initiatives']).toBe(IDENTIFY + 1);
    expect(large['GET /api/initiatives filtered']).toBe(IDENTIFY + 1);
    expect(large['GET /api/dashboard/responsibility']).toBe(IDENTIFY + 1);
  });

  it('ranks whom to sound next in one statement', () => {
    expect(large['GET /api/recommendations/soundings']).toBe(IDENTIFY + 1);
  });

  it('lists who is slipping in one statement, and filters the list by cadence state in one', () => {
    expect(large['GET /api/dashboard/slipping']).toBe(IDENTIFY + 1);
    expect(large['GET /api/stakeholders by cadence state']).toBe(IDENTIFY + 1);
  });

  it('reads the narratives in one statement and their resonance across the top team in two (the top team, every narrative with each member\'s latest reaction)', () => {
    expect(large['GET /api/narratives']).toBe(IDENTIFY + 1);
    expect(large['GET /api/narratives/resonance']).toBe(IDENTIFY + 2);
  });

  it('lists stakeholders in one statement with several values per filter, sorted by gap or by influence', () => {
    expect(large['GET /api/stakeholders with several values per filter, by gap']).toBe(IDENTIFY + 1);
    expect(large['GET /api/stakeholders by influence']).toBe(IDENTIFY + 1);
  });

  it("lists meetings, each with its room's readiness, in one statement, and a user's saved views in one", () => {
    expect(large['GET /api/meetings']).toBe(IDENTIFY + 1);
    expect(large['GET /api/saved-views']).toBe(IDENTIFY + 1);
  });

  /** Every statement one request sends, transaction control included, split at its transaction. */
  async function sentBy(work: () => Promise<unknown>): Promise<{ transaction: string[]; outside: string[] }> {
    const before = t.queries.statements.length;
    await work();
    const sent = t.queries.statements.slice(before).map((sql) => sql.trim());
    const begin = sent.findIndex((sql) => /^(START TRANSACTION|BEGIN)/i.test(sql));
    const commit = sent.findIndex((sql) => /^COMMIT/i.test(sql));
    return { transaction: sent.slice(begin, commit + 1), outside: [...sent.slice(0, begin), ...sent.slice(commit + 1)] };
  }

  it('logs a sounding with two fears, what came up in it and the champion who held it in four round trips, BEGIN and COMMIT included', async () => {
    const champion = previousId!;
    const { transaction, outside } = await sentBy(() =>
      logSounding(t.http, focusId, {
        heldOn: daysAgo(0),
        commitmentAfter: 'supportive',
        conductedById: champion,
        ...citedIn(1, 1),
        fears: [
          { statement: 'Counted fear a', category: 'time_and_workload' },
          { statement: 'Counted fear b', category: 'other' },
        ],
      }),
    );
    expect(transaction).toHaveLength(4);
    expect(transaction[0]).toMatch(/^(START TRANSACTION|BEGIN)/i);
    expect(transaction[3]).toMatch(/^COMMIT/i);
    // Outside the write: identifying the caller, and the rate-limit counter (held to one statement in rate-limits.e2e).
    expect(outside.filter((sql) => !sql.includes('INSERT INTO rate_limit_windows'))).toHaveLength(IDENTIFY);
  });

  it('rebuilds the level history only for a back-filled sounding', async () => {
    const { transaction } = await sentBy(() => logSounding(t.http, focusId, { heldOn: daysAgo(400), commitmentAfter: 'open' }));
    expect(transaction.some((sql) => sql.includes('DELETE FROM commitment_changes'))).toBe(true);
  });
});
