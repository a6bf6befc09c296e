import { ERROR_CODES, PASSWORD_RESET_HOURS } from '@soundings/shared';
import type { IssuedPasswordReset } from '@soundings/shared';
import request from 'supertest';
import { digest } from '../src/auth/tokens';
import { expectRefused } from './expectations';
import { sessionCookie, startTestApp, TestApp } from './test-app';

const OLD_PASSWORD = 'correct horse battery staple';
const NEW_PASSWORD = 'a different long passphrase';

describe('changing and resetting passwords', () => {
  let t: TestApp;
  let admin: Awaited<ReturnType<TestApp['as']>>;
  let anonymous: ReturnType<typeof request>;
  let accounts = 0;

  /** A practitioner with a password, made through the users API as an admin would. */
  async function person(): Promise<{ id: string; email: string }> {
    accounts += 1;
    const email = `person-${accounts}@example.test`;
    const made = await admin.http.post('/api/users').send({ email, password: OLD_PASSWORD, role: 'practitioner' }).expect(201);
    return { id: made.body.id, email };
  }

  async function signIn(email: string, password = OLD_PASSWORD): Promise<{ cookie: string; csrfToken: string }> {
    const login = await anonymous.post('/api/auth/login').send({ email, password }).expect(200);
    return { cookie: sessionCookie(login), csrfToken: login.body.csrfToken };
  }

  const isSignedIn = async (cookie: string): Promise<boolean> => (await anonymous.get('/api/auth/me').set('Cookie', cookie)).status === 200;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.as('admin');
    anonymous = request(t.app.getHttpServer());
  });
  afterAll(() => t.close());

  describe('POST /api/auth/password (your own)', () => {
    it('sets the new password, ends every other session, replaces this one with a fresh one, and audits it', async () => {
      const { id, email } = await person();
      const current = await signIn(email);
      const other = await signIn(email);
      const changed = await anonymous
        .post('/api/auth/password')
        .set('Cookie', current.cookie)
        .set('X-CSRF-Token', current.csrfToken)
        .send({ currentPassword: OLD_PASSWORD, newPassword: NEW_PASSWORD })
        .expect(200);
      const rotated = sessionCookie(changed);
      expect(rotated).not.toBe(current.cookie);
      expect(changed.body).toMatchObject({ user: { id, email }, csrfToken: expect.any(String) });
      expect(await isSignedIn(rotated)).toBe(true);
      expect(await isSignedIn(current.cookie)).toBe(false);
      expect(await isSignedIn(other.cookie)).toBe(false);
      // The rotated session works for writes with its new CSRF token.
      await anonymous.post('/api/auth/tokens').set('Cookie', rotated).set('X-CSRF-Token', changed.body.csrfToken).send({ name: 'after change' }).expect(201);

      await anonymous.post('/api/auth/login').send({ email, password: OLD_PASSWORD }).expect(401);
      await signIn(email, NEW_PASSWORD);
      const audit = await t.db.query(`SELECT after FROM audit_log WHERE action = 'auth.password_change' AND entity_id = $1`, [id]);
      expect(audit.rows).toEqual([{ after: { sessionsEnded: 1 } }]);
      expect(JSON.stringify(audit.rows)).not.toContain(NEW_PASSWORD);
    });

    it('refuses a wrong current password (400 on currentPassword) and counts it as a failed sign-in', async () => {
      const { email } = await person();
      const session = await signIn(email);
      const attempt = () =>
        anonymous
          .post('/api/auth/password')
          .set('Cookie', session.cookie)
          .set('X-CSRF-Token', session.csrfToken)
          .send({ currentPassword: 'not the password at all', newPassword: NEW_PASSWORD });
      for (let i = 0; i < 5; i++) expectRefused(await attempt(), 400, 'currentPassword');
      // The sixth failure in 15 minutes for this account is refused, here and at the sign-in form.
      expectRefused(await attempt(), 429);
      expectRefused(await anonymous.post('/api/auth/login').send({ email, password: OLD_PASSWORD }), 429);
      expect(await isSignedIn(session.cookie)).toBe(true);
    });

    it('applies the password rules to the new password', async () => {
      const { email } = await person();
      const session = await signIn(email);
      for (const newPassword of ['fourteen chars', 'Mailcreated5240']) {
        const refused = await anonymous
          .post('/api/auth/password')
          .set('Cookie', session.cookie)
          .set('X-CSRF-Token', session.csrfToken)
          .send({ currentPassword: OLD_PASSWORD, newPassword });
        expectRefused(refused, 400, 'newPassword');
      }
      await signIn(email);
    });

    it('with an API token, ends every session of the account', async () => {
      const { email } = await person();
      const session = await signIn(email);
      const { token } = (
        await anonymous.post('/api/auth/tokens').set('Cookie', session.cookie).set('X-CSRF-Token', session.csrfToken).send({ name: 'script' }).expect(201)
      ).body;
      await anonymous
        .post('/api/auth/password')
        .set('Authorization', `Bearer ${token}`)
        .send({ currentPassword: OLD_PASSWORD, newPassword: NEW_PASSWORD })
        .expect(200);
      expect(await isSignedIn(session.cookie)).toBe(false);
      await signIn(email, NEW_PASSWORD);
    });
  });

  describe('admin-issued reset links', () => {
    async function issue(userId: string): Promise<IssuedPasswordReset> {
      return (await admin.http.post(`/api/users/${userId}/password-reset`).expect(201)).body;
    }

    it('lets the person set a new password once through the link; every session of theirs ends', async () => {
      const { id, email } = await person();
      const session = await signIn(email);
      const issued = await issue(id);
      expect(issued.path).toBe(`/reset-password?token=${issued.token}`);
      const hours = (new Date(issued.expiresAt).getTime() - Date.now()) / 3_600_000;
      expect(hours).toBeGreaterThan(PASSWORD_RESET_HOURS - 0.1);
      expect(hours).toBeLessThanOrEqual(PASSWORD_RESET_HOURS);
      // Only a hash is stored.
      const stored = await t.db.query(`SELECT token_hash FROM password_reset_tokens WHERE user_id = $1`, [id]);
      expect(stored.rows).toEqual([{ token_hash: digest(issued.token) }]);

      await anonymous.post('/api/auth/password-reset').send({ token: issued.token, newPassword: NEW_PASSWORD }).expect(204);
      expect(await isSignedIn(session.cookie)).toBe(false);
      await anonymous.post('/api/auth/login').send({ email, password: OLD_PASSWORD }).expect(401);
      await signIn(email, NEW_PASSWORD);

      const again = await anonymous.post('/api/auth/password-reset').send({ token: issued.token, newPassword: 'yet another long passphrase' });
      expectRefused(again, 400, 'token');
      expect(again.body.code).toBe(ERROR_CODES.resetTokenInvalid);
      await signIn(email, NEW_PASSWORD);

      const actions = await t.db.query(`SELECT action, actor_id FROM audit_log WHERE entity_id = $1 AND action LIKE '%password_reset%' ORDER BY id`, [id]);
      expect(actions.rows).toEqual([
        { action: 'user.password_reset_issue', actor_id: admin.id },
        { action: 'auth.password_reset', actor_id: null },
      ]);
    });

    it('lets only one of two simultaneous uses of a link through', async () => {
      const { id } = await person();
      const issued = await issue(id);
      const responses = await Promise.all(
        ['first long passphrase here', 'second long passphrase here'].map((newPassword) => anonymous.post('/api/auth/password-reset').send({ token: issued.token, newPassword })),
      );
      expect(responses.map((response) => response.status).sort()).toEqual([204, 400]);
    });

    it('refuses an expired link, and an older link once a newer one was issued', async () => {
      const { id, email } = await person();
      const expired = await issue(id);
      await t.db.query(`UPDATE password_reset_tokens SET expires_at = now() - interval '1 second' WHERE token_hash = $1`, [digest(expired.token)]);
      expect((await anonymous.post('/api/auth/password-reset').send({ token: expired.token, newPassword: NEW_PASSWORD }).expect(400)).body.code).toBe(
        ERROR_CODES.resetTokenInvalid,
      );
      const older = await issue(id);
      const newer = await issue(id);
      await anonymous.post('/api/auth/password-reset').send({ token: older.token, newPassword: NEW_PASSWORD }).expect(400);
      await anonymous.post('/api/auth/password-reset').send({ token: newer.token, newPassword: NEW_PASSWORD }).expect(204);
      await signIn(email, NEW_PASSWORD);
    });

    it('applies the password rules, and leaves the link usable after a refused password', async () => {
      const { id } = await person();
      const issued = await issue(id);
      expectRefused(await anonymous.post('/api/auth/password-reset').send({ token: issued.token, newPassword: 'too short' }), 400, 'newPassword');
      await anonymous.post('/api/auth/password-reset').send({ token: issued.token, newPassword: NEW_PASSWORD }).expect(204);
    });

    it('is for admins only, answers 404 for an unknown account and 409 for a deactivated one', async () => {
      const { id } = await person();
      const practitioner = await t.as('practitioner');
      await practitioner.http.post(`/api/users/${id}/password-reset`).expect(403);
      await anonymous.post(`/api/users/${id}/password-reset`).expect(401);
      expectRefused(await admin.http.post('/api/users/00000000-0000-4000-8000-000000000000/password-reset'), 404);
      await admin.http.patch(`/api/users/${id}`).send({ active: false, version: 1 }).expect(200);
      expectRefused(await admin.http.post(`/api/users/${id}/password-reset`), 409);
    });
  });
});
