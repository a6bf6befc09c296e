import request from 'supertest';
import type TestAgent from 'supertest/lib/agent';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createApp } from '../src/app.factory';
import { RECONCILE_MARKER, SharedRequestCounts } from '../src/rate-limits/shared-request-counts';
import { createStakeholder } from './factories';
import { eventually } from './support/eventually';
import { startTestApp, TestApp, withEnvironment } from './test-app';

const LIMITS = { RATE_LIMIT_PER_MINUTE: '6', RATE_LIMIT_LOGINS_PER_MINUTE: '3', RATE_LIMIT_EXPORTS_PER_HOUR: '2', TRUST_PROXY: '1' };

/** Windows follow the clock (whole minutes and hours): start a scenario well inside one. */
async function freshWindow(): Promise<void> {
  const now = new Date();
  const secondsIntoMinute = now.getSeconds() + now.getMilliseconds() / 1000;
  const secondsIntoHour = now.getMinutes() * 60 + secondsIntoMinute;
  if (secondsIntoMinute > 45 || secondsIntoHour > 3585) await new Promise((resolve) => setTimeout(resolve, (61 - secondsIntoMinute) * 1000));
}

let addresses = 0;
/** Each scenario comes from its own client address (the app trusts X-Forwarded-For here). */
function fromNewAddress(agent: TestAgent): TestAgent {
  addresses += 1;
  return agent.set('X-Forwarded-For', `203.0.113.${addresses}`) as unknown as TestAgent;
}

/** The limits are read when an app starts; the environment is put back for the next test file. */
function withLimits<T>(start: () => Promise<T>): Promise<T> {
  return withEnvironment(LIMITS, start);
}

