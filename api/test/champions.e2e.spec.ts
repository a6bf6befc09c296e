import type { ChampionAssessment, ChampionEvidence, ChampionList, Page, Stakeholder } from '@soundings/shared';
import { CHAMPION_MIN_LOOKED_TO_BY, ERROR_CODES, LIMITS } from '@soundings/shared';
import { expectRefused } from './expectations';
import { createStakeholder, daysAgo, daysAhead, logSounding } from './factories';
import { startTestApp, TestApp } from './test-app';

type Agent = TestApp['http'];

describe('champion qualification', () => {
  let t: TestApp;
  let admin: Awaited<ReturnType<TestApp['as']>>;
  let practitioner: Awaited<ReturnType<TestApp['as']>>;
  let viewer: Awaited<ReturnType<TestApp['as']>>;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.as('admin');
    practitioner = await t.as('practitioner');
    viewer = await t.as('viewer');
  });
  afterAll(() => t.close());

  async function looksTo(followerId: string, leaderId: string, kind: 'looks_to' | 'mentor' = 'looks_to'): Promise<string> {
    const { rows } = await t.db.query(`INSERT INTO influences (from_id, to_id, kind, strength) VALUES ($1, $2, $3, 2) RETURNING id`, [followerId, leaderId, kind]);
    return rows[0].id;
  }

  async function doneBriefing(brieferId: string, audienceId: string, daysBack: number): Promise<string> {
    const planned = (
      await t.http.post('/api/briefings').send({ brieferId, audienceId, plannedFor: `${daysAgo(daysBack)}T09:00:00Z`, brief: 'Why it matters' }).expect(201)
    ).body;
    await t.http.patch(`/api/briefings/${planned.id}`).send({ status: 'done', version: planned.version }).expect(200);
    return planned.id;
  }

  async function champions(agent: Agent = t.http): Promise<ChampionList> {
    return (await agent.get('/api/champions').expect(200)).body;
  }

  function find(list: ChampionList, id: string): ChampionAssessment {
    const found = list.items.find((item) => item.person.id === id);
    if (!found) throw new Error(`${id} is not in the champion list`);
    return found;
  }

  const champion = (name: string, overrides: Parameters<typeof createStakeholder>[1] = {}) =>
    createStakeholder(t.http, { name, role: 'line_manager', potentialChampion: true, ...overrides });

  describe('recorded evidence: /api/champion-evidence', () => {
    let person: Stakeholder;

    beforeAll(async () => {
      person = await champion('Evidence Holder');
    });

    it('records, reads, lists, changes and removes evidence, auditing each write without copying the words', async () => {
      const created = await t.http
        .post('/api/champion-evidence')
        .send({ stakeholderId: person.id.toUpperCase(), test: 'advocacy', evidence: '  Took the case to the Finance leads alone  ', on: daysAgo(4) })
        .expect(201);
      const evidence = created.body as ChampionEvidence;
      expect(evidence).toEqual({
        id: expect.any(String),
        stakeholderId: person.id,
        test: 'advocacy',
        evidence: 'Took the case to the Finance leads alone',
        on: daysAgo(4),
        createdAt: expect.any(String),
        updatedAt: expect.any(String),
        version: 1,
      });
      expect((await viewer.http.get(`/api/champion-evidence/${evidence.id}`).expect(200)).body).toEqual(evidence);

      const older = (
        await practitioner.http.post('/api/champion-evidence').send({ stakeholderId: person.id, test: 'stake', evidence: 'Owns the retention target', on: daysAgo(30) }).expect(201)
      ).body as ChampionEvidence;
      const page = (await viewer.http.get(`/api/champion-evidence?stakeholderId=${person.id}`).expect(200)).body as Page<ChampionEvidence>;
      expect(page).toMatchObject({ total: 2, page: 1 });
      expect(page.items.map((item) => item.id)).toEqual([evidence.id, older.id]);
      const stakeOnly = (await t.http.get(`/api/champion-evidence?stakeholderId=${person.id}&test=stake&pageSize=1`).expect(200)).body;
      expect(stakeOnly).toMatchObject({ total: 1, pageSize: 1, items: [{ id: older.id }] });

      const updated = (
        await t.http.patch(`/api/champion-evidence/${evidence.id}`).send({ evidence: 'Took the case to the Finance leads on her own', version: 1 }).expect(200)
      ).body as ChampionEvidence;
      expect(updated).toMatchObject({ evidence: 'Took the case to the Finance leads on her own', test: 'advocacy', on: daysAgo(4), version: 2 });
      const stale = await t.http.patch(`/api/champion-evidence/${evidence.id}`).send({ on: daysAgo(2), version: 1 }).expect(409);
      expect(stale.body).toMatchObject({ code: ERROR_CODES.versionConflict, current: { id: evidence.id, version: 2, on: daysAgo(4) } });
      await t.http.patch(`/api/champion-evidence/${evidence.id}`).set('If-Match', '"2"').send({ test: 'stake' }).expect(200);
      await t.http.patch(`/api/champion-evidence/${evidence.id}`).send({ test: 'influence' }).expect(428);

      await t.http.delete(`/api/champion-evidence/${evidence.id}`).expect(204);
      await t.http.get(`/api/champion-evidence/${evidence.id}`).expect(404);
      await t.http.delete(`/api/champion-evidence/${evidence.id}`).expect(404);

      const { rows } = await t.db.query(
        `SELECT action, actor_id, entity_type, stakeholder_id, before, after FROM audit_log WHERE entity_id = $1 ORDER BY id`,
        [evidence.id],
      );
      expect(rows).toEqual([
        {
          action: 'champion_evidence.create',
          actor_id: t.user.id,
          entity_type: 'champion_evidence',
          stakeholder_id: person.id,
          before: null,
          after: { test: 'advocacy', on: daysAgo(4), changedFields: ['evidence'] },
        },
        expect.objectContaining({ action: 'champion_evidence.update', before: { test: 'advocacy', on: daysAgo(4) }, after: { test: 'advocacy', on: daysAgo(4), changedFields: ['evidence'] } }),
        expect.objectContaining({ action: 'champion_evidence.update', before: { test: 'advocacy', on: daysAgo(4) }, after: { test: 'stake', on: daysAgo(4) } }),
        expect.objectContaining({ action: 'champion_evidence.delete', stakeholder_id: person.id, before: { test: 'stake', on: daysAgo(4), changedFields: ['evidence'] }, after: null }),
      ]);
      const words = await t.db.query(`SELECT count(*)::int AS n FROM audit_log WHERE (before::text || after::text) ILIKE '%Finance leads%'`);
      expect(words.rows[0].n).toBe(0);
    });

    it('refuses bad input with a 400 naming the field, and stores nothing', async () => {
      const valid = { stakeholderId: person.id, test: 'influence', evidence: 'The managers follow her lead', on: daysAgo(1) };
      const cases: [Record<string, unknown>, string][] = [
        [{ ...valid, test: 'charisma' }, 'test'],
        [{ ...valid, test: undefined }, 'test'],
        [{ ...valid, evidence: '' }, 'evidence'],
        [{ ...valid, evidence: '   ' }, 'evidence'],
        [{ ...valid, evidence: null }, 'evidence'],
        [{ ...valid, evidence: 'x'.repeat(LIMITS.longText + 1) }, 'evidence'],
        [{ ...valid, evidence: 'bad \u0007 bell' }, 'evidence'],
        [{ ...valid, on: daysAhead(3) }, 'on'],
        [{ ...valid, on: '2026-02-30' }, 'on'],
        [{ ...valid, on: '1999-12-31' }, 'on'],
        [{ ...valid, on: 'yesterday' }, 'on'],
        [{ ...valid, stakeholderId: 'not-a-uuid' }, 'stakeholderId'],
        [{ ...valid, stakeholderId: '7d4a9a52-8f39-4c55-9d0c-3b0d5f0b8f11' }, 'stakeholderId'],
        [{ ...valid, extra: 'field' }, 'extra'],
      ];
      for (const [body, field] of cases) expectRefused(await t.http.post('/api/champion-evidence').send(body), 400, field);
      const saved = (await t.http.post('/api/champion-evidence').send(valid).expect(201)).body as ChampionEvidence;
      expectRefused(await t.http.patch(`/api/champion-evidence/${saved.id}`).send({ evidence: null, version: 1 }), 400, 'evidence');
      expectRefused(await t.http.patch(`/api/champion-evidence/${saved.id}`).send({ stakeholderId: person.id, version: 1 }), 400, 'stakeholderId');
      expectRefused(await t.http.patch(`/api/champion-evidence/${saved.id}`).send({ on: daysAhead(5), version: 1 }), 400, 'on');
      expectRefused(await t.http.get('/api/champion-evidence?test=luck'), 400, 'test');
      expectRefused(await t.http.get('/api/champion-evidence?stakeholderId=nope'), 400, 'stakeholderId');
      expectRefused(await t.http.get('/api/champion-evidence/not-a-uuid'), 400, 'id');
      await t.http.patch('/api/champion-evidence/7d4a9a52-8f39-4c55-9d0c-3b0d5f0b8f11').send({ evidence: 'x', version: 1 }).expect(404);
      const { rows } = await t.db.query(`SELECT count(*)::int AS n FROM champion_evidence WHERE stakeholder_id = $1`, [person.id]);
      expect(rows[0].n).toBe(2);
    });

    it('lets viewers read but not write, and practitioners and admins write', async () => {
      const body = { stakeholderId: person.id, test: 'stake', evidence: 'Wants the pilot for her team', on: daysAgo(2) };
      expectRefused(await viewer.http.post('/api/champion-evidence').send(body), 403);
      const saved = (await admin.http.post('/api/champion-evidence').send(body).expect(201)).body as ChampionEvidence;
      expectRefused(await viewer.http.patch(`/api/champion-evidence/${saved.id}`).send({ evidence: 'Changed', version: 1 }), 403);
      expectRefused(await viewer.http.delete(`/api/champion-evidence/${saved.id}`), 403);
      await viewer.http.get(`/api/champion-evidence?stakeholderId=${person.id}`).expect(200);
      await viewer.http.get('/api/champions').expect(200);
      await practitioner.http.patch(`/api/champion-evidence/${saved.id}`).send({ evidence: 'Changed', version: 1 }).expect(200);
      await practitioner.http.delete(`/api/champion-evidence/${saved.id}`).expect(204);
    });

    it('refuses evidence about an erased person with 409 stakeholder_erased', async () => {
      const gone = await champion('Gone Person');
      await admin.http.post(`/api/stakeholders/${gone.id}/erase`).expect(200);
      const refused = await t.http.post('/api/champion-evidence').send({ stakeholderId: gone.id, test: 'stake', evidence: 'Anything', on: daysAgo(1) });
      expectRefused(refused, 409);
      expect(refused.body.code).toBe(ERROR_CODES.stakeholderErased);
      expect((await t.db.query(`SELECT count(*)::int AS n FROM champion_evidence WHERE stakeholder_id = $1`, [gone.id])).rows[0].n).toBe(0);
    });
  });

  describe('GET /api/champions', () => {
    let dana: Stakeholder;
    let ada: Stakeholder;
    let bea: Stakeholder;
    let cal: Stakeholder;
    let dev: Stakeholder;
    let sam: Stakeholder;
    let priya: Stakeholder;
    let adaBriefing: string;

    beforeAll(async () => {
      dana = await createStakeholder(t.http, { name: 'Dana Okafor', role: 'top_team' });
      sam = await createStakeholder(t.http, { name: 'Sam Reed' });
      // Ada: a done briefing, two people who look to her (one a link, one a direct report), a named benefit.
      ada = await champion('Ada Quinn');
      priya = await createStakeholder(t.http, { name: 'Priya Shah', reportsToId: ada.id });
      await looksTo(sam.id, ada.id);
      adaBriefing = await doneBriefing(ada.id, dana.id, 12);
      await logSounding(t.http, ada.id, { heldOn: daysAgo(20), benefitsSeen: 'Fewer escalations in her team', commitmentAfter: 'supportive' });
      // A planned briefing is not evidence yet.
      await t.http.post('/api/briefings').send({ brieferId: ada.id, topTeam: true, plannedFor: `${daysAhead(10)}T09:00:00Z` }).expect(201);

      // Bea: two people look to her and she spoke for it in a meeting; no stake yet: close.
      bea = await champion('Bea Close');
      await looksTo(sam.id, bea.id);
      await looksTo(priya.id, bea.id, 'mentor');
      const meeting = (await t.http.post('/api/meetings').send({ title: 'Ops review', scheduledFor: `${daysAgo(8)}T10:00:00Z`, attendeeIds: [bea.id, sam.id] }).expect(201)).body;
      await t.http.post(`/api/meetings/${meeting.id}/spoke-for`).send({ stakeholderIds: [bea.id] }).expect(200);

      // Cal: a briefing and a benefit, but only one person looks to him: a useful coach.
      cal = await champion('Cal Coach');
      await looksTo(sam.id, cal.id);
      await doneBriefing(cal.id, dana.id, 5);
      await logSounding(t.http, cal.id, { heldOn: daysAgo(6), benefitsSeen: 'Time back for his own work', commitmentAfter: 'committed' });

      // Dev: two direct reports and nothing else: developing.
      dev = await champion('Dev Lane');
      await createStakeholder(t.http, { name: 'Report One', reportsToId: dev.id });
      await createStakeholder(t.http, { name: 'Report Two', reportsToId: dev.id });
      // An ally is not someone who looks to them.
      await t.db.query(`INSERT INTO influences (from_id, to_id, kind) VALUES ($1, $2, 'ally')`, [sam.id, dev.id]);
    });

    it('qualifies a champion through a done briefing, two people looking to them and a named benefit, citing each', async () => {
      const assessed = find(await champions(), ada.id);
      expect(assessed).toMatchObject({ verdict: 'qualified', lookedToBy: 2, missing: [] });
      expect(assessed.person).toMatchObject({ id: ada.id, name: 'Ada Quinn', potentialChampion: true, commitment: 'supportive', onBoard: true });
      const [influence, advocacy, stake] = assessed.tests;
      expect(influence).toEqual({
        test: 'influence',
        met: true,
        evidence: expect.arrayContaining([
          { source: 'influence_link', text: 'Sam Reed looks to them', on: null, refId: expect.any(String), personId: sam.id },
          { source: 'reporting_line', text: 'Priya Shah reports to them', on: null, refId: null, personId: priya.id },
        ]),
      });
      expect(influence.evidence).toHaveLength(2);
      expect(advocacy).toEqual({
        test: 'advocacy',
        met: true,
        evidence: [{ source: 'briefing_given', text: 'Briefed Dana Okafor', on: daysAgo(12), refId: adaBriefing, personId: dana.id }],
      });
      expect(stake).toMatchObject({
        test: 'stake',
        met: true,
        evidence: [{ source: 'benefit_named', text: 'Named a benefit: “Fewer escalations in her team”', on: daysAgo(20) }],
      });
    });

    it('calls influence and advocacy without a stake close, and says the stake is missing', async () => {
      const assessed = find(await champions(), bea.id);
      expect(assessed).toMatchObject({ verdict: 'close', lookedToBy: 2, missing: ['No benefit named in a sounding, priority owned or personal stake recorded yet'] });
      // Equally strong ties, by name.
      expect(assessed.tests[0].evidence.map((item) => item.text)).toEqual(['They mentor Priya Shah', 'Sam Reed looks to them']);
      expect(assessed.tests[1].evidence).toEqual([
        { source: 'spoke_in_meeting', text: 'Spoke for it in “Ops review”', on: daysAgo(8), refId: expect.any(String), personId: null },
      ]);
    });

    it('makes someone with a briefing and a benefit but too few people looking to them a useful coach', async () => {
      const assessed = find(await champions(), cal.id);
      expect(assessed.verdict).toBe('coach');
      expect(assessed.tests.map((test) => test.met)).toEqual([false, true, true]);
      expect(assessed.missing).toEqual([`Only 1 person looks to them: ${CHAMPION_MIN_LOOKED_TO_BY} should, or record evidence of their influence`]);
    });

    it('lists potential champions only, qualified first, then close, developing and coaches, by name within each', async () => {
      const other = await createStakeholder(t.http, { name: 'Not A Champion' });
      await looksTo(sam.id, other.id);
      const erased = await champion('Aaron Erased');
      await admin.http.post(`/api/stakeholders/${erased.id}/erase`).expect(200);
      const list = await champions();
      const ids = list.items.map((item) => item.person.id);
      expect(ids).not.toContain(other.id);
      expect(ids).not.toContain(erased.id);
      expect(list.items.filter((item) => [ada.id, bea.id, cal.id, dev.id].includes(item.person.id)).map((item) => [item.person.name, item.verdict])).toEqual([
        ['Ada Quinn', 'qualified'],
        ['Bea Close', 'close'],
        ['Dev Lane', 'developing'],
        ['Cal Coach', 'coach'],
      ]);
      const verdicts = list.items.map((item) => item.verdict);
      expect(verdicts).toEqual([...verdicts].sort((a, b) => ['qualified', 'close', 'developing', 'coach'].indexOf(a) - ['qualified', 'close', 'developing', 'coach'].indexOf(b)));
      expect(find(list, dev.id).missing).toEqual(['No briefing given or meeting spoken in yet', 'No benefit named in a sounding, priority owned or personal stake recorded yet']);
    });

    it('moves a verdict when evidence is recorded, and back when it is removed', async () => {
      const recorded = (
        await t.http.post('/api/champion-evidence').send({ stakeholderId: cal.id, test: 'influence', evidence: 'The IT managers copy what he does', on: daysAgo(3) }).expect(201)
      ).body as ChampionEvidence;
      const assessed = find(await champions(), cal.id);
      expect(assessed).toMatchObject({ verdict: 'qualified', missing: [] });
      expect(assessed.tests[0].evidence).toContainEqual({ source: 'recorded', text: 'The IT managers copy what he does', on: daysAgo(3), refId: recorded.id, personId: null });
      await t.http.delete(`/api/champion-evidence/${recorded.id}`).expect(204);
      expect(find(await champions(), cal.id).verdict).toBe('coach');
    });

    it('names a confidential benefit without its words to a reader who may not see them, and records who saw them', async () => {
      const eve = await champion('Eve Secret');
      const sounding = await logSounding(practitioner.http, eve.id, {
        heldOn: daysAgo(9),
        benefitsSeen: 'A quiet route to the orchard board seat',
        commitmentAfter: 'open',
        confidential: true,
      });
      const response = await viewer.http.get('/api/champions').expect(200);
      expect(JSON.stringify(response.body)).not.toContain('orchard');
      const seenByViewer = find(response.body, eve.id);
      expect(seenByViewer.tests[2]).toEqual({
        test: 'stake',
        met: true,
        evidence: [{ source: 'benefit_named', text: 'Named a benefit in a confidential sounding', on: daysAgo(9), refId: sounding.id, personId: null }],
      });
      // Another practitioner may not read it either; its author and admins may.
      expect(JSON.stringify(await champions(t.http))).not.toContain('orchard');
      expect(find(await champions(admin.http), eve.id).tests[2].evidence[0].text).toBe(
        'Named a benefit: “A quiet route to the orchard board seat”',
      );
      expect(find(await champions(practitioner.http), eve.id).tests[2].evidence[0].text).toContain('orchard');

      const { rows } = await t.db.query(`SELECT actor_id, after FROM audit_log WHERE action = 'sounding.read_confidential' AND after->'confidentialSoundingIds' ? $1 ORDER BY id`, [
        sounding.id,
      ]);
      expect(rows.map((row) => row.actor_id)).toEqual([admin.id, practitioner.id]);
    });
  });
});
