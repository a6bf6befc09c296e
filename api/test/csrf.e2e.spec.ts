import { ERROR_CODES } from '@soundings/shared';
import request from 'supertest';
import type TestAgent from 'supertest/lib/agent';
import { callRoute, documentedRoutes } from './documented-routes';
import { createStakeholder } from './factories';
import { startTestApp, TestApp } from './test-app';

const PASSWORD = 'correct horse battery staple';
/** Routes anyone may call without a session: there is no session token to echo. */
const PUBLIC = new Set(['POST /api/setup/first-admin', 'POST /api/auth/login', 'POST /api/auth/password-reset']);
/** Reads with side effects (an audit entry, a quota), so a cross-site link must not trigger them. */
const READS_WITH_SIDE_EFFECTS = ['GET /api/stakeholders/{id}/export', 'GET /api/meetings/{id}/brief.pdf'];

/**
 * Every cookie-authenticated write the API documents, and the export, sent by a signed-in admin's
 * browser session without the X-CSRF-Token header, as a cross-site form or link would be: each is
 * refused with the CSRF code, and nothing is stored (beyond the audit trail's note of the refusal).
 */
describe('CSRF: every cookie-authenticated write and side-effecting read needs the session\'s token', () => {
  let t: TestApp;
  let cookie: string;
  let csrfToken: string;
  let personId: string;

  beforeAll(async () => {
    t = await startTestApp();
    const admin = await t.as('admin');
    await admin.http.post('/api/users').send({ email: 'browser-admin@example.test', password: PASSWORD, role: 'admin' }).expect(201);
    const login = await request(t.app.getHttpServer()).post('/api/auth/login').send({ email: 'browser-admin@example.test', password: PASSWORD }).expect(200);
    cookie = ([] as string[]).concat(login.headers['set-cookie'] ?? []).find((c) => c.startsWith('soundings_session='))!.split(';')[0];
    csrfToken = login.body.csrfToken;
    personId = (await createStakeholder(t.http, { name: 'Cross Site' })).id;
  });
  afterAll(() => t.close());

  /** Every table's content except the trail and its head, the request counters and the sessions' last-seen times. */
  async function fingerprint(): Promise<Record<string, string>> {
    const { rows: tables } = await t.db.query<{ name: string }>(
      `SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' AND tablename NOT IN ('audit_log', 'audit_head', 'rate_limit_windows', 'sessions', 'migrations') ORDER BY 1`,
    );
    const prints: Record<string, string> = {};
    for (const { name } of tables) {
      const { rows } = await t.db.query(`SELECT coalesce(md5(string_agg(x::text, '|' ORDER BY x::text)), '') AS print FROM ${name} x`);
      prints[name] = rows[0].print;
    }
    const { rows } = await t.db.query(`SELECT count(*)::int AS n FROM sessions`);
    prints.sessions = String(rows[0].n);
    return prints;
  }

  it('refuses each one without the header with 403 and the CSRF code, storing nothing', async () => {
    const routes = (await documentedRoutes(t.http)).filter((route) => (!route.startsWith('GET ') && !PUBLIC.has(route)) || READS_WITH_SIDE_EFFECTS.includes(route));
    expect(routes.length).toBeGreaterThanOrEqual(20);
    expect(routes).toEqual(expect.arrayContaining(['POST /api/stakeholders', 'GET /api/stakeholders/{id}/export', 'POST /api/auth/logout']));

    const browser = request.agent(t.app.getHttpServer()).set('Cookie', cookie) as unknown as TestAgent;
    const before = await fingerprint();
    const [{ last }] = (await t.db.query(`SELECT coalesce(max(id), 0)::text AS last FROM audit_log`)).rows;
    const answered: string[] = [];
    for (const route of routes) {
      const response = await callRoute(browser, route, personId);
      if (response.status !== 403 || response.body.code !== ERROR_CODES.csrfFailed) answered.push(`${route}: ${response.status} ${JSON.stringify(response.body).slice(0, 100)}`);
    }
    expect(answered).toEqual([]);
    expect(await fingerprint()).toEqual(before);
    const { rows: trail } = await t.db.query(`SELECT action, after FROM audit_log WHERE id > $1::bigint`, [last]);
    expect(trail).toHaveLength(routes.length);
    expect(trail.every((row) => row.action === 'access.denied' && row.after.reason === 'csrf')).toBe(true);
    const { rows: quota } = await t.db.query(`SELECT bucket FROM rate_limit_windows WHERE bucket LIKE 'export:%'`);
    expect(quota).toEqual([]);
  });

  it('lets the export through with the header, and for an API token without one', async () => {
    const browser = request.agent(t.app.getHttpServer()).set('Cookie', cookie);
    await browser.get(`/api/stakeholders/${personId}/export`).set('X-CSRF-Token', csrfToken).expect(200);
    await browser.get(`/api/stakeholders/${personId}/export`).set('X-CSRF-Token', 'not the token').expect(403);
    await t.http.get(`/api/stakeholders/${personId}/export`).expect(200);
    // Other reads stay plain links.
    await browser.get(`/api/stakeholders/${personId}`).expect(200);
  });
});
