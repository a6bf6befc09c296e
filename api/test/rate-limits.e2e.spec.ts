import request from 'supertest';
import type TestAgent from 'supertest/lib/agent';
import { createApp } from '../src/app.factory';
import { createStakeholder } from './factories';
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

  it('costs one SQL statement per request', async () => {
    await freshWindow();
    const user = await t.as('viewer');
    const before = t.queries.statements.length;
    await user.http.get('/api/stakeholders').expect(200);
    const sent = t.queries.statements.slice(before);
    expect(sent.filter((sql) => sql.includes('rate_limit_windows'))).toHaveLength(1);
    expect(sent.filter((sql) => sql.includes('rate_limit_hits'))).toHaveLength(0);
  });

  it('holds across API instances sharing the database', async () => {
    await freshWindow();
    const user = await t.as('practitioner');
    const secondInstance = await withLimits(async () => {
      const app = await createApp({ databaseUrl: t.databaseUrl, logLevels: false });
      await app.init();
      await app.getHttpAdapter().getInstance().ready();
      return app;
    });
    try {
      const there = request.agent(secondInstance.getHttpServer()).set('Authorization', `Bearer ${user.token}`);
      for (let i = 0; i < 3; i++) await user.http.get('/api/stakeholders').expect(200);
      for (let i = 0; i < 3; i++) await there.get('/api/stakeholders').expect(200);
      await there.get('/api/stakeholders').expect(429);
      await user.http.get('/api/stakeholders').expect(429);
    } finally {
      await secondInstance.close();
    }
  });
});
