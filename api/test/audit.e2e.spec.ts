import type { AuditEntry, AuditVerification } from '@soundings/shared';
import { createHash, randomBytes } from 'node:crypto';
import { Pool } from 'pg';
import request, { Response } from 'supertest';
import type TestAgent from 'supertest/lib/agent';
import { DataSource } from 'typeorm';
import { KeyedAuditChain1764310000000 } from '../../migrations/1764310000000-KeyedAuditChain';
import { AuditSealedAfterCommit1764720000000 } from '../../migrations/1764720000000-AuditSealedAfterCommit';
import { createApp } from '../src/app.factory';
import { legacyAuditHash } from '../src/audit/audit-chain';
import { grantAppRole } from '../src/database/database-roles';
import { dataSourceOptions } from '../src/database/database.options';
import { createStakeholder, daysAgo, daysAhead, logSounding } from './factories';
import { createAccount, startTestApp, TestApp, TestUser, withEnvironment } from './test-app';
import { APPEND_UNSEALED, auditParams, AuditRepository } from '../src/audit/audit.repository';
import { createTestDatabase, TEST_APP_ROLE } from './test-database';

const PASSWORD = 'correct horse battery staple';

/** Upper case for even positions, lower for odd: a spelling the uuid column folds away. */
function mixedCase(id: string): string {
  return [...id].map((char, index) => (index % 2 ? char.toLowerCase() : char.toUpperCase())).join('');
}

function succeeded(response: Response): Response {
  if (response.status >= 300) throw new Error(`${response.status} ${JSON.stringify(response.body)}`);
  return response;
}

