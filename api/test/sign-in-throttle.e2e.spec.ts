import request from 'supertest';
import { startTestApp, TestApp, withEnvironment } from './test-app';

const PASSWORD = 'correct horse battery staple';

describe('failed sign-in throttle under parallel guessing', () => {
  let t: TestApp;
  let email: string;

  beforeAll(async () => {
    t = await startTestApp();
    const admin = await t.as('admin');
    email = 'guessed@example.test';
    await admin.http.post('/api/users').send({ email, password: PASSWORD, role: 'practitioner' }).expect(201);
  });
  afterAll(() => t.close());

  const login = (password: string) => request(t.app.getHttpServer()).post('/api/auth/login').send({ email, password });

  it('checks at most 5 of 16 parallel wrong guesses, refuses the rest with 429, and the right password too until the window passes', async () => {
    const answers = await Promise.all(Array.from({ length: 16 }, (_, i) => login(`wrong password number ${i} for sure`)));
    const statuses = answers.map((answer) => answer.status);
    expect(statuses.filter((status) => status === 401).length).toBeLessThanOrEqual(5);
    expect(statuses.filter((status) => status !== 401 && status !== 429)).toEqual([]);
    expect(statuses.filter((status) => status === 429).length).toBeGreaterThanOrEqual(11);
    for (const refused of answers.filter((answer) => answer.status === 429)) {
      expect(refused.body).toMatchObject({ code: 'too_many_requests', retryAfterSeconds: expect.any(Number) });
    }
    const { rows } = await t.db.query(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'auth.login_failed'`);
    expect(rows[0].n).toBe(statuses.filter((status) => status === 401).length);

    // The guesses used up the account's allowance: the owner waits the window out like anyone.
    await login(PASSWORD).expect(429);
    await t.db.query(`UPDATE rate_limit_hits SET hit_at = hit_at - interval '16 minutes' WHERE bucket = $1`, [`login:account:${email}`]);
    await login(PASSWORD).expect(200);
  });

  it('does not hold a successful sign-in against its address', async () => {
    const address = `login:address:${(await t.db.query(`SELECT client_address FROM audit_log WHERE action = 'auth.login' ORDER BY id DESC LIMIT 1`)).rows[0].client_address}`;
    const count = async () => (await t.db.query(`SELECT count(*)::int AS n FROM rate_limit_hits WHERE bucket = $1`, [address])).rows[0].n;
    const before = await count();
    for (let i = 0; i < 3; i++) await login(PASSWORD).expect(200);
    expect(await count()).toBe(before);
  });
});

describe.each(['1', 'true'])('behind one trusted proxy (TRUST_PROXY=%s)', (trustProxy) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await withEnvironment({ TRUST_PROXY: trustProxy, LOGIN_FAILURES_PER_ADDRESS: '3' }, () => startTestApp());
  });
  afterAll(() => t?.close());

  it('takes the address the proxy saw, so a client rotating X-Forwarded-For gets no fresh sign-in throttle', async () => {
    // The client writes whatever it likes; the proxy appends the address it was reached from.
    const fromClient = (i: number) =>
      request(t.app.getHttpServer())
        .post('/api/auth/login')
        .set('X-Forwarded-For', `198.51.100.${i}, 203.0.113.77`)
        .send({ email: `nobody-${i}@example.test`, password: 'a wrong password for sure' });
    for (let i = 1; i <= 3; i++) await fromClient(i).expect(401);
    await fromClient(4).expect(429);
    const { rows } = await t.db.query(`SELECT DISTINCT client_address FROM audit_log WHERE action = 'auth.login_failed'`);
    expect(rows).toEqual([{ client_address: '203.0.113.77' }]);
  });
});
