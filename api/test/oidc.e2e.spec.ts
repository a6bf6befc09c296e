import { ChildProcess, fork } from 'node:child_process';
import path from 'node:path';
import { Pool } from 'pg';
import request from 'supertest';
import { createAccount, startTestApp, TestUser } from './test-app';
import { createTestDatabase } from './test-database';

const CLIENT = { client_id: 'soundings', client_secret: 'a client secret used only by these tests' };
const CALLBACK_PATH = '/api/auth/oidc/callback';

/** Accounts at the provider, by the login name typed into its development sign-in form. */
const PROVIDER_ACCOUNTS = {
  ada: { email: 'Ada.Lovelace@Example.TEST', email_verified: true },
  stranger: { email: 'nobody-here@example.test', email_verified: true },
  leaver: { email: 'leaver@example.test', email_verified: true },
  unverified: { email: 'unverified@example.test', email_verified: false },
  // No email_verified claim at all, and the email only in UserInfo.
  quiet: { email: 'quiet@example.test', idTokenEmail: false },
};

/** A child process that answers its first IPC message with `{ ...answer }` or `{ error }`. */
function firstAnswer<T>(child: ChildProcess, output: () => string): Promise<T> {
  return new Promise((resolve, reject) => {
    child.once('message', (answer: T & { error?: string }) => (answer.error ? reject(new Error(answer.error)) : resolve(answer)));
    child.once('exit', (code) => reject(new Error(`child exited (${code}) before answering:\n${output()}`)));
  });
}

function startChild(script: string, args: string[], env: NodeJS.ProcessEnv = process.env): { child: ChildProcess; output: () => string } {
  let output = '';
  const child = fork(path.join(__dirname, 'support', script), args, { env, stdio: ['ignore', 'pipe', 'pipe', 'ipc'] });
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  return { child, output: () => output };
}

/** What a browser does that matters here: keep cookies and let us follow each redirect by hand. */
class Browser {
  private readonly cookies = new Map<string, string>();
  readonly setCookies: string[] = [];

  async request(url: string, form?: Record<string, string>): Promise<Response> {
    const response = await fetch(url, {
      method: form ? 'POST' : 'GET',
      redirect: 'manual',
      headers: {
        // Both servers are on 127.0.0.1; cookies, as in a browser, do not tell ports apart.
        cookie: [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; '),
        ...(form && { 'content-type': 'application/x-www-form-urlencoded' }),
      },
      body: form ? new URLSearchParams(form).toString() : undefined,
    });
    for (const header of response.headers.getSetCookie()) {
      this.setCookies.push(header);
      const [pair, ...attributes] = header.split(';');
      const index = pair.indexOf('=');
      const [name, value] = [pair.slice(0, index).trim(), pair.slice(index + 1).trim()];
      const expired = attributes.some((a) => /^\s*max-age=0\s*$/i.test(a)) || value === '';
      if (expired) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return response;
  }

  cookie(name: string): string | undefined {
    return this.cookies.get(name);
  }
}

function locationOf(response: Response, base: string): string {
  expect([302, 303]).toContain(response.status);
  return new URL(response.headers.get('location')!, base).href;
}

/**
 * Starts single sign-on at `apiUrl` and goes through the provider's sign-in and consent forms as
 * `login`, stopping where the provider sends the browser back to Soundings.
 */
async function signInAtProvider(browser: Browser, apiUrl: string, login: string): Promise<URL> {
  let url = locationOf(await browser.request(`${apiUrl}/api/auth/oidc/login`), apiUrl);
  for (let step = 0; step < 12; step++) {
    if (new URL(url).pathname === CALLBACK_PATH) return new URL(url);
    const response = await browser.request(url);
    if (response.status !== 200) {
      url = locationOf(response, url);
      continue;
    }
    const page = await response.text();
    const form = /<form[^>]*action="([^"]+)"[^>]*method="post"[^>]*>([\s\S]*?)<\/form>/i.exec(page);
    if (!form) throw new Error(`no form on ${url}:\n${page}`);
    const fields: Record<string, string> = {};
    for (const [input] of form[2].matchAll(/<input[^>]*>/gi)) {
      const name = /name="([^"]+)"/.exec(input)?.[1];
      if (name) fields[name] = /value="([^"]*)"/.exec(input)?.[1] ?? '';
    }
    if ('login' in fields) Object.assign(fields, { login, password: 'any password: development interactions accept it' });
    url = locationOf(await browser.request(new URL(form[1].replace(/&amp;/g, '&'), url).href, fields), url);
  }
  throw new Error('the provider did not send the browser back to Soundings');
}