describe('audit trail', () => {
  let t: TestApp;
  let admin: TestUser & { http: TestAgent };
  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.as('admin');
  });
  afterAll(() => t.close());

  const verify = async (): Promise<AuditVerification> => (await admin.http.get('/api/audit/verify').expect(200)).body;

  /** Ids of the newest `n` entries, oldest first. */
  async function newestIds(n: number): Promise<string[]> {
    const { rows } = await t.db.query(`SELECT id::text AS id FROM audit_log ORDER BY id DESC LIMIT $1`, [n]);
    return rows.map((row) => row.id).reverse();
  }

  describe('the chain covers what PostgreSQL stored, however the request spelled it', () => {
    it('stays verifiable after every write endpoint is called with ids in upper or mixed case', async () => {
      const boss = await createStakeholder(t.http, { role: 'top_team' });
      const BOSS = boss.id.toUpperCase();
      const person = (await t.http.post('/api/stakeholders').send({ name: 'Ingrid Upper', role: 'line_manager', reportsToId: BOSS }).expect(201)).body;
      const PERSON = person.id.toUpperCase();
      const updated = succeeded(await t.http.patch(`/api/stakeholders/${mixedCase(person.id)}`).send({ title: 'Head of Ops', version: person.version })).body;
      succeeded(await t.http.patch(`/api/stakeholders/${PERSON}`).set('If-Match', String(updated.version)).send({ reportsToId: mixedCase(boss.id) }));

      const sounding = succeeded(
        await t.http.post(`/api/stakeholders/${PERSON}/soundings`).send({
          heldOn: daysAgo(2),
          summary: 'Keen, worried about time',
          commitmentAfter: 'open',
          confidential: true,
          fears: [{ statement: 'No time for this', category: 'time_and_workload' }],
        }),
      ).body;
      succeeded(await t.http.patch(`/api/soundings/${sounding.id.toUpperCase()}`).send({ nextStep: 'Send the pilot outline', version: sounding.version }));
      const fear = sounding.fears[0];
      succeeded(await t.http.patch(`/api/fears/${mixedCase(fear.id)}`).send({ status: 'addressing', version: fear.version }));
      succeeded(await t.http.post(`/api/stakeholders/${mixedCase(person.id)}/commitment`).send({ level: 'supportive', on: daysAgo(1), reason: 'Said yes in the corridor' }));
      // Audited reads: a confidential note shown to an admin, and a subject-access export.
      succeeded(await admin.http.get(`/api/soundings/${sounding.id.toUpperCase()}`));
      succeeded(await t.http.get(`/api/stakeholders/${PERSON}/export`));

      const champion = await createStakeholder(t.http, { role: 'line_manager', potentialChampion: true });
      await logSounding(t.http, champion.id, { commitmentAfter: 'committed' });
      const plannedFor = `${daysAhead(5)}T09:00:00.000Z`;
      const briefing = succeeded(await t.http.post('/api/briefings').send({ brieferId: champion.id, audienceId: boss.id, plannedFor })).body;
      const BRIEFING = briefing.id.toUpperCase();
      const moved = succeeded(await t.http.patch(`/api/briefings/${BRIEFING}`).send({ brief: 'Why it matters for Ops', version: briefing.version })).body;
      succeeded(await t.http.post('/api/briefings/reorder').send({ day: daysAhead(5), briefingIds: [briefing.id] }));
      expect(moved.version).toBeGreaterThan(briefing.version);
      succeeded(await t.http.delete(`/api/briefings/${mixedCase(briefing.id)}`));

      const meeting = succeeded(
        await t.http.post('/api/meetings').send({ title: 'Top team offsite', scheduledFor: `${daysAgo(1)}T10:00:00.000Z`, attendeeIds: [boss.id, person.id] }),
      ).body;
      const MEETING = meeting.id.toUpperCase();
      succeeded(await t.http.patch(`/api/meetings/${MEETING}`).send({ purpose: 'Ask for sponsors', version: meeting.version }));
      succeeded(await t.http.post(`/api/meetings/${MEETING}/spoke-for`).send({ stakeholderIds: [person.id] }));
      succeeded(await t.http.delete(`/api/meetings/${mixedCase(meeting.id)}`));

      const user = succeeded(await admin.http.post('/api/users').send({ email: 'Case.Study@Example.test', password: PASSWORD, role: 'viewer' })).body;
      succeeded(await admin.http.patch(`/api/users/${user.id.toUpperCase()}`).send({ role: 'practitioner', version: user.version }));
      const token = succeeded(await t.http.post('/api/auth/tokens').send({ name: 'script' })).body;
      succeeded(await t.http.delete(`/api/auth/tokens/${token.id.toUpperCase()}`));
      const settings = succeeded(await admin.http.get('/api/settings')).body;
      succeeded(await admin.http.put('/api/settings').send({ redactSoundingsAfterMonths: 24, version: settings.version }));

      succeeded(await admin.http.post(`/api/stakeholders/${PERSON}/erase`));
      succeeded(await t.http.delete(`/api/stakeholders/${BOSS}`));

      const { rows } = await t.db.query(`SELECT count(*)::int AS n FROM audit_log WHERE stakeholder_id = $1`, [person.id]);
      expect(rows[0].n).toBeGreaterThan(5);
      expect(await verify()).toMatchObject({ ok: true, brokenAt: null });
    });
  });

  describe('what a reader sees', () => {
    it('names the actor, the person and every id an entry holds, in one statement for the page', async () => {
      await t.db.query(`UPDATE users SET display_name = 'Hana Reader' WHERE id = $1`, [t.user.id]);
      const manager = await createStakeholder(t.http, { name: 'Maria Manager' });
      const person = await createStakeholder(t.http, { name: 'Priya Named', reportsToId: manager.id });
      await logSounding(t.http, person.id, { heldOn: daysAgo(1) });
      let page: { items: AuditEntry[] } = { items: [] };
      const before = t.queries.statements.length;
      page = (await admin.http.get('/api/audit').query({ stakeholderId: person.id }).expect(200)).body;
      // The page and all its names come from one statement, however many ids the entries hold (the sealer,
      // which chains what was committed before the page is read, is not part of the page).
      expect(t.queries.statements.slice(before).filter((sql) => sql.includes('FROM audit_log') && !sql.includes('audit_head_for_append()'))).toHaveLength(1);
      const [sounding, created] = page.items;
      expect(sounding).toMatchObject({ action: 'sounding.create', actor: { id: t.user.id, name: 'Hana Reader' }, stakeholderName: 'Priya Named' });
      expect(created).toMatchObject({ action: 'stakeholder.create', after: { reportsToId: manager.id } });
      expect(created.names).toEqual({ [manager.id]: 'Maria Manager', [person.id]: 'Priya Named' });

      // The person's own history reads the same way.
      const history = (await admin.http.get(`/api/stakeholders/${person.id}/history`).expect(200)).body;
      expect(history.items[1].names[manager.id]).toBe('Maria Manager');
    });

    it("names the pilot a proof point belongs to and the priorities a briefing serves, not 'a record since removed'", async () => {
      const sponsor = await createStakeholder(t.http, { name: 'Sana Sponsor', role: 'top_team' });
      const pilot = (await t.http.post('/api/pilots').send({ name: 'Night-shift cohort', sponsorId: sponsor.id }).expect(201)).body;
      await t.http.post(`/api/pilots/${pilot.id}/proof-points`).send({ observedOn: daysAgo(1), result: 'Fewer leavers', value: 3, unit: 'points' }).expect(201);
      const priority = (await t.http.post('/api/priorities').send({ businessFunction: 'Operations', title: 'Zero harm', ownerId: null }).expect(201)).body;
      const champion = await createStakeholder(t.http, { name: 'Cara Champion', role: 'line_manager' });
      const planned = (await t.http.post('/api/briefings').send({ brieferId: champion.id, audienceId: sponsor.id, brief: 'Safety', plannedFor: `${daysAhead(3)}T10:00:00.000Z`, priorityIds: [priority.id] }).expect(201)).body;

      const page: { items: AuditEntry[] } = (await admin.http.get('/api/audit').query({ stakeholderId: sponsor.id }).expect(200)).body;
      const proof = page.items.find((entry) => entry.action === 'pilot_proof_point.create')!;
      expect(proof.after).toMatchObject({ pilotId: pilot.id });
      expect(proof.names[pilot.id]).toBe('Night-shift cohort');
      const everything: { items: AuditEntry[] } = (await admin.http.get('/api/audit').expect(200)).body;
      const briefing = everything.items.find((entry) => entry.action === 'briefing.create' && entry.entityId === planned.id)!;
      expect(briefing.after).toMatchObject({ priorityIds: [priority.id] });
      expect(briefing.names[priority.id]).toBe('Zero harm');
    });
  });

  describe('concurrent writers', () => {
    it('never fork the chain: 20 soundings logged at once leave gapless ids that verify', async () => {
      const person = await createStakeholder(t.http);
      const before = await verify();
      await Promise.all(Array.from({ length: 20 }, (_, i) => logSounding(t.http, person.id, { heldOn: daysAgo(i + 1) })));
      const after = await verify();
      expect(after).toMatchObject({ ok: true, brokenAt: null });
      expect(after.checked).toBe(before.checked + 20);
      expect(after.head.entries).toBe(after.checked);
      expect(after.head.id).toBe(String(Number(before.head.id) + 20));
    });

    it('do not wait for each other: an entry is sealed after its commit, a late commit is sealed later and never skipped', async () => {
      const before = await verify();
      const first = new Pool({ connectionString: t.databaseUrl, max: 1 });
      const second = new Pool({ connectionString: t.databaseUrl, max: 1 });
      const repository = t.app.get(AuditRepository);
      const append = (db: Pool, action: string) => db.query(APPEND_UNSEALED, auditParams({ actorId: null, actorEmail: null, action }));
      try {
        await first.query('BEGIN');
        await append(first, 'test.first_begun');
        // Appended before, committed after: the second writer is not held up by the first's open transaction.
        await second.query('BEGIN');
        await append(second, 'test.second');
        await second.query('COMMIT');
        expect(await repository.seal(true)).toBe(1);
        expect(await repository.verify()).toMatchObject({ ok: true, pending: 0, checked: before.checked + 1 });
        await first.query('COMMIT');
        expect(await repository.verify()).toMatchObject({ ok: true, pending: 1, checked: before.checked + 1 });
        const after = await verify();
        expect(after).toMatchObject({ ok: true, pending: 0, checked: before.checked + 2 });
        const { rows } = await t.db.query(`SELECT action FROM audit_log WHERE id > $1::bigint ORDER BY id`, [before.head.id]);
        expect(rows.map((row) => row.action)).toEqual(['test.second', 'test.first_begun']);
      } finally {
        await first.end();
        await second.end();
      }
    });

    it('are sealed by the timer shortly after they commit, by one sealer at a time', async () => {
      const timed = await withEnvironment({ AUDIT_SEAL_INTERVAL_MS: '20' }, () => startTestApp());
      try {
        await createStakeholder(timed.http);
        const repository = timed.app.get(AuditRepository);
        let verification = await repository.verify();
        for (let round = 0; round < 200 && verification.pending > 0; round++) {
          await new Promise((resolve) => setTimeout(resolve, 20));
          verification = await repository.verify();
        }
        expect(verification).toMatchObject({ ok: true, pending: 0 });
        // While another holds the sealer's lock, the timer's round skips rather than queueing behind it.
        const holder = new Pool({ connectionString: timed.databaseUrl, max: 1 });
        try {
          const client = await holder.connect();
          await client.query('BEGIN');
          await client.query(`SELECT pg_advisory_xact_lock($1)`, [0x61756469]);
          await expect(repository.seal(false)).resolves.toBe(0);
          await client.query('COMMIT');
          client.release();
        } finally {
          await holder.end();
        }
      } finally {
        await timed.close();
      }
    });
  });
});

