import request from 'supertest';
import { digest } from '../src/auth/tokens';
import { createStakeholder, logSounding } from './factories';
import { sessionCookie, startTestApp, TestApp } from './test-app';

const PASSWORD = 'correct horse battery staple';

describe('accounts, sessions and tokens', () => {
  let t: TestApp;
  let anonymous: ReturnType<typeof request>;
  let adminEmail: string;

  beforeAll(async () => {
    t = await startTestApp();
    anonymous = request(t.app.getHttpServer());
    adminEmail = 'admin@example.test';
    await t.http.post('/api/users').expect(403); // a practitioner cannot manage users
    const admin = await t.as('admin');
    await admin.http.post('/api/users').send({ email: adminEmail, password: PASSWORD, role: 'admin' }).expect(201);
  });
  afterAll(() => t.close());

  it('closes every endpoint to anonymous callers except health, login and setup', async () => {
    await anonymous.get('/api/stakeholders').expect(401);
    await anonymous.get('/api/dashboard').expect(401);
    await anonymous.get('/api/audit').expect(401);
    await anonymous.get('/api/health').expect(200);
    const setup = await anonymous.get('/api/setup').expect(200);
    expect(setup.body).toEqual({ needsFirstAdmin: false });
    await anonymous.post('/api/setup/first-admin').send({ email: 'late@example.test', password: PASSWORD }).expect(409);
  });

  it('signs in with a session cookie (HttpOnly, SameSite=Lax) and a CSRF token for writes', async () => {
    const login = await anonymous.post('/api/auth/login').send({ email: adminEmail, password: PASSWORD }).expect(200);
    expect(login.body.user).toMatchObject({ email: adminEmail, role: 'admin' });
    expect(login.body.csrfToken).toEqual(expect.any(String));
    const rawCookie = ([] as string[]).concat(login.headers['set-cookie'])[0];
    expect(rawCookie).toMatch(/HttpOnly/);
    expect(rawCookie).toMatch(/SameSite=Lax/);
    const cookie = sessionCookie(login);

    await anonymous.get('/api/stakeholders').set('Cookie', cookie).expect(200);
    const me = await anonymous.get('/api/auth/me').set('Cookie', cookie).expect(200);
    expect(me.body.csrfToken).toBe(login.body.csrfToken);

    await anonymous.post('/api/stakeholders').set('Cookie', cookie).send({ name: 'No token' }).expect(403);
    await anonymous.post('/api/stakeholders').set('Cookie', cookie).set('X-CSRF-Token', 'wrong').send({ name: 'Wrong token' }).expect(403);
    await anonymous.post('/api/stakeholders').set('Cookie', cookie).set('X-CSRF-Token', login.body.csrfToken).send({ name: 'With token' }).expect(201);
  });

  it('gives a new session at every sign-in and ends it at logout', async () => {
    const first = sessionCookie(await anonymous.post('/api/auth/login').send({ email: adminEmail, password: PASSWORD }).expect(200));
    const secondLogin = await anonymous.post('/api/auth/login').send({ email: adminEmail, password: PASSWORD }).expect(200);
    const second = sessionCookie(secondLogin);
    expect(second).not.toBe(first);
    await anonymous.post('/api/auth/logout').set('Cookie', second).set('X-CSRF-Token', secondLogin.body.csrfToken).expect(204);
    await anonymous.get('/api/stakeholders').set('Cookie', second).expect(401);
    await anonymous.get('/api/stakeholders').set('Cookie', first).expect(200);
  });

  it('signs out everywhere', async () => {
    const a = await anonymous.post('/api/auth/login').send({ email: adminEmail, password: PASSWORD }).expect(200);
    const b = sessionCookie(await anonymous.post('/api/auth/login').send({ email: adminEmail, password: PASSWORD }).expect(200));
    await anonymous.post('/api/auth/logout-everywhere').set('Cookie', sessionCookie(a)).set('X-CSRF-Token', a.body.csrfToken).expect(201);
    await anonymous.get('/api/stakeholders').set('Cookie', b).expect(401);
  });

  it('expires sessions when idle and at their absolute limit', async () => {
    const idle = sessionCookie(await anonymous.post('/api/auth/login').send({ email: adminEmail, password: PASSWORD }).expect(200));
    const absolute = sessionCookie(await anonymous.post('/api/auth/login').send({ email: adminEmail, password: PASSWORD }).expect(200));
    const id = (cookie: string) => digest(cookie.split('=')[1]);
    await t.db.query(`UPDATE sessions SET last_seen_at = now() - interval '2 hours' WHERE id = $1`, [id(idle)]);
    await t.db.query(`UPDATE sessions SET expires_at = now() - interval '1 second' WHERE id = $1`, [id(absolute)]);
    await anonymous.get('/api/stakeholders').set('Cookie', idle).expect(401);
    await anonymous.get('/api/stakeholders').set('Cookie', absolute).expect(401);
  });

  it('answers an unknown email and a wrong password the same way', async () => {
    const unknown = await anonymous.post('/api/auth/login').send({ email: 'nobody@example.test', password: PASSWORD }).expect(401);
    const wrong = await anonymous.post('/api/auth/login').send({ email: 'someone-else@example.test', password: 'not the password at all' }).expect(401);
    expect(unknown.body.message).toBe(wrong.body.message);
  });

  it('throttles the sixth failed sign-in in 15 minutes for an account, with Retry-After', async () => {
    const email = 'target@example.test';
    for (let i = 0; i < 5; i++) await anonymous.post('/api/auth/login').send({ email, password: `wrong guess number ${i}` }).expect(401);
    const blocked = await anonymous.post('/api/auth/login').send({ email, password: 'wrong guess number 6' }).expect(429);
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('applies the password rules: 15+ characters, no composition rules, not a common password', async () => {
    const admin = await t.as('admin');
    const short = await admin.http.post('/api/users').send({ email: 'p1@example.test', password: 'fourteen chars', role: 'viewer' }).expect(400);
    expect(short.body.fields[0]).toMatchObject({ field: 'password' });
    await admin.http.post('/api/users').send({ email: 'p2@example.test', password: 'Mailcreated5240', role: 'viewer' }).expect(400);
    await admin.http.post('/api/users').send({ email: 'p3@example.test', password: 'all lowercase words here', role: 'viewer' }).expect(201);
  });

  it('issues API tokens shown once, lists them without the secret, and revokes only your own', async () => {
    const created = await t.http.post('/api/auth/tokens').send({ name: 'weekly export' }).expect(201);
    expect(created.body.token).toMatch(/^snd_/);
    await request(t.app.getHttpServer()).get('/api/stakeholders').set('Authorization', `Bearer ${created.body.token}`).expect(200);
    const list = await t.http.get('/api/auth/tokens').expect(200);
    expect(JSON.stringify(list.body)).not.toContain(created.body.token);
    const other = await t.as('practitioner');
    await other.http.delete(`/api/auth/tokens/${created.body.id}`).expect(404);
    await t.http.delete(`/api/auth/tokens/${created.body.id}`).expect(204);
    await request(t.app.getHttpServer()).get('/api/stakeholders').set('Authorization', `Bearer ${created.body.token}`).expect(401);
  });

  it('ends sessions and tokens at once when an admin deactivates the account', async () => {
    const admin = await t.as('admin');
    const made = await admin.http.post('/api/users').send({ email: 'leaver@example.test', password: PASSWORD, role: 'practitioner' }).expect(201);
    const login = await anonymous.post('/api/auth/login').send({ email: 'leaver@example.test', password: PASSWORD }).expect(200);
    const cookie = sessionCookie(login);
    const token = await anonymous.post('/api/auth/tokens').set('Cookie', cookie).set('X-CSRF-Token', login.body.csrfToken).send({ name: 'script' }).expect(201);
    await admin.http.patch(`/api/users/${made.body.id}`).send({ active: false, version: made.body.version }).expect(200);
    await anonymous.get('/api/stakeholders').set('Cookie', cookie).expect(401);
    await anonymous.get('/api/stakeholders').set('Authorization', `Bearer ${token.body.token}`).expect(401);
    await anonymous.post('/api/auth/login').send({ email: 'leaver@example.test', password: PASSWORD }).expect(401);
  });
});

describe('first run', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
    // A brand-new installation: no account has ever existed.
    await t.db.query('DELETE FROM users');
    await t.db.query('UPDATE settings SET first_account_at = NULL');
    // What `npm run seed:demo` leaves before anyone has set Soundings up: the inactive HR accounts that wrote its notes.
    await t.db.query(`INSERT INTO users (email, role, active) VALUES ('nadia.karim@northwind.example', 'practitioner', false)`);
  });
  afterAll(() => t.close());

  it('lets exactly one first admin be created, then signs them in', async () => {
    const anonymous = request(t.app.getHttpServer());
    expect((await anonymous.get('/api/setup').expect(200)).body).toEqual({ needsFirstAdmin: true });
    await anonymous.post('/api/setup/first-admin').send({ email: 'first@example.test', password: 'short' }).expect(400);
    const created = await anonymous.post('/api/setup/first-admin').send({ email: 'First@Example.test', password: PASSWORD }).expect(201);
    expect(created.body.user).toMatchObject({ email: 'first@example.test', role: 'admin' });
    await anonymous.get('/api/audit').set('Cookie', sessionCookie(created)).expect(200);
    await anonymous.post('/api/setup/first-admin').send({ email: 'second@example.test', password: PASSWORD }).expect(409);
    expect((await anonymous.get('/api/setup').expect(200)).body).toEqual({ needsFirstAdmin: false });
  });
});

