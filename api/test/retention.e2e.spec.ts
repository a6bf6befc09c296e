import type { AppSettings, ChampionEvidence, Expectation, Sounding } from '@soundings/shared';
import { DEFAULT_CADENCE, RETENTION_REMOVED_TEXT } from '@soundings/shared';
import request from 'supertest';
import { digest } from '../src/auth/tokens';
import { RetentionService } from '../src/retention/retention.service';
import { createStakeholder, daysAgo, logSounding, recordCommitmentChange } from './factories';
import { startTestApp, TestApp } from './test-app';

describe('settings and the retention rule', () => {
  let t: TestApp;
  let admin: Awaited<ReturnType<TestApp['as']>>;
  let retention: RetentionService;

  async function settings(): Promise<AppSettings> {
    return (await admin.http.get('/api/settings').expect(200)).body;
  }

  async function setMonths(months: number | null): Promise<AppSettings> {
    return (await admin.http.put('/api/settings').send({ redactSoundingsAfterMonths: months, version: (await settings()).version }).expect(200)).body;
  }

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.as('admin');
    retention = t.app.get(RetentionService);
  });
  afterAll(() => t.close());

  describe('GET/PUT /api/settings', () => {
    it('starts with the rule off', async () => {
      expect(await settings()).toEqual({
        redactSoundingsAfterMonths: null,
        retentionLastRunAt: null,
        timeZone: 'UTC',
        cadence: DEFAULT_CADENCE,
        updatedAt: expect.any(String),
        version: 1,
      });
    });

    it('is for admins only', async () => {
      const viewer = await t.as('viewer');
      await t.http.get('/api/settings').expect(403);
      await viewer.http.get('/api/settings').expect(403);
      await t.http.put('/api/settings').send({ redactSoundingsAfterMonths: 12, version: 1 }).expect(403);
    });

    it('validates the months and needs the version loaded', async () => {
      const { version } = await settings();
      for (const months of [0, 601, 1.5, '12', -3, true]) {
        const refused = await admin.http.put('/api/settings').send({ redactSoundingsAfterMonths: months, version }).expect(400);
        expect(refused.body.fields[0].field).toBe('redactSoundingsAfterMonths');
      }
      await admin.http.put('/api/settings').send({ version }).expect(400);
      await admin.http.put('/api/settings').send({ redactSoundingsAfterMonths: 12, version, extra: 1 }).expect(400);
      await admin.http.put('/api/settings').send({ redactSoundingsAfterMonths: 12 }).expect(428);
    });

    it('stores a change, audits it, and refuses a stale version with the current settings', async () => {
      const before = await settings();
      const saved = (await admin.http.put('/api/settings').set('If-Match', String(before.version)).send({ redactSoundingsAfterMonths: 24 }).expect(200))
        .body as AppSettings;
      expect(saved).toMatchObject({ redactSoundingsAfterMonths: 24, version: before.version + 1 });
      const stale = await admin.http.put('/api/settings').send({ redactSoundingsAfterMonths: 6, version: before.version }).expect(409);
      expect(stale.body.current).toMatchObject({ redactSoundingsAfterMonths: 24 });
      const { rows } = await t.db.query(`SELECT actor_id, before, after FROM audit_log WHERE action = 'settings.update'`);
      const unchanged = { timeZone: 'UTC', cadence: DEFAULT_CADENCE };
      expect(rows).toEqual([
        { actor_id: admin.id, before: { redactSoundingsAfterMonths: null, ...unchanged }, after: { redactSoundingsAfterMonths: 24, ...unchanged } },
      ]);
      await setMonths(null);
    });
  });

  describe('the retention job', () => {
    let person: { id: string };
    let old: Sounding;
    let recent: Sounding;
    let oldEvidence: ChampionEvidence;
    let recentEvidence: ChampionEvidence;

    beforeAll(async () => {
      person = await createStakeholder(t.http);
      old = await logSounding(t.http, person.id, {
        heldOn: daysAgo(400),
        summary: 'Old words about the orchard',
        benefitsSeen: 'Old benefits',
        personalCost: 'Old cost',
        developmentalExperience: 'Old mentor',
        prioritiesServed: 'Old priorities',
        nextStep: 'Old next step',
        conductedBy: 'Priya',
        commitmentAfter: 'open',
        confidential: true,
        fears: [{ statement: 'Old fear words', category: 'cost_and_budget' }],
      });
      recent = await logSounding(t.http, person.id, {
        heldOn: daysAgo(10),
        summary: 'Recent words',
        commitmentAfter: 'supportive',
        fears: [{ statement: 'Recent fear words', category: 'culture_fit' }],
      });
      await recordCommitmentChange(t.http, person.id, { level: 'committed', on: daysAgo(5), reason: 'Offered to sponsor' });
      oldEvidence = (
        await t.http.post('/api/champion-evidence').send({ stakeholderId: person.id, test: 'advocacy', evidence: 'Took the orchard case to Finance', on: daysAgo(400) }).expect(201)
      ).body;
      recentEvidence = (
        await t.http.post('/api/champion-evidence').send({ stakeholderId: person.id, test: 'stake', evidence: 'Recent evidence words', on: daysAgo(10) }).expect(201)
      ).body;
    });

    it('does nothing while the rule is off', async () => {
      expect(await retention.removeExpiredText()).toEqual({ ran: false, cutoff: null, soundings: 0, fears: 0, championEvidence: 0, relationshipNotes: 0, timingWindowNotes: 0, expectations: 0 });
      expect((await t.http.get(`/api/soundings/${old.id}`).expect(200)).body.summary).toBe('Old words about the orchard');
    });

    it('removes the words of soundings older than the setting and of their fears; keeps dates, levels and newer notes', async () => {
      await setMonths(12);
      const levelBefore = (await t.http.get(`/api/stakeholders/${person.id}`).expect(200)).body;

      const result = await retention.removeExpiredText();
      expect(result).toEqual({ ran: true, cutoff: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/), soundings: 1, fears: 1, championEvidence: 1, relationshipNotes: 0, timingWindowNotes: 0, expectations: 0 });
      expect(result.cutoff! > daysAgo(400) && result.cutoff! < daysAgo(10)).toBe(true);

      const redacted = (await t.http.get(`/api/soundings/${old.id}`).expect(200)).body as Sounding;
      expect(redacted).toMatchObject({
        summary: RETENTION_REMOVED_TEXT,
        benefitsSeen: null,
        personalCost: null,
        developmentalExperience: null,
        prioritiesServed: null,
        nextStep: null,
        conductedBy: 'Priya',
        heldOn: daysAgo(400),
        commitmentAfter: 'open',
        confidential: true,
        version: old.version + 1,
      });
      expect(redacted.fears[0]).toMatchObject({ statement: RETENTION_REMOVED_TEXT, response: null, category: 'cost_and_budget', status: 'open' });
      const kept = (await t.http.get(`/api/soundings/${recent.id}`).expect(200)).body as Sounding;
      expect(kept).toMatchObject({ summary: 'Recent words', version: recent.version });
      expect(kept.fears[0].statement).toBe('Recent fear words');

      expect((await t.http.get(`/api/champion-evidence/${oldEvidence.id}`).expect(200)).body).toMatchObject({
        evidence: RETENTION_REMOVED_TEXT,
        test: 'advocacy',
        on: daysAgo(400),
        version: oldEvidence.version + 1,
      });
      expect((await t.http.get(`/api/champion-evidence/${recentEvidence.id}`).expect(200)).body).toMatchObject({ evidence: 'Recent evidence words', version: 1 });

      const levelAfter = (await t.http.get(`/api/stakeholders/${person.id}`).expect(200)).body;
      expect(levelAfter).toMatchObject({ commitment: levelBefore.commitment, commitmentSince: levelBefore.commitmentSince, lastContactAt: levelBefore.lastContactAt });
      const journey = (await t.http.get(`/api/stakeholders/${person.id}/journey`).expect(200)).body;
      expect(journey.stages.filter((stage: { reachedOn: string | null }) => stage.reachedOn).length).toBe(4);

      const { rows } = await t.db.query(`SELECT actor_id, entity_id, after FROM audit_log WHERE action = 'retention.remove_text'`);
      expect(rows).toEqual([{ actor_id: null, entity_id: person.id, after: { months: 12, cutoff: result.cutoff, soundings: 1, fears: 1, championEvidence: 1, relationshipNotes: 0, timingWindowNotes: 0, expectations: 0 } }]);
      const words = await t.db.query(`SELECT count(*)::int AS n FROM audit_log WHERE after::text ILIKE '%orchard%' OR after::text ILIKE '%Old fear%'`);
      expect(words.rows[0].n).toBe(0);
      expect((await admin.http.get('/api/audit/verify').expect(200)).body.ok).toBe(true);
      expect((await settings()).retentionLastRunAt).toEqual(expect.any(String));

      // Already removed: a second run finds nothing more to do.
      expect(await retention.removeExpiredText()).toMatchObject({ ran: true, soundings: 0, fears: 0, championEvidence: 0 });
    });

    it('removes words written into an old sounding or fear after the last run, and only those', async () => {
      await setMonths(12);
      const current = (await t.http.get(`/api/soundings/${old.id}`).expect(200)).body as Sounding;
      await t.http.patch(`/api/soundings/${old.id}`).send({ summary: 'Added back about the orchard', version: current.version }).expect(200);
      const fear = current.fears[0];
      await t.http.patch(`/api/fears/${fear.id}`).send({ response: 'A response about the orchard', version: fear.version }).expect(200);
      const evidence = (await t.http.get(`/api/champion-evidence/${oldEvidence.id}`).expect(200)).body as ChampionEvidence;
      await t.http.patch(`/api/champion-evidence/${evidence.id}`).send({ evidence: 'Orchard case again', version: evidence.version }).expect(200);

      expect(await retention.removeExpiredText()).toMatchObject({ ran: true, soundings: 1, fears: 1, championEvidence: 1 });
      expect((await t.http.get(`/api/champion-evidence/${evidence.id}`).expect(200)).body.evidence).toBe(RETENTION_REMOVED_TEXT);
      const after = (await t.http.get(`/api/soundings/${old.id}`).expect(200)).body as Sounding;
      expect(after.summary).toBe(RETENTION_REMOVED_TEXT);
      expect(after.fears[0]).toMatchObject({ statement: RETENTION_REMOVED_TEXT, response: null });

      // A status change adds no words: nothing to remove again.
      await t.http.patch(`/api/fears/${fear.id}`).send({ status: 'addressing', version: after.fears[0].version }).expect(200);
      expect(await retention.removeExpiredText()).toMatchObject({ ran: true, soundings: 0, fears: 0, championEvidence: 0 });
    });

    it('leaves influence links and their notes alone, as it does timing notes and briefings: they say how people stand now', async () => {
      await setMonths(12);
      const other = await createStakeholder(t.http, { name: 'Retention Peer' });
      const link = (await t.http.post('/api/influences').send({ fromId: person.id, toId: other.id, kind: 'looks_to', note: 'Defers to the peer on budgets' }).expect(201)).body;
      await t.db.query(`UPDATE influences SET created_at = now() - interval '3 years', updated_at = now() - interval '3 years' WHERE id = $1`, [link.id]);
      await retention.removeExpiredText();
      expect((await t.http.get(`/api/influences/${link.id}`).expect(200)).body).toMatchObject({ note: 'Defers to the peer on budgets', version: 1 });
    });

    it('runs daily: not again within a day of the last run by any instance', async () => {
      await setMonths(12);
      const older = await logSounding(t.http, person.id, { heldOn: daysAgo(500), summary: 'Back-filled old note', commitmentAfter: 'open' });
      await t.db.query(`UPDATE settings SET retention_last_run_at = now() - interval '2 hours'`);
      expect(await retention.runIfDue()).toMatchObject({ ran: false });
      expect((await t.http.get(`/api/soundings/${older.id}`).expect(200)).body.summary).toBe('Back-filled old note');
      await t.db.query(`UPDATE settings SET retention_last_run_at = now() - interval '25 hours'`);
      expect(await retention.runIfDue()).toMatchObject({ ran: true, soundings: 1, fears: 0 });
      expect((await t.http.get(`/api/soundings/${older.id}`).expect(200)).body.summary).toBe(RETENTION_REMOVED_TEXT);
    });

    it('runs on one instance at a time: while another holds the lock it skips', async () => {
      await setMonths(12);
      const older = await logSounding(t.http, person.id, { heldOn: daysAgo(450), summary: 'Another old note', commitmentAfter: 'open' });
      const otherInstance = await t.db.connect();
      try {
        await otherInstance.query('BEGIN');
        await otherInstance.query(`SELECT pg_advisory_xact_lock(7401127)`);
        expect(await retention.removeExpiredText()).toEqual({ ran: false, cutoff: null, soundings: 0, fears: 0, championEvidence: 0, relationshipNotes: 0, timingWindowNotes: 0, expectations: 0 });
        expect((await t.http.get(`/api/soundings/${older.id}`).expect(200)).body.summary).toBe('Another old note');
      } finally {
        await otherInstance.query('ROLLBACK');
        otherInstance.release();
      }
      const [first, second] = await Promise.all([retention.removeExpiredText(), retention.removeExpiredText()]);
      expect(first.soundings + second.soundings).toBe(1);
      expect((await t.http.get(`/api/soundings/${older.id}`).expect(200)).body.summary).toBe(RETENTION_REMOVED_TEXT);
    });
  });

  describe('what came up in an old sounding', () => {
    it('removes the priorities and narratives recorded in a sounding whose words it removes, keeps those of newer ones, and removes them again once re-added', async () => {
      await setMonths(12);
      const subject = await createStakeholder(t.http, { name: 'Links Retained' });
      const { rows } = await t.db.query(`INSERT INTO priorities (business_function, title) VALUES ('Finance', 'Retention priority') RETURNING id`);
      const priorityId: string = rows[0].id;
      const narrativeId: string = (await t.http.post('/api/narratives').send({ title: 'Retention narrative' }).expect(201)).body.id;
      const links = { priorityIds: [priorityId], narratives: [{ narrativeId, response: 'resonated' as const }] };
      const old = await logSounding(t.http, subject.id, { heldOn: daysAgo(420), commitmentAfter: 'open', ...links });
      const recent = await logSounding(t.http, subject.id, { heldOn: daysAgo(20), commitmentAfter: 'open', ...links });

      expect(await retention.removeExpiredText()).toMatchObject({ ran: true, soundings: 1 });
      const removed = (await t.http.get(`/api/soundings/${old.id}`).expect(200)).body as Sounding;
      expect(removed).toMatchObject({ summary: RETENTION_REMOVED_TEXT, priorities: [], narratives: [] });
      expect((await t.http.get(`/api/soundings/${recent.id}`).expect(200)).body).toMatchObject({ priorities: [{ id: priorityId }], narratives: [{ response: 'resonated' }] });
      // The narrative itself is the organisation's: it stays, and the recent reaction still counts.
      expect((await t.http.get(`/api/narratives/${narrativeId}`).expect(200)).body.archived).toBe(false);

      // Recorded again on the old sounding, they are removed at the next run like words written back.
      await t.http.patch(`/api/soundings/${old.id}`).send({ version: removed.version, ...links }).expect(200);
      expect(await retention.removeExpiredText()).toMatchObject({ ran: true, soundings: 1 });
      expect((await t.http.get(`/api/soundings/${old.id}`).expect(200)).body).toMatchObject({ priorities: [], narratives: [] });
    });
  });

  describe('relationship notes', () => {
    it('removes a relationship note left unchanged since the cutoff, keeping who holds it and how well; newer notes stay', async () => {
      await setMonths(12);
      const subject = await createStakeholder(t.http);
      const [oldHolder, newHolder] = [await createStakeholder(t.http), await createStakeholder(t.http)];
      const relate = async (holderStakeholderId: string, note: string) =>
        (await t.http.post('/api/relationships').send({ stakeholderId: subject.id, holderStakeholderId, quality: 'strong', note }).expect(201)).body;
      const stale = await relate(oldHolder.id, 'Met at the persimmon conference');
      const fresh = await relate(newHolder.id, 'Lunch last week');
      await t.db.query(`UPDATE relationships SET updated_at = now() - interval '400 days' WHERE id = $1`, [stale.id]);

      const result = await retention.removeExpiredText();
      expect(result).toMatchObject({ ran: true, relationshipNotes: 1 });
      expect((await t.http.get(`/api/relationships/${stale.id}`).expect(200)).body).toMatchObject({
        note: null,
        quality: 'strong',
        holder: { id: oldHolder.id },
        version: stale.version + 1,
      });
      expect((await t.http.get(`/api/relationships/${fresh.id}`).expect(200)).body).toMatchObject({ note: 'Lunch last week', version: fresh.version });
      const { rows } = await t.db.query(`SELECT after FROM audit_log WHERE action = 'retention.remove_text' AND stakeholder_id = $1`, [subject.id]);
      expect(rows).toEqual([{ after: { months: 12, cutoff: result.cutoff, soundings: 0, fears: 0, championEvidence: 0, relationshipNotes: 1, timingWindowNotes: 0, expectations: 0 } }]);
      expect(await retention.removeExpiredText()).toMatchObject({ ran: true, relationshipNotes: 0, expectations: 0 });
    });
  });

  describe('expectations', () => {
    it('removes the words and note of an expectation told before the cutoff and unchanged since; date, teller, realism and status stay', async () => {
      await setMonths(12);
      const subject = await createStakeholder(t.http);
      const tell = async (body: Record<string, unknown>) =>
        (await t.http.post('/api/expectations').send({ stakeholderId: subject.id, realistic: false, ...body }).expect(201)).body as Expectation;
      const stale = await tell({ expectation: 'A quince orchard of coaches', note: 'Said at the quince dinner', toldOn: daysAgo(400), status: 'at_risk' });
      const tracked = await tell({ expectation: 'Still being tracked', toldOn: daysAgo(400) });
      const recent = await tell({ expectation: 'Told last week', toldOn: daysAgo(7) });
      // Unchanged for as long as it was told: only the one someone touched since keeps its words.
      await t.db.query(`UPDATE expectations SET updated_at = now() - interval '400 days' WHERE id = ANY($1::uuid[])`, [[stale.id, recent.id]]);

      const result = await retention.removeExpiredText();
      expect(result).toMatchObject({ ran: true, expectations: 1 });
      expect((await t.http.get(`/api/expectations/${stale.id}`).expect(200)).body).toMatchObject({
        expectation: RETENTION_REMOVED_TEXT,
        note: null,
        toldOn: daysAgo(400),
        toldBy: { type: 'account', id: t.user.id },
        realistic: false,
        status: 'at_risk',
        version: stale.version + 1,
      });
      expect((await t.http.get(`/api/expectations/${tracked.id}`).expect(200)).body).toMatchObject({ expectation: 'Still being tracked', version: 1 });
      expect((await t.http.get(`/api/expectations/${recent.id}`).expect(200)).body).toMatchObject({ expectation: 'Told last week', version: 1 });
      const { rows } = await t.db.query(`SELECT after FROM audit_log WHERE action = 'retention.remove_text' AND stakeholder_id = $1`, [subject.id]);
      expect(rows).toEqual([{ after: { months: 12, cutoff: result.cutoff, soundings: 0, fears: 0, championEvidence: 0, relationshipNotes: 0, timingWindowNotes: 0, expectations: 1 } }]);
      expect(await findQuince()).toBe(0);
      expect(await retention.removeExpiredText()).toMatchObject({ ran: true, expectations: 0 });
    });

    const findQuince = async () => (await t.db.query(`SELECT count(*)::int AS n FROM expectations WHERE expectation ILIKE '%quince%' OR note ILIKE '%quince%'`)).rows[0].n;
  });

  describe('hourly pruning of what only mattered for a while', () => {
    it('deletes ended sessions, spent reset links and old rate-limit rows; live ones survive', async () => {
      const user = await t.as('viewer');
      const session = (id: string, lastSeen: string, expires: string) =>
        t.db.query(
          `INSERT INTO sessions (id, user_id, csrf_token, last_seen_at, expires_at, client_address, user_agent)
           VALUES ($1, $2, 'csrf', now() - $3::interval, now() + $4::interval, '192.0.2.7', 'Test browser')`,
          [id, user.id, lastSeen, expires],
        );
      await session(digest('live-cookie'), '1 minute', '11 hours');
      await session('past-absolute', '1 minute', '-1 minute');
      await session('idle', '2 hours', '10 hours');
      const reset = (hash: string, expires: string, used: boolean) =>
        t.db.query(
          `INSERT INTO password_reset_tokens (user_id, token_hash, expires_at, used_at) VALUES ($1, $2, now() + $3::interval, ${used ? 'now()' : 'NULL'})`,
          [user.id, hash, expires],
        );
      await reset('live-link', '23 hours', false);
      await reset('used-link', '23 hours', true);
      await reset('expired-link', '-1 hour', false);
      await t.db.query(
        `INSERT INTO rate_limit_windows (bucket, window_start, expires_at, hits)
         VALUES ('requests:address:198.51.100.1', now() - interval '2 hours', now() - interval '1 hour', 3),
                ('requests:address:198.51.100.2', date_trunc('minute', now()), now() + interval '1 minute', 1)`,
      );
      await t.db.query(
        `INSERT INTO rate_limit_hits (bucket, hit_at) VALUES ('login:account:old@example.test', now() - interval '2 days'), ('login:account:new@example.test', now())`,
      );

      const pruned = await retention.pruneExpired();
      expect(pruned).toMatchObject({ ran: true, sessions: 2, resetLinks: 2, failedSignIns: 1 });
      // Windows this file's own earlier requests used may have ended by now too; which ones went is checked below.
      expect(pruned.rateLimitWindows).toBeGreaterThanOrEqual(1);
      const { rows } = await t.db.query(
        `SELECT (SELECT array_agg(id ORDER BY id) FROM sessions WHERE user_id = $1) AS sessions,
                (SELECT array_agg(token_hash) FROM password_reset_tokens WHERE user_id = $1) AS links,
                (SELECT array_agg(bucket) FROM rate_limit_windows WHERE bucket LIKE 'requests:address:198.51.100.%') AS windows,
                (SELECT array_agg(bucket) FROM rate_limit_hits WHERE bucket LIKE 'login:account:%@example.test') AS hits`,
        [user.id],
      );
      expect(rows[0]).toEqual({
        sessions: [digest('live-cookie')],
        links: ['live-link'],
        windows: ['requests:address:198.51.100.2'],
        hits: ['login:account:new@example.test'],
      });
      // The live one still signs its owner in.
      await request(t.app.getHttpServer()).get('/api/auth/me').set('Cookie', 'soundings_session=live-cookie').expect(200);
    });

    it('skips while another instance holds the retention lock', async () => {
      const user = await t.as('viewer');
      await t.db.query(
        `INSERT INTO sessions (id, user_id, csrf_token, expires_at) VALUES ('ended-while-locked', $1, 'csrf', now() - interval '1 minute')`,
        [user.id],
      );
      const otherInstance = await t.db.connect();
      try {
        await otherInstance.query('BEGIN');
        await otherInstance.query(`SELECT pg_advisory_xact_lock(7401127)`);
        expect(await retention.pruneExpired()).toMatchObject({ ran: false });
      } finally {
        await otherInstance.query('ROLLBACK');
        otherInstance.release();
      }
      expect((await t.db.query(`SELECT count(*)::int AS n FROM sessions WHERE id = 'ended-while-locked'`)).rows[0].n).toBe(1);
      expect(await retention.pruneExpired()).toMatchObject({ ran: true });
      expect((await t.db.query(`SELECT count(*)::int AS n FROM sessions WHERE id = 'ended-while-locked'`)).rows[0].n).toBe(0);
    });
  });
});