describe('audit trail tampered with by someone with database access (the owner role, without the key)', () => {
  let t: TestApp;
  let admin: TestUser & { http: TestAgent };
  beforeEach(async () => {
    t = await startTestApp();
    admin = await t.as('admin');
    const person = await createStakeholder(t.http);
    for (let i = 1; i <= 3; i += 1) await logSounding(t.http, person.id, { heldOn: daysAgo(i) });
    expect((await admin.http.get('/api/audit/verify').expect(200)).body).toMatchObject({ ok: true });
  });
  afterEach(() => t.close());

  const verify = async (): Promise<AuditVerification> => (await admin.http.get('/api/audit/verify').expect(200)).body;
  const ids = async (): Promise<string[]> => (await t.db.query(`SELECT id::text AS id FROM audit_log ORDER BY id`)).rows.map((row) => row.id);

  /** As the owner can: switch the guard off, run `sql`, switch it back on. */
  async function asOwnerWithoutGuards(sql: string, params: unknown[] = []): Promise<void> {
    await t.db.query(`ALTER TABLE audit_log DISABLE TRIGGER USER`);
    await t.db.query(`ALTER TABLE audit_head DISABLE TRIGGER USER`);
    try {
      await t.db.query(sql, params);
    } finally {
      await t.db.query(`ALTER TABLE audit_log ENABLE TRIGGER USER`);
      await t.db.query(`ALTER TABLE audit_head ENABLE TRIGGER USER`);
    }
  }

  it('finds an edited entry even when its hash and the head were recomputed without the key', async () => {
    const all = await ids();
    const target = all[all.length - 1];
    const { rows } = await t.db.query(`SELECT *, id::text AS id FROM audit_log WHERE id = $1`, [target]);
    const forged = { ...rows[0], after: { commitment: 'public_champion' } };
    // What the unkeyed chain would accept: SHA-256 of the same content.
    const hash = legacyAuditHash(forged.prev_hash, forged);
    await asOwnerWithoutGuards(`UPDATE audit_log SET after = $2, hash = $3 WHERE id = $1`, [target, JSON.stringify(forged.after), hash]);
    await asOwnerWithoutGuards(`UPDATE audit_head SET last_hash = $1`, [hash]);
    expect(await verify()).toMatchObject({ ok: false, brokenAt: target });
  });

  it('finds a deleted entry in the middle of the chain, naming its id', async () => {
    const all = await ids();
    const removed = all[2];
    await asOwnerWithoutGuards(`DELETE FROM audit_log WHERE id = $1`, [removed]);
    expect(await verify()).toMatchObject({ ok: false, brokenAt: removed, checked: 2 });
  });

  it('finds a deleted tail, naming the first entry missing', async () => {
    const all = await ids();
    const firstRemoved = all[all.length - 2];
    await asOwnerWithoutGuards(`DELETE FROM audit_log WHERE id >= $1`, [firstRemoved]);
    const result = await verify();
    expect(result).toMatchObject({ ok: false, brokenAt: firstRemoved, checked: all.length - 2 });
    expect(result.head).toMatchObject({ id: all[all.length - 1], entries: all.length });
  });

  it('finds a truncated trail', async () => {
    const all = await ids();
    await asOwnerWithoutGuards(`TRUNCATE audit_log`);
    expect(await verify()).toMatchObject({ ok: false, brokenAt: all[0], checked: 0 });
  });
});