describe('roles and confidential soundings', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('lets a viewer read but not write', async () => {
    const viewer = await t.as('viewer');
    const person = await createStakeholder(t.http);
    await viewer.http.get(`/api/stakeholders/${person.id}`).expect(200);
    await viewer.http.post('/api/stakeholders').send({ name: 'Nope' }).expect(403);
    await viewer.http.post(`/api/stakeholders/${person.id}/soundings`).send({ heldOn: '2026-01-05', summary: 'x', commitmentAfter: 'open' }).expect(403);
    await viewer.http.get('/api/users').expect(403);
    await viewer.http.get('/api/audit').expect(403);
  });

  it('shows a confidential sounding\'s words only to its author and admins, everywhere', async () => {
    const person = await createStakeholder(t.http);
    const secret = 'Afraid the CFO will see this as weakness';
    const sounding = await logSounding(t.http, person.id, {
      summary: 'Private worries about the board',
      commitmentAfter: 'open',
      confidential: true,
      fears: [{ statement: secret, category: 'personal_exposure' }],
    });
    expect(sounding.summary).toBe('Private worries about the board');

    const colleague = await t.as('practitioner');
    const viewer = await t.as('viewer');
    const admin = await t.as('admin');
    for (const reader of [colleague, viewer]) {
      const seen = await reader.http.get(`/api/soundings/${sounding.id}`).expect(200);
      expect(seen.body).toMatchObject({ redacted: true, confidential: true, commitmentAfter: 'open', heldOn: sounding.heldOn });
      for (const path of [`/api/soundings/${sounding.id}`, `/api/stakeholders/${person.id}/soundings`, `/api/stakeholders/${person.id}/journey`, `/api/fears?stakeholderId=${person.id}`, '/api/dashboard']) {
        const body = JSON.stringify((await reader.http.get(path).expect(200)).body);
        expect(body).not.toContain(secret);
        expect(body).not.toContain('Private worries');
      }
      await reader.http.patch(`/api/soundings/${sounding.id}`).send({ summary: 'overwrite', version: sounding.version }).expect(403);
    }
    const asAdmin = await admin.http.get(`/api/stakeholders/${person.id}/journey`).expect(200);
    expect(JSON.stringify(asAdmin.body)).toContain(secret);

    const reads = await t.db.query(`SELECT actor_id FROM audit_log WHERE action = 'sounding.read_confidential' AND stakeholder_id = $1`, [person.id]);
    expect(reads.rows.map((row) => row.actor_id)).toEqual(expect.arrayContaining([admin.id]));
    const everything = await t.db.query(`SELECT string_agg(coalesce(before::text,'') || coalesce(after::text,''), ' ') AS text FROM audit_log`);
    expect(everything.rows[0].text ?? '').not.toContain(secret);
  });
});

