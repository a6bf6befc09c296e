import type { AuditEntry, Dashboard, ErasureResult, Expectation, Fear, Page, StakeholderExport } from '@soundings/shared';
import { ERASED_PERSON_NAME, ERASED_TEXT } from '@soundings/shared';
import type { Pool } from 'pg';
import { wholeWordPattern } from '../src/data-protection/erasure.repository';
import { foldForSearch } from '../src/stakeholders/search-text';
import { createStakeholder, daysAgo, logSounding, recordCommitmentChange } from './factories';
import { startTestApp, TestApp } from './test-app';

/** Every column of every table that holds text, as `table.column`, and the rows where any needle occurs. */
async function findEverywhere(db: Pool, needles: string[]): Promise<string[]> {
  const { rows: columns } = await db.query<{ table_schema: string; table_name: string; column_name: string }>(
    `SELECT c.table_schema, c.table_name, c.column_name
       FROM information_schema.columns c JOIN information_schema.tables t USING (table_schema, table_name)
      WHERE c.table_schema NOT IN ('pg_catalog', 'information_schema') AND t.table_type = 'BASE TABLE'
        AND (c.data_type IN ('text', 'character varying', 'character', 'json', 'jsonb') OR c.data_type = 'ARRAY')`,
  );
  expect(columns.length).toBeGreaterThan(30);
  const patterns = needles.map((needle) => `%${needle.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
  const found: string[] = [];
  for (const { table_schema, table_name, column_name } of columns) {
    const { rows } = await db.query(
      `SELECT count(*)::int AS hits FROM "${table_schema}"."${table_name}" WHERE "${column_name}"::text ILIKE ANY($1::text[])`,
      [patterns],
    );
    if (rows[0].hits > 0) found.push(`${table_name}.${column_name} (${rows[0].hits})`);
  }
  return found;
}

describe('data-protection rights: export, erasure, a person\'s history', () => {
  let t: TestApp;
  let admin: Awaited<ReturnType<TestApp['as']>>;
  let viewer: Awaited<ReturnType<TestApp['as']>>;
  let otherPractitioner: Awaited<ReturnType<TestApp['as']>>;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.as('admin');
    viewer = await t.as('viewer');
    otherPractitioner = await t.as('practitioner');
  });
  afterAll(() => t.close());

  describe('GET /api/stakeholders/:id/export', () => {
    it('holds everything about the person, withholding the words of a confidential sounding from anyone but its author and admins', async () => {
      const person = await createStakeholder(t.http, { name: 'Export Subject', email: 'subject@example.test', timingNotes: 'Mornings' });
      const open = await logSounding(t.http, person.id, {
        heldOn: daysAgo(20),
        summary: 'Open note about the pilot',
        commitmentAfter: 'open',
        fears: [{ statement: 'Worried about time', category: 'time_and_workload' }],
      });
      const secret = await logSounding(otherPractitioner.http, person.id, {
        heldOn: daysAgo(10),
        summary: 'Confidential words only the author may read',
        personalCost: 'Private cost',
        commitmentAfter: 'supportive',
        confidential: true,
        fears: [{ statement: 'Confidential fear words', category: 'personal_exposure' }],
      });
      await recordCommitmentChange(t.http, person.id, { level: 'committed', on: daysAgo(5), reason: 'Offered to sponsor a pilot' });
      const briefing = (
        await t.http.post('/api/briefings').send({ brieferId: person.id, topTeam: true, plannedFor: '2031-03-04T09:00:00Z', brief: 'Why it matters for Finance' }).expect(201)
      ).body;
      await t.http.post('/api/briefings').send({ hr: true, topTeam: true, plannedFor: '2031-03-05T09:00:00Z', brief: 'Not about them' }).expect(201);
      const meeting = (
        await t.http.post('/api/meetings').send({ title: 'Leadership offsite', scheduledFor: '2031-04-01T09:00:00Z', attendeeIds: [person.id] }).expect(201)
      ).body;

      const mentor = await createStakeholder(t.http, { name: 'Export Mentor' });
      const follower = await createStakeholder(t.http, { name: 'Export Follower' });
      const mentored = (await t.http.post('/api/influences').send({ fromId: person.id, toId: mentor.id, kind: 'mentor', note: 'Weekly walks' }).expect(201)).body;
      const followed = (await t.http.post('/api/influences').send({ fromId: follower.id, toId: person.id, kind: 'looks_to' }).expect(201)).body;
      await t.http.post('/api/influences').send({ fromId: follower.id, toId: mentor.id, kind: 'ally' }).expect(201);
      const evidence = (
        await t.http.post('/api/champion-evidence').send({ stakeholderId: person.id, test: 'advocacy', evidence: 'Made the case to Finance alone', on: daysAgo(3) }).expect(201)
      ).body;
      const holder = await createStakeholder(t.http, { name: 'Export Holder' });
      const held = (await t.http.post('/api/relationships').send({ stakeholderId: person.id, holderStakeholderId: holder.id, quality: 'strong', note: 'Trusted' }).expect(201))
        .body;
      const holds = (await t.http.post('/api/relationships').send({ stakeholderId: holder.id, holderStakeholderId: person.id, quality: 'avoid' }).expect(201)).body;
      const byAccount = (await t.http.post('/api/relationships').send({ stakeholderId: person.id, holderUserId: t.user.id, quality: 'building' }).expect(201)).body;
      // Not about them: another person's relationship held by an account.
      await t.http.post('/api/relationships').send({ stakeholderId: holder.id, holderUserId: t.user.id, quality: 'strong' }).expect(201);

      const response = await t.http.get(`/api/stakeholders/${person.id}/export`).expect(200);
      const exported = response.body as StakeholderExport;
      expect(exported).toMatchObject({
        format: 'soundings-subject-export/1',
        exportedBy: { id: t.user.id, email: t.user.email },
        stakeholder: { id: person.id, name: 'Export Subject', email: 'subject@example.test', timingNotes: 'Mornings', commitment: 'committed' },
        withheldSoundings: 1,
      });
      expect(exported.soundings.map((s) => s.id)).toEqual([secret.id, open.id]);
      expect(exported.soundings[0]).toMatchObject({ redacted: true, confidential: true, summary: '', personalCost: null, commitmentAfter: 'supportive' });
      expect(exported.soundings[1]).toMatchObject({ redacted: false, summary: 'Open note about the pilot' });
      expect(exported.fears.map((f: Fear) => f.statement)).toEqual(['Worried about time', null]);
      expect(exported.levelHistory.map((c) => [c.toLevel, c.reason])).toEqual([
        ['open', null],
        ['supportive', null],
        ['committed', 'Offered to sponsor a pilot'],
      ]);
      expect(exported.briefings.map((b) => [b.id, b.brief])).toEqual([[briefing.id, 'Why it matters for Finance']]);
      expect(exported.meetings).toEqual([expect.objectContaining({ id: meeting.id, title: 'Leadership offsite', attendeeCount: 1, spokeFor: false })]);
      // Every link at either end (by the name of who is swayed), and none between other people.
      expect(exported.influences.map((i) => [i.id, i.from.name, i.kind, i.to.name, i.note])).toEqual([
        [followed.id, 'Export Follower', 'looks_to', 'Export Subject', null],
        [mentored.id, 'Export Subject', 'mentor', 'Export Mentor', 'Weekly walks'],
      ]);
      expect(exported.championEvidence).toEqual([evidence]);
      expect(exported.relationships.map((r) => [r.id, r.stakeholder.id, r.holder.id, r.quality, r.note])).toEqual([
        [held.id, person.id, holder.id, 'strong', 'Trusted'],
        [holds.id, holder.id, person.id, 'avoid', null],
        [byAccount.id, person.id, t.user.id, 'building', null],
      ]);
      expect(exported.auditEntries.map((e) => e.action)).toEqual(expect.arrayContaining(['relationship.create']));
      expect(exported.auditEntries.map((e) => e.action)).toEqual(
        expect.arrayContaining(['stakeholder.create', 'sounding.create', 'commitment.record', 'influence.create', 'champion_evidence.create']),
      );
      expect(exported.auditEntries.every((e) => e.stakeholderId === person.id)).toBe(true);
      expect(exported.auditEntries.map((e) => e.id)).toEqual([...exported.auditEntries.map((e) => e.id)].sort((a, b) => Number(a) - Number(b)));
      for (const entry of exported.auditEntries) {
        expect(entry).not.toHaveProperty('clientAddress');
        expect(entry).not.toHaveProperty('requestId');
      }
      const text = JSON.stringify(exported);
      expect(text).not.toContain('Confidential words');
      expect(text).not.toContain('Private cost');
      expect(text).not.toContain('Confidential fear words');

      // An admin's export carries the confidential words, and the trail says which notes it showed.
      const full = (await admin.http.get(`/api/stakeholders/${person.id}/export`).expect(200)).body as StakeholderExport;
      expect(full.withheldSoundings).toBe(0);
      expect(full.soundings[0]).toMatchObject({ redacted: false, summary: 'Confidential words only the author may read', personalCost: 'Private cost' });
      expect(full.fears.map((f) => f.statement)).toEqual(['Worried about time', 'Confidential fear words']);

      const { rows } = await t.db.query(`SELECT actor_id, after FROM audit_log WHERE action = 'stakeholder.export' AND stakeholder_id = $1 ORDER BY id`, [person.id]);
      expect(rows).toEqual([
        {
          actor_id: t.user.id,
          after: { soundings: 2, withheldSoundings: 1, soundingsConducted: 0, confidentialSoundingIds: [], confidentialFearIds: [], fears: 2, briefings: 1, meetings: 1, influences: 2, championEvidence: 1, relationships: 3, timingWindows: 0, expectations: 0, pilots: 0, initiatives: 0, heldForRestore: 0 },
        },
        {
          actor_id: admin.id,
          after: {
            soundings: 2,
            withheldSoundings: 0,
            soundingsConducted: 0,
            confidentialSoundingIds: [secret.id],
            confidentialFearIds: [secret.fears[0].id],
            fears: 2,
            briefings: 1,
            meetings: 1,
            influences: 2,
            championEvidence: 1,
            relationships: 3,
            timingWindows: 0,
            expectations: 0,
            pilots: 0,
            initiatives: 0,
            heldForRestore: 0,
          },
        },
      ]);
    });

    it('is for practitioners and admins only, and answers 404 for an unknown person', async () => {
      const person = await createStakeholder(t.http);
      await viewer.http.get(`/api/stakeholders/${person.id}/export`).expect(403);
      await t.http.get('/api/stakeholders/7d4a9a52-8f39-4c55-9d0c-3b0d5f0b8f11/export').expect(404);
      await t.http.get('/api/stakeholders/not-a-uuid/export').expect(400);
    });
  });

  describe('POST /api/stakeholders/:id/erase', () => {
    it('removes the person\'s name, email, notes and fears from every table, keeps the dashboard counts, and leaves the audit chain intact', async () => {
      const name = 'Ingrid Vålstad-Okonkwo';
      const email = 'ingrid.okonkwo@example.test';
      const manager = await createStakeholder(t.http, { name: 'Her Manager', role: 'top_team' });
      const person = await createStakeholder(t.http, {
        name,
        email,
        title: 'Chief Quantum Officer',
        timingNotes: 'Tuesdays after the zeppelin review',
        role: 'top_team',
        reportsToId: manager.id,
      });
      const report = await createStakeholder(t.http, { name: 'Her Report', reportsToId: person.id });
      const sounding = await logSounding(t.http, person.id, {
        heldOn: daysAgo(30),
        conductedBy: 'Priya from HR',
        summary: 'She spoke about the marmalade incident of 2019',
        developmentalExperience: 'A mentor in the lighthouse years',
        benefitsSeen: 'Fewer escalations in the abacus team',
        personalCost: 'Evenings lost to the tangerine project',
        prioritiesServed: 'The narwhal programme',
        nextStep: 'Send her the periwinkle deck',
        followUpOn: daysAgo(20),
        commitmentAfter: 'open',
        fears: [
          { statement: 'Afraid of looking foolish at the gazebo offsite', category: 'personal_exposure' },
          { statement: 'No time during the walrus quarter', category: 'time_and_workload' },
        ],
      });
      await logSounding(otherPractitioner.http, person.id, {
        heldOn: daysAgo(15),
        summary: 'Confidential: the saxophone rumour',
        commitmentAfter: 'supportive',
        confidential: true,
      });
      const fearId = sounding.fears[0].id;
      await t.http.patch(`/api/fears/${fearId}`).send({ response: 'Offered the trampoline workshop', owner: 'Priya', version: 1 }).expect(200);
      await recordCommitmentChange(t.http, person.id, { level: 'committed', on: daysAgo(5), reason: 'Volunteered at the harpsichord town hall' });
      // Someone else's notes that name her, by name and by email.
      const colleague = await createStakeholder(t.http, { name: 'A Colleague', timingNotes: `Ask ${name} first` });
      const mention = await logSounding(t.http, colleague.id, {
        summary: `Looks to ${name} for a steer; wrote to ${email} afterwards.`,
        commitmentAfter: 'sounded',
      });
      const briefing = (
        await t.http
          .post('/api/briefings')
          .send({ brieferId: person.id, topTeam: true, plannedFor: `${daysAgo(3)}T09:00:00Z`, brief: 'Her case: the flamingo savings' })
          .expect(201)
      ).body;
      await t.http
        .patch(`/api/briefings/${briefing.id}`)
        .send({ status: 'done', outcome: 'The board loved the origami metaphor', version: briefing.version })
        .expect(200);
      const otherBriefing = (
        await t.http.post('/api/briefings').send({ hr: true, topTeam: true, plannedFor: '2031-03-05T09:00:00Z', brief: `Bring ${name} along` }).expect(201)
      ).body;
      const meeting = (
        await t.http
          .post('/api/meetings')
          .send({ title: `Lunch with ${name}`, scheduledFor: '2031-04-01T09:00:00Z', purpose: `Ask ${email} about the quince plan`, attendeeIds: [person.id, colleague.id] })
          .expect(201)
      ).body;
      // Links at either end of her, and a link between two others whose note names her.
      await t.http.post('/api/influences').send({ fromId: person.id, toId: manager.id, kind: 'looks_to', note: 'Since the yodelling retreat' }).expect(201);
      await t.http.post('/api/influences').send({ fromId: colleague.id, toId: person.id, kind: 'ally', note: `Allies since the kazoo merger; ${email}` }).expect(201);
      const aboutHer = (
        await t.http.post('/api/influences').send({ fromId: colleague.id, toId: manager.id, kind: 'mentor', note: `Mentored alongside ${name}` }).expect(201)
      ).body;
      await t.http
        .post('/api/champion-evidence')
        .send({ stakeholderId: person.id, test: 'stake', evidence: 'Owns the kumquat savings target', on: daysAgo(4) })
        .expect(201);
      const championColleague = await createStakeholder(t.http, { name: 'A Champion', potentialChampion: true });
      const mentioningEvidence = (
        await t.http
          .post('/api/champion-evidence')
          .send({ stakeholderId: championColleague.id, test: 'influence', evidence: `${name} asks for his view first`, on: daysAgo(4) })
          .expect(201)
      ).body;
      // Who holds the relationship with her, whom she holds one with, and someone else's note that names her.
      const withHer = (
        await t.http.post('/api/relationships').send({ stakeholderId: person.id, holderStakeholderId: colleague.id, quality: 'strong', note: 'They met at the quokka retreat' }).expect(201)
      ).body;
      const heldByHer = (
        await t.http.post('/api/relationships').send({ stakeholderId: manager.id, holderStakeholderId: person.id, quality: 'avoid', note: 'A feud over the pangolin budget' }).expect(201)
      ).body;
      const mentionsHer = (
        await t.http.post('/api/relationships').send({ stakeholderId: manager.id, holderUserId: t.user.id, quality: 'building', note: `Warmer since ${name} left the board` }).expect(201)
      ).body;
      // A priority she owns, whose coaching link names her: it stays the function's, without her.
      const owned = (
        await t.http.post('/api/priorities').send({ businessFunction: 'Quantum', title: 'Ship the qubit roadmap', ownerId: person.id, coachingLink: `${name} coaches the leads` }).expect(201)
      ).body;
      await t.http.get(`/api/stakeholders/${person.id}/export`).expect(200);
      await admin.http.get(`/api/stakeholders/${person.id}/soundings`).expect(200);

      const needles = [
        name,
        foldForSearch(name),
        email,
        'Chief Quantum Officer',
        'zeppelin',
        'marmalade',
        'lighthouse',
        'abacus',
        'tangerine',
        'narwhal',
        'periwinkle',
        'gazebo',
        'walrus',
        'saxophone',
        'trampoline',
        'harpsichord',
        'flamingo',
        'origami',
        'yodelling',
        'kazoo',
        'kumquat',
        'quokka',
        'pangolin',
      ];
      expect((await findEverywhere(t.db, needles)).length).toBeGreaterThan(10);
      const dashboardBefore = (await t.http.get('/api/dashboard').expect(200)).body as Dashboard;

      await t.http.post(`/api/stakeholders/${person.id}/erase`).expect(403);
      await viewer.http.post(`/api/stakeholders/${person.id}/erase`).expect(403);
      const erased = await admin.http.post(`/api/stakeholders/${person.id}/erase`).expect(200);
      expect(erased.body).toEqual({
        stakeholderId: person.id,
        erasedAt: expect.any(String),
        name: ERASED_PERSON_NAME,
        soundings: 2,
        fears: 2,
        levelChangeReasons: 1,
        briefings: 1,
        reportingLinksRemoved: 1,
        influencesRemoved: 2,
        relationshipsRemoved: 2,
        mentionsRemoved: 8,
        championEvidence: 1,
        timingWindowsRemoved: 0,
        expectationsRemoved: 0,
        expectationTellersCleared: 0,
        prioritiesUnowned: 1,
        pilotsSponsored: 0,
        pilotProofAsks: 0,
        initiativesOwnerCleared: 0,
        initiativeInvolvementRemoved: 0,
        heldForRestoreRemoved: 0,
        soundingsConductedCleared: 0,
      } satisfies ErasureResult);

      expect(await findEverywhere(t.db, needles)).toEqual([]);

      const after = (await t.http.get(`/api/stakeholders/${person.id}`).expect(200)).body;
      expect(after).toMatchObject({ name: ERASED_PERSON_NAME, email: null, title: null, timingNotes: null, reportsTo: null, role: 'top_team', commitment: 'committed' });
      expect((await t.http.get(`/api/stakeholders/${report.id}`).expect(200)).body.reportsTo).toBeNull();
      const soundings = (await admin.http.get(`/api/stakeholders/${person.id}/soundings`).expect(200)).body;
      expect(soundings.map((s: { summary: string; heldOn: string; commitmentAfter: string }) => [s.summary, s.heldOn, s.commitmentAfter])).toEqual([
        [ERASED_TEXT, daysAgo(15), 'supportive'],
        [ERASED_TEXT, daysAgo(30), 'open'],
      ]);
      expect((await t.http.get(`/api/fears/${fearId}`).expect(200)).body).toMatchObject({ statement: ERASED_TEXT, response: null, owner: null, category: 'personal_exposure' });
      expect((await t.http.get(`/api/soundings/${mention.id}`).expect(200)).body.summary).toBe(
        'Looks to [erased person] for a steer; wrote to [erased person] afterwards.',
      );
      expect((await t.http.get(`/api/stakeholders/${colleague.id}`).expect(200)).body.timingNotes).toBe('Ask [erased person] first');
      expect((await t.http.get(`/api/briefings/${briefing.id}`).expect(200)).body).toMatchObject({
        briefer: { id: person.id, name: ERASED_PERSON_NAME },
        status: 'done',
        brief: null,
        outcome: null,
      });
      expect((await t.http.get(`/api/briefings/${otherBriefing.id}`).expect(200)).body.brief).toBe('Bring [erased person] along');
      expect((await t.http.get(`/api/champion-evidence?stakeholderId=${person.id}`).expect(200)).body.total).toBe(0);
      expect((await t.http.get(`/api/champion-evidence/${mentioningEvidence.id}`).expect(200)).body).toMatchObject({
        evidence: '[erased person] asks for his view first',
        version: mentioningEvidence.version + 1,
      });
      expect((await t.http.get(`/api/meetings/${meeting.id}`).expect(200)).body).toMatchObject({
        title: 'Lunch with [erased person]',
        purpose: 'Ask [erased person] about the quince plan',
        attendees: expect.arrayContaining([expect.objectContaining({ id: person.id, name: ERASED_PERSON_NAME })]),
      });
      expect((await t.http.get(`/api/influences?stakeholderId=${person.id}`).expect(200)).body.total).toBe(0);
      expect((await t.http.get(`/api/influences/${aboutHer.id}`).expect(200)).body).toMatchObject({ note: 'Mentored alongside [erased person]', version: 2 });
      expect((await t.http.get(`/api/stakeholders?q=${encodeURIComponent('Vålstad')}`).expect(200)).body.total).toBe(0);
      await t.http.get(`/api/relationships/${withHer.id}`).expect(404);
      await t.http.get(`/api/relationships/${heldByHer.id}`).expect(404);
      expect((await t.http.get(`/api/relationships/${mentionsHer.id}`).expect(200)).body).toMatchObject({ note: 'Warmer since [erased person] left the board', version: 2 });
      expect((await t.http.get(`/api/priorities/${owned.id}`).expect(200)).body).toMatchObject({ title: 'Ship the qubit roadmap', owner: null, coachingLink: '[erased person] coaches the leads' });

      // The campaign's numbers are unchanged: levels, roles and fears by category stay.
      const dashboardAfter = (await t.http.get('/api/dashboard').expect(200)).body as Dashboard;
      expect(dashboardAfter.byCommitment).toEqual(dashboardBefore.byCommitment);
      expect(dashboardAfter.topTeam).toEqual(dashboardBefore.topTeam);
      expect(dashboardAfter.openFearsByCategory).toEqual(dashboardBefore.openFearsByCategory);
      expect(dashboardAfter.totalStakeholders).toBe(dashboardBefore.totalStakeholders);

      const { rows } = await t.db.query(`SELECT actor_id, after FROM audit_log WHERE action = 'stakeholder.erase'`);
      expect(rows).toEqual([
        {
          actor_id: admin.id,
          after: {
            soundings: 2,
            fears: 2,
            levelChangeReasons: 1,
            briefings: 1,
            reportingLinksRemoved: 1,
            influencesRemoved: 2,
            relationshipsRemoved: 2,
            championEvidence: 1,
            timingWindowsRemoved: 0,
            expectationsRemoved: 0,
            expectationTellersCleared: 0,
            prioritiesUnowned: 1,
            pilotsSponsored: 0,
            pilotProofAsks: 0,
            initiativesOwnerCleared: 0,
            initiativeInvolvementRemoved: 0,
            soundingsConductedCleared: 0,
            mentionsRemoved: 8,
            heldForRestoreRemoved: 0,
          },
        },
      ]);
      expect((await admin.http.get('/api/audit/verify').expect(200)).body).toMatchObject({ ok: true, brokenAt: null });
    });

    it('changes nothing when any step fails (one transaction)', async () => {
      const person = await createStakeholder(t.http, { name: 'Half Erased Never', email: 'half@example.test' });
      await recordCommitmentChange(t.http, person.id, { level: 'open', reason: 'Said yes to the pelican pilot' });
      await t.db.query(`
        CREATE FUNCTION refuse_reason_change() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN RAISE EXCEPTION 'refused for this test'; END $$`);
      await t.db.query(`CREATE TRIGGER refuse_reason_change BEFORE UPDATE ON commitment_changes FOR EACH ROW EXECUTE FUNCTION refuse_reason_change()`);
      try {
        const auditBefore = (await t.db.query(`SELECT count(*)::int AS n FROM audit_log`)).rows[0].n;
        t.allowUndocumentedStatus(500);
        await admin.http.post(`/api/stakeholders/${person.id}/erase`).expect(500);
        expect((await t.http.get(`/api/stakeholders/${person.id}`).expect(200)).body).toMatchObject({ name: 'Half Erased Never', email: 'half@example.test' });
        expect(await findEverywhere(t.db, ['pelican'])).toEqual(['commitment_changes.reason (1)']);
        expect((await t.db.query(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'stakeholder.erase' AND stakeholder_id = $1`, [person.id])).rows[0].n).toBe(0);
        expect((await t.db.query(`SELECT count(*)::int AS n FROM audit_log`)).rows[0].n).toBe(auditBefore);
      } finally {
        await t.db.query(`DROP TRIGGER refuse_reason_change ON commitment_changes`);
        await t.db.query(`DROP FUNCTION refuse_reason_change()`);
      }
      await admin.http.post(`/api/stakeholders/${person.id}/erase`).expect(200);
      expect(await findEverywhere(t.db, ['pelican', 'Half Erased Never', 'half@example.test'])).toEqual([]);
    });

    it('replaces mentions as whole words only, whatever their case, taking the name literally', async () => {
      const replace = async (text: string, mention: string) =>
        (await t.db.query(`SELECT regexp_replace($1, $2, '[x]', 'gi') AS out`, [text, wholeWordPattern(mention)])).rows[0].out;
      expect(await replace('Ann and ANN, not Anna or Joanne; (Ann).', 'Ann')).toBe('[x] and [x], not Anna or Joanne; ([x]).');
      expect(await replace('Mail j.doe+hr@example.test or jXdoe+hr@example.test', 'j.doe+hr@example.test')).toBe('Mail [x] or jXdoe+hr@example.test');
      expect(await replace('Zoë Ó Briain-Smith (CFO)', 'Zoë Ó Briain-Smith')).toBe('[x] (CFO)');
      expect(await replace('a.*b then a.*bc', 'a.*b')).toBe('[x] then a.*bc');
    });

    it('keeps a meeting title within its 200 characters when a short name in it gives way to a longer marker', async () => {
      const person = await createStakeholder(t.http, { name: 'Bo Li' });
      const title = `${'Quarterly leadership review and planning session '.repeat(4).slice(0, 190)} — Bo Li`;
      expect(title.length).toBeLessThanOrEqual(200);
      const meeting = (await t.http.post('/api/meetings').send({ title, scheduledFor: '2031-05-01T09:00:00Z', attendeeIds: [person.id] }).expect(201)).body;
      await admin.http.post(`/api/stakeholders/${person.id}/erase`).expect(200);
      const after = (await t.http.get(`/api/meetings/${meeting.id}`).expect(200)).body.title as string;
      expect(after).toHaveLength(200);
      expect(after).not.toContain('Bo Li');
    });

    it('keeps the initiatives they owned without an owner, deletes their involvement, and exports both beforehand', async () => {
      const name = 'Oona Initiative-Owner';
      const person = await createStakeholder(t.http, { name, role: 'top_team' });
      const colleague = await createStakeholder(t.http, { name: 'Colleague Involved' });
      const owned = (
        await t.http
          .post('/api/initiatives')
          .send({ title: 'Finance showcase', kind: 'showcase', heldOn: daysAgo(10), ownerId: person.id, involvedIds: [colleague.id], description: `${name} opens it` })
          .expect(201)
      ).body;
      const joined = (
        await t.http.post('/api/initiatives').send({ title: 'Quarterly update', kind: 'update', heldOn: daysAgo(3), ownerId: null, involvedIds: [person.id, colleague.id] }).expect(201)
      ).body;
      await t.http.post('/api/initiatives').send({ title: 'Not about them', kind: 'event', heldOn: daysAgo(2), ownerId: colleague.id, involvedIds: [] }).expect(201);

      const exported = (await t.http.get(`/api/stakeholders/${person.id}/export`).expect(200)).body as StakeholderExport;
      expect(exported.initiatives.map((i) => [i.title, i.owner?.id ?? null, i.involved.map((p) => p.id)])).toEqual([
        ['Quarterly update', null, [colleague.id, person.id]], // by name: Colleague before Oona
        ['Finance showcase', person.id, [colleague.id]],
      ]);
      expect(exported.auditEntries.filter((e) => e.entityType === 'initiative').map((e) => [e.action, e.entityId])).toEqual([
        ['initiative.create', owned.id],
        ['initiative.create', joined.id],
      ]);

      const erased = (await admin.http.post(`/api/stakeholders/${person.id}/erase`).expect(200)).body as ErasureResult;
      expect(erased).toMatchObject({ initiativesOwnerCleared: 1, initiativeInvolvementRemoved: 1, mentionsRemoved: 1 });
      expect((await t.http.get(`/api/initiatives/${owned.id}`).expect(200)).body).toMatchObject({
        title: 'Finance showcase',
        owner: null,
        description: '[erased person] opens it',
        involved: [expect.objectContaining({ id: colleague.id })],
      });
      expect((await t.http.get(`/api/initiatives/${joined.id}`).expect(200)).body.involved.map((p: { id: string }) => p.id)).toEqual([colleague.id]);
      expect((await t.http.get(`/api/initiatives?stakeholderId=${person.id}`).expect(200)).body.total).toBe(0);
      expect(await findEverywhere(t.db, [name])).toEqual([]);
      // The colleague's involvement and contact are untouched.
      expect((await t.http.get(`/api/stakeholders/${colleague.id}`).expect(200)).body.lastContactAt).toBe(daysAgo(3));
      // Once erased, nobody can involve them again.
      const again = await t.http.patch(`/api/initiatives/${joined.id}`).send({ involvedIds: [colleague.id, person.id], version: 1 });
      expect(again.status).toBe(409);
      expect(again.body.code).toBe('stakeholder_erased');
    });

    it('answers 404 for an unknown person', async () => {
      await admin.http.post('/api/stakeholders/7d4a9a52-8f39-4c55-9d0c-3b0d5f0b8f11/erase').expect(404);
    });
  });

  describe('what came up in their soundings: listed priorities and narratives', () => {
    it('exports them per sounding (withheld with a confidential one\'s words), and erasure removes them from their soundings only', async () => {
      const person = await createStakeholder(t.http, { name: 'Linked Subject', role: 'top_team' });
      const peer = await createStakeholder(t.http, { name: 'Linked Peer', role: 'top_team' });
      const { rows } = await t.db.query(`INSERT INTO priorities (business_function, title) VALUES ('Finance', 'Protect the margin') RETURNING id`);
      const priorityId: string = rows[0].id;
      const narrativeId: string = (await t.http.post('/api/narratives').send({ title: 'Pride in the craft' }).expect(201)).body.id;
      const links = { priorityIds: [priorityId], narratives: [{ narrativeId, response: 'jarred' as const }] };
      const open = await logSounding(t.http, person.id, { heldOn: daysAgo(9), ...links });
      const secret = await logSounding(otherPractitioner.http, person.id, { heldOn: daysAgo(4), confidential: true, ...links });
      const peers = await logSounding(t.http, peer.id, { heldOn: daysAgo(4), ...links });
      const cited = {
        priorities: [{ id: priorityId, businessFunction: 'Finance', title: 'Protect the margin' }],
        narratives: [{ narrative: { id: narrativeId, title: 'Pride in the craft' }, response: 'jarred' }],
      };

      const exported = (await t.http.get(`/api/stakeholders/${person.id}/export`).expect(200)).body as StakeholderExport;
      expect(exported.soundings.map((s) => [s.id, s.priorities, s.narratives])).toEqual([
        [secret.id, [], []],
        [open.id, cited.priorities, cited.narratives],
      ]);
      const full = (await admin.http.get(`/api/stakeholders/${person.id}/export`).expect(200)).body as StakeholderExport;
      expect(full.soundings.map((s) => [s.id, s.priorities, s.narratives])).toEqual([
        [secret.id, cited.priorities, cited.narratives],
        [open.id, cited.priorities, cited.narratives],
      ]);

      await admin.http.post(`/api/stakeholders/${person.id}/erase`).expect(200);
      const left = await t.db.query(
        `SELECT (SELECT count(*) FROM sounding_priorities WHERE sounding_id = ANY($1::uuid[]))::int AS priorities,
                (SELECT count(*) FROM sounding_narratives WHERE sounding_id = ANY($1::uuid[]))::int AS narratives`,
        [[open.id, secret.id]],
      );
      expect(left.rows[0]).toEqual({ priorities: 0, narratives: 0 });
      for (const id of [open.id, secret.id]) {
        expect((await admin.http.get(`/api/soundings/${id}`).expect(200)).body).toMatchObject({ summary: ERASED_TEXT, priorities: [], narratives: [] });
      }
      // The priority and the narrative are the organisation's: they stay, as do another person's links to them.
      expect((await t.db.query(`SELECT count(*)::int AS n FROM priorities WHERE id = $1`, [priorityId])).rows[0].n).toBe(1);
      expect((await t.http.get(`/api/soundings/${peers.id}`).expect(200)).body).toMatchObject(cited);
      const resonance = (await t.http.get('/api/narratives/resonance').expect(200)).body;
      expect(resonance.members.map((m: { id: string }) => m.id)).not.toContain(person.id);
    });
  });

  describe('expectations: what a person was told to expect', () => {
    const told = (http: typeof t.http, body: Record<string, unknown>) =>
      http.post('/api/expectations').send({ toldOn: daysAgo(3), realistic: true, ...body }).expect(201).then((r) => r.body as Expectation);

    it('are in their export, newest first, and so are the ones they told others as a champion only in those people\'s exports', async () => {
      const person = await createStakeholder(t.http, { name: 'Export Expecting' });
      const other = await createStakeholder(t.http);
      const older = await told(t.http, { stakeholderId: person.id, expectation: 'A coach by spring', toldOn: daysAgo(30) });
      const newer = await told(t.http, { stakeholderId: person.id, expectation: 'Board time for the case', toldOn: daysAgo(2), realistic: false, note: 'Too soon' });
      await told(t.http, { stakeholderId: other.id, expectation: 'Not theirs', toldByStakeholderId: person.id });

      const exported = (await t.http.get(`/api/stakeholders/${person.id}/export`).expect(200)).body as StakeholderExport;
      expect(exported.expectations.map((e) => [e.id, e.expectation, e.realistic, e.note])).toEqual([
        [newer.id, 'Board time for the case', false, 'Too soon'],
        [older.id, 'A coach by spring', true, null],
      ]);
      const history = exported.auditEntries.filter((e) => e.entityType === 'expectation').map((e) => e.entityId);
      expect(history).toEqual([older.id, newer.id]);
      expect((await admin.http.get('/api/audit?action=stakeholder.export&pageSize=1').expect(200)).body.items[0].after).toMatchObject({ expectations: 2 });
    });

    it('are deleted with the person; the ones they told others stay without them as teller, and their name leaves the words', async () => {
      const person = await createStakeholder(t.http, { name: 'Quentin Erasable' });
      const other = await createStakeholder(t.http);
      const theirs = await told(t.http, { stakeholderId: person.id, expectation: 'Funding for two coaches' });
      const toldByThem = await told(t.http, { stakeholderId: other.id, expectation: 'Quentin Erasable will sponsor your pilot', toldByStakeholderId: person.id });

      const erased = (await admin.http.post(`/api/stakeholders/${person.id}/erase`).expect(200)).body as ErasureResult;
      expect(erased).toMatchObject({ expectationsRemoved: 1, expectationTellersCleared: 1, mentionsRemoved: 1 });
      await t.http.get(`/api/expectations/${theirs.id}`).expect(404);
      const kept = (await t.http.get(`/api/expectations/${toldByThem.id}`).expect(200)).body as Expectation;
      expect(kept).toMatchObject({ toldBy: null, expectation: '[erased person] will sponsor your pilot', version: 3 });
      expect(await findEverywhere(t.db, ['Quentin Erasable', 'Funding for two coaches'])).toEqual([]);
      await t.http.patch(`/api/expectations/${toldByThem.id}`).send({ status: 'met', version: 1 }).expect(409);
    });
  });

  describe('pilots', () => {
    it('exports the pilots a person sponsors or asked proof of; erasure keeps sponsored pilots without them and deletes their asks', async () => {
      const person = await createStakeholder(t.http, { name: 'Pilot Subject', role: 'top_team' });
      const other = await createStakeholder(t.http, { name: 'Pilot Bystander' });
      const sponsored = (
        await t.http
          .post('/api/pilots')
          .send({ name: 'Shop-floor coaching', sponsorId: person.id, scope: 'Pilot Subject picked the two shifts', status: 'running', askedBy: [other.id] })
          .expect(201)
      ).body;
      const asked = (await t.http.post('/api/pilots').send({ name: 'Sales ramp-up', sponsorId: other.id, askedBy: [person.id, other.id] }).expect(201)).body;
      const proof = (await t.http.post(`/api/pilots/${asked.id}/proof-points`).send({ observedOn: daysAgo(3), result: 'Ramp-up two weeks shorter', value: 2, unit: 'weeks' }).expect(201)).body;
      await t.http.post(`/api/pilots/${asked.id}/told`).send({ stakeholderId: person.id, toldOn: daysAgo(1) }).expect(201);
      await t.http.post('/api/pilots').send({ name: 'Not about them', sponsorId: other.id }).expect(201);

      const exported = (await t.http.get(`/api/stakeholders/${person.id}/export`).expect(200)).body as StakeholderExport;
      expect(exported.pilots.map((p) => [p.name, p.sponsor?.name ?? null, p.askedBy.map((a) => [a.stakeholder.name, a.toldProofPointId])])).toEqual([
        ['Sales ramp-up', 'Pilot Bystander', [['Pilot Bystander', null], ['Pilot Subject', proof.id]]],
        ['Shop-floor coaching', 'Pilot Subject', [['Pilot Bystander', null]]],
      ]);
      expect(exported.auditEntries.map((e) => e.action)).toEqual(expect.arrayContaining(['pilot.create', 'pilot.told', 'pilot_proof_point.create']));

      const erased = (await admin.http.post(`/api/stakeholders/${person.id}/erase`).expect(200)).body as ErasureResult;
      expect(erased).toMatchObject({ pilotsSponsored: 1, pilotProofAsks: 1, mentionsRemoved: 1 });
      const kept = (await t.http.get(`/api/pilots/${sponsored.id}`).expect(200)).body;
      expect(kept).toMatchObject({ name: 'Shop-floor coaching', sponsor: null, status: 'running', scope: '[erased person] picked the two shifts', version: 3 });
      expect(kept.askedBy.map((a: { stakeholder: { id: string } }) => a.stakeholder.id)).toEqual([other.id]);
      const stillAsked = (await t.http.get(`/api/pilots/${asked.id}`).expect(200)).body;
      expect(stillAsked.askedBy.map((a: { stakeholder: { id: string } }) => a.stakeholder.id)).toEqual([other.id]);
      const { rows } = await t.db.query(`SELECT count(*)::int AS n FROM pilot_askers WHERE stakeholder_id = $1`, [person.id]);
      expect(rows[0].n).toBe(0);
      expect((await t.http.get(`/api/pilots?sponsorId=${person.id}`).expect(200)).body.total).toBe(0);
      expect(await findEverywhere(t.db, ['Pilot Subject'])).toEqual([]);
      // Once erased, they cannot be named on a pilot again.
      expect((await t.http.post('/api/pilots').send({ name: 'Again', sponsorId: person.id })).body.code).toBe('stakeholder_erased');
    });
  });

  describe('GET /api/stakeholders/:id/history', () => {
    it('lists the audit entries about one person to admins, newest first', async () => {
      const person = await createStakeholder(t.http);
      const other = await createStakeholder(t.http);
      await t.http.patch(`/api/stakeholders/${person.id}`).send({ influence: 4, version: 1 }).expect(200);
      await logSounding(t.http, person.id);
      await logSounding(t.http, other.id);

      const history = (await admin.http.get(`/api/stakeholders/${person.id}/history`).expect(200)).body as Page<AuditEntry>;
      expect(history.total).toBe(3);
      expect(history.items.map((e) => e.action)).toEqual(['sounding.create', 'stakeholder.update', 'stakeholder.create']);
      expect(history.items.every((e) => e.stakeholderId === person.id)).toBe(true);
      expect(history.items[1]).toMatchObject({ actor: { id: t.user.id }, before: { influence: null }, after: { influence: 4 } });

      const page2 = (await admin.http.get(`/api/stakeholders/${person.id}/history?page=2&pageSize=2`).expect(200)).body as Page<AuditEntry>;
      expect(page2).toMatchObject({ total: 3, page: 2, pageSize: 2 });
      expect(page2.items.map((e) => e.action)).toEqual(['stakeholder.create']);
    });

    it('is for admins only, and answers 404 for an unknown person', async () => {
      const person = await createStakeholder(t.http);
      await t.http.get(`/api/stakeholders/${person.id}/history`).expect(403);
      await viewer.http.get(`/api/stakeholders/${person.id}/history`).expect(403);
      await admin.http.get('/api/stakeholders/7d4a9a52-8f39-4c55-9d0c-3b0d5f0b8f11/history').expect(404);
      await admin.http.get(`/api/stakeholders/${person.id}/history?pageSize=1000`).expect(400);
    });
  });
});