describe("the app's database role", () => {
  let t: TestApp;
  let app: Pool;
  beforeAll(async () => {
    t = await startTestApp();
    await createStakeholder(t.http);
    app = new Pool({ connectionString: t.databaseUrl, max: 1 });
  });
  afterAll(async () => {
    await app.end();
    await t.close();
  });

  it('is the role the app logs in as, and not the owner of the trail', async () => {
    const { rows } = await app.query(
      `SELECT current_user AS role, (SELECT tableowner FROM pg_tables WHERE tablename = 'audit_log') AS owner,
              (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) AS superuser`,
    );
    expect(rows[0]).toEqual({ role: TEST_APP_ROLE, owner: expect.not.stringMatching(TEST_APP_ROLE), superuser: false });
  });

  it.each([
    ['update entries', `UPDATE audit_log SET action = 'x'`],
    ['delete entries', `DELETE FROM audit_log`],
    ['truncate the trail', `TRUNCATE audit_log`],
    ['switch off its trigger', `ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only`],
    ['switch off every trigger for the session', `SET session_replication_role = replica`],
    ['drop the trail', `DROP TABLE audit_log`],
    ['take the trail over', `ALTER TABLE audit_log OWNER TO CURRENT_USER`],
    ['move the head back', `UPDATE audit_head SET last_id = last_id - 1, entries = entries - 1`],
    ['delete the head', `DELETE FROM audit_head`],
    ['add a second head', `INSERT INTO audit_head (singleton, last_id, entries, keyed_from_id) VALUES (false, 0, 0, 1)`],
    ['switch off the head trigger', `ALTER TABLE audit_head DISABLE TRIGGER audit_head_only_advances`],
    ['record a migration as applied', `INSERT INTO schema_migrations ("timestamp", name) VALUES (1, 'Forged1')`],
  ])('may not %s', async (_what, sql) => {
    // Refused for want of rights, not by the triggers (which would stop the owner too, until switched off).
    await expect(app.query(sql)).rejects.toThrow(/^(permission denied|must be owner)/);
  });

  it('may append only entries that extend the head', async () => {
    const { rows } = await app.query(`SELECT last_id, last_hash FROM audit_head`);
    // A fork: chained to the entry before the head.
    const fork = app.query(
      `INSERT INTO audit_log (id, action, prev_hash, hash) VALUES ($1, 'forged', 'not the head', $2)`,
      [Number(rows[0].last_id) + 1, createHash('sha256').update('x').digest('hex')],
    );
    await expect(fork).rejects.toThrow(/does not extend the chain head/);
    // Re-using an id the chain already holds.
    await expect(app.query(`INSERT INTO audit_log (id, action, prev_hash, hash) VALUES ($1, 'forged', $2, 'x')`, [rows[0].last_id, rows[0].last_hash])).rejects.toThrow(
      /does not extend the chain head/,
    );
  });

  it('may seal an entry only at the head\'s next position, and change nothing else about it', async () => {
    await app.query(APPEND_UNSEALED, auditParams({ actorId: null, actorEmail: null, action: 'test.unsealed' }));
    const [{ id: pending }] = (await app.query(`SELECT id::text AS id FROM audit_log WHERE hash IS NULL ORDER BY id LIMIT 1`)).rows;
    const { rows } = await app.query(`SELECT last_id, last_hash FROM audit_head`);
    // Its content is not among the columns the role may update.
    await expect(app.query(`UPDATE audit_log SET action = 'x' WHERE id = $1`, [pending])).rejects.toThrow(/^permission denied/);
    // Not at another position than the next, nor chained to anything but the head.
    await expect(app.query(`UPDATE audit_log SET id = $2, prev_hash = $3, hash = 'x' WHERE id = $1`, [pending, Number(rows[0].last_id) + 2, rows[0].last_hash])).rejects.toThrow(
      /does not extend the chain head/,
    );
    await expect(app.query(`UPDATE audit_log SET id = $2, prev_hash = 'not the head', hash = 'x' WHERE id = $1`, [pending, Number(rows[0].last_id) + 1])).rejects.toThrow(
      /does not extend the chain head/,
    );
    // A sealed entry is never sealed again.
    await expect(app.query(`UPDATE audit_log SET hash = 'x' WHERE id = $1`, [rows[0].last_id])).rejects.toThrow(/append-only/);
    // An unsealed entry cannot take a chain position as it is appended.
    await expect(app.query(`INSERT INTO audit_log (id, action) VALUES ($1, 'forged')`, [Number(rows[0].last_id) + 1])).rejects.toThrow(/unsealed audit_log entry/);
  });

  it('keeps the head moving forward only, even for the owner unless the guard is switched off', async () => {
    await expect(t.db.query(`UPDATE audit_head SET last_id = last_id - 1, entries = entries - 1`)).rejects.toThrow(/only advances/);
    await expect(t.db.query(`DELETE FROM audit_head`)).rejects.toThrow(/only advances/);
    await expect(t.db.query(`TRUNCATE audit_head`)).rejects.toThrow(/only advances/);
  });
});