describe('single sign-on with OpenID Connect, against a real OpenID Provider', () => {
  let provider: { child: ChildProcess; output: () => string };
  let issuer: string;
  let instances: { child: ChildProcess; output: () => string; url: string }[] = [];
  let database: { url: string; appUrl: string; drop(): Promise<void> };
  let db: Pool;
  let admin: TestUser;
  const users: Record<string, { id: string; version: number }> = {};

  beforeAll(async () => {
    const serverUrl = process.env.SOUNDINGS_TEST_SERVER_URL!;
    database = await createTestDatabase(serverUrl);
    provider = startChild('oidc-provider-process.mjs', []);
    ({ issuer } = await firstAnswer<{ issuer: string }>(provider.child, provider.output));

    // Two instances on one database: the sign-in starts on one and finishes on the other, as behind a
    // load balancer, so nothing about a pending sign-in may live in one process's memory.
    const env = { ...process.env, OIDC_ISSUER: issuer, OIDC_CLIENT_ID: CLIENT.client_id, OIDC_CLIENT_SECRET: CLIENT.client_secret };
    instances = await Promise.all(
      [0, 1].map(async () => {
        const instance = startChild('api-process.js', [database.appUrl], env);
        const { url } = await firstAnswer<{ url: string }>(instance.child, instance.output);
        return { ...instance, url };
      }),
    );
    await configureProvider();

    // Accounts exist only because an admin made them, with the role the admin chose; no passwords.
    db = new Pool({ connectionString: database.url, max: 2 });
    admin = await createAccount(db, 'admin');
    const api = request(instances[0].url);
    for (const [key, email, role] of [
      ['ada', 'ada.lovelace@example.test', 'viewer'],
      ['leaver', 'leaver@example.test', 'practitioner'],
      ['unverified', 'unverified@example.test', 'practitioner'],
      ['quiet', 'quiet@example.test', 'practitioner'],
    ]) {
      const created = await api.post('/api/users').set('Authorization', `Bearer ${admin.token}`).send({ email, role }).expect(201);
      users[key] = created.body;
    }
    await api
      .patch(`/api/users/${users.leaver.id}`)
      .set('Authorization', `Bearer ${admin.token}`)
      .send({ active: false, version: users.leaver.version })
      .expect(200);
  }, 30_000);

  afterAll(async () => {
    await Promise.all(
      [...instances, provider].filter(Boolean).map(
        ({ child }) =>
          new Promise<void>((resolve) => {
            if (!child.connected) return resolve();
            child.once('exit', () => resolve());
            child.disconnect();
          }),
      ),
    );
    await db?.end();
    await database?.drop();
  });

  async function configureProvider(options: { signWithUnpublishedKey?: boolean } = {}): Promise<void> {
    const answer = firstAnswer(provider.child, provider.output);
    provider.child.send({
      command: 'configure',
      client: { ...CLIENT, redirect_uris: instances.map((instance) => `${instance.url}${CALLBACK_PATH}`) },
      accounts: PROVIDER_ACCOUNTS,
      ...options,
    });
    await answer;
  }

  async function sessionsCount(): Promise<number> {
    const { rows } = await db.query(`SELECT count(*)::int AS count FROM sessions`);
    return rows[0].count;
  }

  async function lastFailedLogin(): Promise<{ entity_id: string | null; after: { method: string; reason: string } }> {
    const { rows } = await db.query(`SELECT entity_id, after FROM audit_log WHERE action = 'auth.login_failed' ORDER BY id DESC LIMIT 1`);
    return rows[0];
  }

  it('tells the sign-in page that single sign-on is available', async () => {
    await request(instances[0].url).get('/api/auth/methods').expect(200, { sso: true });
  });

  it('starts the authorization code flow with PKCE, state and nonce kept in a sealed HttpOnly cookie', async () => {
    const browser = new Browser();
    const response = await browser.request(`${instances[0].url}/api/auth/oidc/login`);
    const authorization = new URL(locationOf(response, instances[0].url));
    expect(authorization.origin).toBe(issuer);
    expect(Object.fromEntries(authorization.searchParams)).toMatchObject({
      client_id: CLIENT.client_id,
      response_type: 'code',
      redirect_uri: `${instances[0].url}${CALLBACK_PATH}`,
      code_challenge_method: 'S256',
      code_challenge: expect.stringMatching(/^[\w-]{43}$/),
      state: expect.any(String),
      nonce: expect.any(String),
    });
    expect(authorization.searchParams.get('scope')!.split(' ')).toEqual(expect.arrayContaining(['openid', 'email']));
    const cookie = browser.setCookies.find((c) => c.startsWith('soundings_sso='))!;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).toMatch(/Path=\/api\/auth\/oidc/);
    // Sealed: neither the state nor the PKCE verifier can be read from it.
    expect(browser.cookie('soundings_sso')).not.toContain(authorization.searchParams.get('state'));
  });

  it('signs in the existing account with that email (any case), across instances, with the role an admin gave it', async () => {
    const browser = new Browser();
    const callback = await signInAtProvider(browser, instances[0].url, 'ada');
    // The provider sends the browser back to instance 0's address; instance 1 answers.
    const finished = await browser.request(`${instances[1].url}${callback.pathname}${callback.search}`);
    expect(locationOf(finished, instances[1].url)).toBe(`${instances[1].url}/`);
    const session = browser.setCookies.find((c) => c.startsWith('soundings_session='))!;
    expect(session).toMatch(/HttpOnly/);
    expect(session).toMatch(/SameSite=Lax/);
    expect(browser.cookie('soundings_sso')).toBeUndefined();

    const me = await request(instances[0].url).get('/api/auth/me').set('Cookie', `soundings_session=${browser.cookie('soundings_session')}`).expect(200);
    expect(me.body.user).toMatchObject({ id: users.ada.id, email: 'ada.lovelace@example.test', role: 'viewer' });
    expect(me.body.csrfToken).toEqual(expect.any(String));
    const { rows } = await db.query(`SELECT actor_id FROM audit_log WHERE action = 'auth.login' ORDER BY id DESC LIMIT 1`);
    expect(rows[0].actor_id).toBe(users.ada.id);
  });

  it('takes the email from UserInfo when the ID token has none', async () => {
    const browser = new Browser();
    const callback = await signInAtProvider(browser, instances[0].url, 'quiet');
    expect(locationOf(await browser.request(callback.href), callback.href)).toBe(`${instances[0].url}/`);
    const me = await request(instances[0].url).get('/api/auth/me').set('Cookie', `soundings_session=${browser.cookie('soundings_session')}`).expect(200);
    expect(me.body.user).toMatchObject({ id: users.quiet.id, role: 'practitioner' });
  });

  it.each([
    ['an email no account has', 'stranger', 'no_account', () => null],
    ['a deactivated account', 'leaver', 'deactivated', () => users.leaver.id],
    ['an email the provider has not verified', 'unverified', 'email_not_verified', () => users.unverified.id],
  ])('refuses %s: no session, back to the sign-in page, an audit entry', async (_case, login, reason, userId) => {
    const before = await sessionsCount();
    const browser = new Browser();
    const callback = await signInAtProvider(browser, instances[0].url, login);
    expect(locationOf(await browser.request(callback.href), callback.href)).toBe(`${instances[0].url}/?sso=denied`);
    expect(browser.cookie('soundings_session')).toBeUndefined();
    expect(await sessionsCount()).toBe(before);
    expect(await lastFailedLogin()).toEqual({ entity_id: userId(), after: { method: 'sso', reason } });
  });

  it('refuses a callback whose state was tampered with, and the pending sign-in is then spent', async () => {
    const before = await sessionsCount();
    const browser = new Browser();
    const callback = await signInAtProvider(browser, instances[0].url, 'ada');
    const tampered = new URL(callback);
    tampered.searchParams.set('state', `${callback.searchParams.get('state')}x`);
    expect(locationOf(await browser.request(tampered.href), tampered.href)).toBe(`${instances[0].url}/?sso=failed`);
    expect(await lastFailedLogin()).toMatchObject({ after: { method: 'sso', reason: 'state_mismatch' } });

    // The genuine answer no longer works either: the refusal cleared the pending sign-in.
    expect(locationOf(await browser.request(callback.href), callback.href)).toBe(`${instances[0].url}/?sso=failed`);
    expect(await lastFailedLogin()).toMatchObject({ after: { method: 'sso', reason: 'no_pending_login' } });
    expect(browser.cookie('soundings_session')).toBeUndefined();
    expect(await sessionsCount()).toBe(before);
  });

  it('refuses an ID token whose signature does not match the key the provider publishes', async () => {
    await configureProvider({ signWithUnpublishedKey: true });
    try {
      const browser = new Browser();
      const callback = await signInAtProvider(browser, instances[0].url, 'ada');
      expect(locationOf(await browser.request(callback.href), callback.href)).toBe(`${instances[0].url}/?sso=failed`);
      expect(await lastFailedLogin()).toMatchObject({ after: { method: 'sso', reason: 'invalid_response' } });
      expect(browser.cookie('soundings_session')).toBeUndefined();
    } finally {
      await configureProvider();
    }
  });

  it('refuses a provider answer brought to a browser that did not start the sign-in (login CSRF)', async () => {
    const callback = await signInAtProvider(new Browser(), instances[0].url, 'ada');
    const attacker = new Browser();
    expect(locationOf(await attacker.request(callback.href), callback.href)).toBe(`${instances[0].url}/?sso=failed`);
    expect(attacker.cookie('soundings_session')).toBeUndefined();
  });
});

describe('single sign-on when it is not configured', () => {
  it('says so, and its routes answer 404', async () => {
    const t = await startTestApp();
    try {
      const anonymous = request(t.app.getHttpServer());
      await anonymous.get('/api/auth/methods').expect(200, { sso: false });
      await anonymous.get('/api/auth/oidc/login').expect(404);
      await anonymous.get('/api/auth/oidc/callback?code=x&state=y').expect(404);
    } finally {
      await t.close();
    }
  });
});
