import { ERROR_CODES } from '@soundings/shared';
import request from 'supertest';
import type { Response } from 'supertest';
import { startTestApp, TestApp } from './test-app';

const PASSWORD = 'correct horse battery staple';
const ROUNDS = 20;

describe('the last active admin', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const activeAdmins = async (): Promise<number> =>
    (await t.db.query(`SELECT count(*)::int AS n FROM users WHERE role = 'admin' AND active`)).rows[0].n;

  /**
   * Rounds of two admins (the only ones) changing each other at the same moment. One must win; the
   * other is refused with 409 last_admin — or, when the winner's change landed before the loser's
   * request was even let in, with 401/403 because the loser is no longer an active admin.
   */
  async function raceEachOther(change: Record<string, unknown>): Promise<{ lastAdminRefusals: number }> {
    let lastAdminRefusals = 0;
    for (let round = 0; round < ROUNDS; round++) {
      await t.db.query(`UPDATE users SET active = false WHERE role = 'admin'`);
      const [a, b] = [await t.as('admin'), await t.as('admin')];
      const responses: Response[] = await Promise.all([
        a.http.patch(`/api/users/${b.id}`).send({ ...change, version: 1 }),
        b.http.patch(`/api/users/${a.id}`).send({ ...change, version: 1 }),
      ]);
      expect(await activeAdmins()).toBe(1);
      const statuses = responses.map((response) => response.status);
      expect(statuses.filter((status) => status === 200)).toHaveLength(1);
      const loser = responses.find((response) => response.status !== 200)!;
      if (loser.status === 409) {
        expect(loser.body).toMatchObject({ code: ERROR_CODES.lastAdmin, fields: [expect.objectContaining({ field: Object.keys(change)[0] })] });
        lastAdminRefusals += 1;
      } else {
        expect([401, 403]).toContain(loser.status);
      }
    }
    return { lastAdminRefusals };
  }

  it(`keeps one active admin through ${ROUNDS} rounds of two admins demoting each other at once`, async () => {
    const { lastAdminRefusals } = await raceEachOther({ role: 'practitioner' });
    expect(lastAdminRefusals).toBeGreaterThan(0);
  });

  it(`keeps one active admin through ${ROUNDS} rounds of two admins deactivating each other at once`, async () => {
    const { lastAdminRefusals } = await raceEachOther({ active: false });
    expect(lastAdminRefusals).toBeGreaterThan(0);
  });

  it('refuses to demote or deactivate the only active admin with 409 last_admin', async () => {
    await t.db.query(`UPDATE users SET active = false WHERE role = 'admin'`);
    const only = await t.as('admin');
    for (const change of [{ role: 'viewer' }, { active: false }]) {
      const refused = await only.http.patch(`/api/users/${only.id}`).send({ ...change, version: 1 }).expect(409);
      expect(refused.body.code).toBe(ERROR_CODES.lastAdmin);
    }
    expect(await activeAdmins()).toBe(1);
  });
});

describe('first-admin setup', () => {
  let t: TestApp;
  let anonymous: ReturnType<typeof request>;

  /** An installation as it is before anyone has ever had an account. */
  async function freshInstallation(): Promise<void> {
    await t.db.query('DELETE FROM users');
    await t.db.query('UPDATE settings SET first_account_at = NULL');
  }

  beforeAll(async () => {
    t = await startTestApp();
    anonymous = request(t.app.getHttpServer());
  });
  afterAll(() => t.close());

  it('stays closed once an account has existed, even when every admin has been deactivated', async () => {
    await freshInstallation();
    const first = await anonymous.post('/api/setup/first-admin').send({ email: 'first@example.test', password: PASSWORD }).expect(201);
    await t.db.query(`UPDATE users SET active = false WHERE id = $1`, [first.body.user.id]);
    expect((await anonymous.get('/api/setup').expect(200)).body).toEqual({ needsFirstAdmin: false });
    const refused = await anonymous.post('/api/setup/first-admin').send({ email: 'intruder@example.test', password: PASSWORD }).expect(409);
    expect(refused.body.code).toBe(ERROR_CODES.conflict);
    expect((await t.db.query(`SELECT count(*)::int AS n FROM users WHERE lower(email) = 'intruder@example.test'`)).rows[0].n).toBe(0);
  });

  it('stays closed even when every account has since been removed', async () => {
    await freshInstallation();
    const first = await anonymous.post('/api/setup/first-admin').send({ email: 'boss@example.test', password: PASSWORD }).expect(201);
    await t.db.query('DELETE FROM users WHERE id = $1', [first.body.user.id]);
    expect((await t.db.query('SELECT count(*)::int AS n FROM users')).rows[0].n).toBe(0);
    expect((await anonymous.get('/api/setup').expect(200)).body).toEqual({ needsFirstAdmin: false });
    await anonymous.post('/api/setup/first-admin').send({ email: 'intruder@example.test', password: PASSWORD }).expect(409);
  });

  it('stays open after the demo data is loaded into a new installation (its author cannot sign in)', async () => {
    await freshInstallation();
    await t.db.query(`INSERT INTO users (email, display_name, role, active) VALUES ('nadia.karim@northwind.example', 'Nadia Karim', 'practitioner', false)`);
    expect((await anonymous.get('/api/setup').expect(200)).body).toEqual({ needsFirstAdmin: true });
    await anonymous.post('/api/setup/first-admin').send({ email: 'after-demo@example.test', password: PASSWORD }).expect(201);
    expect((await anonymous.get('/api/setup').expect(200)).body).toEqual({ needsFirstAdmin: false });
  });

  it('creates exactly one admin when several first-admin requests arrive at once', async () => {
    await freshInstallation();
    const responses = await Promise.all(
      Array.from({ length: 6 }, (_, i) => anonymous.post('/api/setup/first-admin').send({ email: `racer-${i}@example.test`, password: PASSWORD })),
    );
    expect(responses.map((response) => response.status).sort()).toEqual([201, 409, 409, 409, 409, 409]);
    expect((await t.db.query('SELECT count(*)::int AS n FROM users')).rows[0].n).toBe(1);
  });
});