describe('the audit key', () => {
  it('refuses to start an instance whose key differs from the one the trail was written with', async () => {
    const t = await startTestApp();
    try {
      const other = await createApp({ databaseUrl: t.databaseUrl, logLevels: false, auditKey: randomBytes(32) });
      await expect(other.init()).rejects.toThrow(/chained with another key/);
      await other.close();
    } finally {
      await t.close();
    }
  });
});

describe('entries written before the chain was keyed', () => {
  it('still verify with SHA-256, the keyed chain continues from them, and an edit among them is found', async () => {
    const database = await createTestDatabase(process.env.SOUNDINGS_TEST_SERVER_URL!);
    const owner = await new DataSource(dataSourceOptions(database.url)).initialize();
    const db = new Pool({ connectionString: database.url, max: 1 });
    let app: Awaited<ReturnType<typeof createApp>> | undefined;
    try {
      // The trail as the earlier code wrote it: sequence ids, unkeyed SHA-256.
      const runner = owner.createQueryRunner();
      await runner.startTransaction();
      await new AuditSealedAfterCommit1764720000000().down(runner);
      await new KeyedAuditChain1764310000000().down(runner);
      let prevHash: string | null = null;
      const legacyIds: string[] = [];
      for (const action of ['stakeholder.create', 'stakeholder.update', 'auth.login']) {
        const [{ id, at }] = await runner.query(`SELECT nextval('audit_log_id_seq')::text AS id, date_trunc('milliseconds', clock_timestamp()) AS at`);
        const row = { id, at, actor_id: null, actor_email: null, action, entity_type: null, entity_id: null, stakeholder_id: null, before: null, after: { n: 1 }, request_id: null, client_address: null };
        const hash = legacyAuditHash(prevHash, row);
        await runner.query(`INSERT INTO audit_log (id, at, action, after, prev_hash, hash) VALUES ($1, $2, $3, $4, $5, $6)`, [id, at, action, '{"n":1}', prevHash, hash]);
        prevHash = hash;
        legacyIds.push(id);
      }
      await new KeyedAuditChain1764310000000().up(runner);
      await new AuditSealedAfterCommit1764720000000().up(runner);
      await runner.commitTransaction();
      await runner.release();
      // As every start does after migrating: the new head table gets its grants.
      await grantAppRole(database.url, TEST_APP_ROLE);

      app = await createApp({ databaseUrl: database.appUrl, logLevels: false });
      await app.init();
      await app.getHttpAdapter().getInstance().ready();
      const adminUser = await createAccount(db, 'admin');
      const http = request(app.getHttpServer());
      const auth = { Authorization: `Bearer ${adminUser.token}` };
      await http.post('/api/stakeholders').set(auth).send({ name: 'After the change', role: 'top_team' }).expect(201);

      const intact = (await http.get('/api/audit/verify').set(auth).expect(200)).body as AuditVerification;
      // 3 legacy entries, the keyed anchor, the new stakeholder
      expect(legacyIds).toEqual(['1', '2', '3']);
      expect(intact).toMatchObject({ ok: true, checked: 5, brokenAt: null, head: { id: '5', entries: 5 } });
      const { rows } = await db.query(`SELECT action, prev_hash FROM audit_log WHERE id = 4`);
      expect(rows[0]).toEqual({ action: 'audit.chain_keyed', prev_hash: prevHash });

      await db.query(`ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only`);
      await db.query(`UPDATE audit_log SET after = '{"n":2}' WHERE id = $1`, [legacyIds[1]]);
      await db.query(`ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only`);
      expect((await http.get('/api/audit/verify').set(auth).expect(200)).body).toMatchObject({ ok: false, brokenAt: legacyIds[1] });
    } finally {
      await app?.close();
      await owner.destroy();
      await db.end();
      await database.drop();
    }
  });
});