describe('audit trail', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('records writes with before and after, and detects an edited or removed row', async () => {
    const admin = await t.as('admin');
    const person = await createStakeholder(t.http, { name: 'Ana Auditée', role: 'line_manager' });
    await t.http.patch(`/api/stakeholders/${person.id}`).send({ role: 'senior_leader', title: 'Head of Stores', version: person.version }).expect(200);
    const trail = await admin.http.get('/api/audit').query({ stakeholderId: person.id }).expect(200);
    const update = trail.body.items.find((entry: { action: string }) => entry.action === 'stakeholder.update');
    expect(update).toMatchObject({ actor: { id: t.user.id }, before: { role: 'line_manager' }, after: { role: 'senior_leader', changedFields: ['title'] } });
    expect(JSON.stringify(trail.body)).not.toContain('Head of Stores');

    expect((await admin.http.get('/api/audit/verify').expect(200)).body).toMatchObject({ ok: true, brokenAt: null });

    // The database refuses edits; tampering needs the owner to switch the guard off first.
    await expect(t.db.query(`UPDATE audit_log SET action = 'x'`)).rejects.toThrow(/append-only/);
    await t.db.query(`ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only`);
    await t.db.query(`UPDATE audit_log SET after = '{"role":"top_team"}' WHERE id = $1`, [update.id]);
    await t.db.query(`ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only`);
    expect((await admin.http.get('/api/audit/verify').expect(200)).body).toMatchObject({ ok: false, brokenAt: update.id });
  });
});