describe('rate limits', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await withLimits(() => startTestApp());
  });
  afterAll(() => t?.close());

  it('refuses a signed-in user\'s requests past the limit with 429 and Retry-After, without touching other users', async () => {
    await freshWindow();
    const user = await t.as('practitioner');
    const other = await t.as('practitioner');
    for (let i = 0; i < 6; i++) await user.http.get('/api/stakeholders').expect(200);
    const refused = await user.http.get('/api/stakeholders').expect(429);
    expect(refused.body).toMatchObject({ statusCode: 429, code: 'too_many_requests', message: expect.stringMatching(/^Too many requests/) });
    const retryAfter = Number(refused.headers['retry-after']);
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(refused.body.retryAfterSeconds).toBe(retryAfter);
    await user.http.post('/api/stakeholders').send({ name: 'Not now' }).expect(429);
    await other.http.get('/api/stakeholders').expect(200);
  });

  it('counts per user, not per credential: a second token shares the first one\'s allowance', async () => {
    await freshWindow();
    const user = await t.as('practitioner');
    const { token } = (await user.http.post('/api/auth/tokens').send({ name: 'second' }).expect(201)).body;
    const second = request.agent(t.app.getHttpServer()).set('Authorization', `Bearer ${token}`);
    for (let i = 0; i < 5; i++) await second.get('/api/dashboard').expect(200);
    await user.http.get('/api/dashboard').expect(429);
    await second.get('/api/dashboard').expect(429);
  });

  it('counts anonymous callers per address, before authentication (429, no longer 401)', async () => {
    await freshWindow();
    const anonymous = fromNewAddress(request.agent(t.app.getHttpServer()) as unknown as TestAgent);
    for (let i = 0; i < 6; i++) await anonymous.get('/api/stakeholders').expect(401);
    await anonymous.get('/api/stakeholders').expect(429);
    // A made-up token or cookie is still that address.
    await anonymous.get('/api/stakeholders').set('Authorization', 'Bearer snd_made_up').expect(429);
    await anonymous.get('/api/stakeholders').set('Cookie', 'soundings_session=made-up').expect(429);
    // Health checks are not counted: a load balancer probes them all day.
    for (let i = 0; i < 10; i++) await anonymous.get('/api/health').expect(200);
    await fromNewAddress(request.agent(t.app.getHttpServer()) as unknown as TestAgent).get('/api/stakeholders').expect(401);
  });

  it('is stricter on sign-in attempts from one address', async () => {
    await freshWindow();
    const anonymous = fromNewAddress(request.agent(t.app.getHttpServer()) as unknown as TestAgent);
    for (let i = 0; i < 3; i++) {
      await anonymous.post('/api/auth/login').send({ email: `guess${i}@example.test`, password: 'a wrong password for sure' }).expect(401);
    }
    const refused = await anonymous.post('/api/auth/login').send({ email: 'guess9@example.test', password: 'a wrong password for sure' }).expect(429);
    expect(refused.body.message).toMatch(/^Too many sign-in attempts/);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    // Other requests from that address are still within the general limit.
    await anonymous.get('/api/setup').expect(200);
  });

  it('counts password changes and reset-link uses as sign-in attempts from that address', async () => {
    await freshWindow();
    const user = await t.as('practitioner');
    const signedIn = fromNewAddress(request.agent(t.app.getHttpServer()).set('Authorization', `Bearer ${user.token}`) as unknown as TestAgent);
    const change = { currentPassword: 'not the password at all', newPassword: 'a brand new long password' };
    for (let i = 0; i < 3; i++) await signedIn.post('/api/auth/password').send(change).expect(400);
    expect((await signedIn.post('/api/auth/password').send(change).expect(429)).body.message).toMatch(/^Too many sign-in attempts/);

    const anonymous = fromNewAddress(request.agent(t.app.getHttpServer()) as unknown as TestAgent);
    const reset = { token: 'not-a-real-reset-token', newPassword: 'a brand new long password' };
    for (let i = 0; i < 3; i++) await anonymous.post('/api/auth/password-reset').send(reset).expect(400);
    expect((await anonymous.post('/api/auth/password-reset').send(reset).expect(429)).body.message).toMatch(/^Too many sign-in attempts/);
  });

  it('is stricter on exports: a few an hour per user', async () => {
    await freshWindow();
    const user = await t.as('practitioner');
    const person = await createStakeholder(t.http);
    await user.http.get(`/api/stakeholders/${person.id}/export`).expect(200);
    await user.http.get(`/api/stakeholders/${person.id}/export`).expect(200);
    const refused = await user.http.get(`/api/stakeholders/${person.id}/export`).expect(429);
    expect(refused.body.message).toMatch(/^Too many exports/);
    // The window is the clock hour: retry at the top of the next one.
    const now = new Date();
    const secondsToNextHour = 3600 - (now.getMinutes() * 60 + now.getSeconds());
    expect(Math.abs(Number(refused.headers['retry-after']) - secondsToNextHour)).toBeLessThanOrEqual(2);
    await user.http.get(`/api/stakeholders/${person.id}`).expect(200);
  });

  it('counts the general limit without a statement per request: one credential lookup, no write', async () => {
    await freshWindow();
    const user = await t.as('viewer');
    const before = t.queries.statements.length;
    await user.http.get('/api/stakeholders').expect(200);
    const sent = t.queries.statements.slice(before).filter((sql) => !sql.includes(RECONCILE_MARKER));
    expect(sent.filter((sql) => sql.includes('rate_limit_windows') || sql.includes('rate_limit_hits'))).toHaveLength(0);
    expect(sent.filter((sql) => sql.includes('FROM api_tokens') || sql.includes('FROM sessions'))).toHaveLength(1);
  });

  /** Another API instance on the same database, with the same limits. */
  function startInstance(variables: Record<string, string> = {}): Promise<NestFastifyApplication> {
    return withEnvironment({ ...LIMITS, ...variables }, async () => {
      const app = await createApp({ databaseUrl: t.databaseUrl, logLevels: false });
      await app.init();
      await app.getHttpAdapter().getInstance().ready();
      return app;
    });
  }

  async function sharedHits(userId: string): Promise<number> {
    const { rows } = await t.db.query(
      `SELECT coalesce(sum(hits), 0)::int AS hits FROM rate_limit_windows WHERE bucket = $1 AND expires_at > now()`,
      [`requests:user:${userId}`],
    );
    return rows[0].hits;
  }

  it('holds across two API instances sharing the database once they have reconciled', async () => {
    await freshWindow();
    const user = await t.as('practitioner');
    // Reconciled by hand here, so the counts are exact whatever the timer does.
    const [first, second] = [await startInstance({ RATE_LIMIT_SYNC_MS: '3600000' }), await startInstance({ RATE_LIMIT_SYNC_MS: '3600000' })];
    try {
      const here = request.agent(first.getHttpServer()).set('Authorization', `Bearer ${user.token}`);
      const there = request.agent(second.getHttpServer()).set('Authorization', `Bearer ${user.token}`);
      for (let i = 0; i < 3; i++) await here.get('/api/stakeholders').expect(200);
      await first.get(SharedRequestCounts).reconcile();
      expect(await sharedHits(user.id)).toBe(3);
      // The second instance has not yet learnt of the first's three: it lets three through, then learns.
      for (let i = 0; i < 3; i++) await there.get('/api/stakeholders').expect(200);
      await second.get(SharedRequestCounts).reconcile();
      expect(await sharedHits(user.id)).toBe(6);
      await there.get('/api/stakeholders').expect(429);
      await first.get(SharedRequestCounts).reconcile();
      await here.get('/api/stakeholders').expect(429);
    } finally {
      await first.close();
      await second.close();
    }
  });

  it('reconciles on its own every RATE_LIMIT_SYNC_MS, and sends what it counted when it shuts down', async () => {
    await freshWindow();
    const user = await t.as('practitioner');
    const [first, second] = [await startInstance({ RATE_LIMIT_SYNC_MS: '50' }), await startInstance({ RATE_LIMIT_SYNC_MS: '3600000' })];
    let secondClosed = false;
    try {
      const here = request.agent(first.getHttpServer()).set('Authorization', `Bearer ${user.token}`);
      const there = request.agent(second.getHttpServer()).set('Authorization', `Bearer ${user.token}`);
      for (let i = 0; i < 2; i++) await there.get('/api/stakeholders').expect(200);
      // The second never reconciles by its timer; closing it sends its two.
      await second.close();
      secondClosed = true;
      expect(await sharedHits(user.id)).toBe(2);
      for (let i = 0; i < 4; i++) await here.get('/api/stakeholders').expect(200);
      await eventually(async () => expect(await sharedHits(user.id)).toBe(6));
      await here.get('/api/stakeholders').expect(429);
    } finally {
      await first.close();
      if (!secondClosed) await second.close();
    }
  });
});
