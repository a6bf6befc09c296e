import type { UserRole } from '@soundings/shared';
import request from 'supertest';
import type TestAgent from 'supertest/lib/agent';
import { callRoute as send, documentedRoutes } from './documented-routes';
import { createStakeholder, daysAgo, logSounding } from './factories';
import { startTestApp, TestApp } from './test-app';

/**
 * Every route the API documents, called as anonymous, viewer, practitioner and admin. The routes
 * come from the OpenAPI document, so a new route is covered the day it is added: its expected
 * access is the default (reads for every role, writes for practitioners and admins) unless it is
 * listed below.
 */
const PUBLIC = new Set([
  'GET /api/health',
  'GET /api/setup',
  'POST /api/setup/first-admin',
  'POST /api/auth/login',
  'POST /api/auth/password-reset',
  'GET /api/auth/methods',
  'GET /api/auth/oidc/login',
  'GET /api/auth/oidc/callback',
]);
const ADMIN_ONLY = [/^\w+ \/api\/(users|audit|settings)(\/|$)/, /^POST \/api\/stakeholders\/\{id\}\/erase$/, /^GET \/api\/stakeholders\/\{id\}\/history$/];
/** Reads a viewer may not make. */
const PRACTITIONER_READS = new Set(['GET /api/stakeholders/{id}/export', 'GET /api/deleted-items']);
/** Writes to one's own account, open to viewers too. */
const OWN_ACCOUNT_WRITES = new Set(['POST /api/auth/logout', 'POST /api/auth/logout-everywhere', 'POST /api/auth/tokens', 'DELETE /api/auth/tokens/{id}', 'POST /api/auth/password', 'PATCH /api/auth/me',
  // Saved views are each user's own, viewers' too.
  'POST /api/saved-views', 'PATCH /api/saved-views/{id}', 'DELETE /api/saved-views/{id}',
  // A viewer restores or purges their own deleted saved view; a held record of the organisation still answers them
  // 403, item by item (deleted-items.e2e).
  'POST /api/deleted-items/{id}/restore', 'DELETE /api/deleted-items/{id}',
]);

type Caller = 'anonymous' | UserRole;
/** Each walk calls every documented route four times or more: it grows with the API, past jest's default 30 s on a busy machine. */
const ROUTE_WALK_TIMEOUT_MS = 180_000;
const CALLERS: Caller[] = ['anonymous', 'viewer', 'practitioner', 'admin'];

function allowedRoles(route: string): UserRole[] | 'public' {
  if (PUBLIC.has(route)) return 'public';
  if (ADMIN_ONLY.some((pattern) => pattern.test(route))) return ['admin'];
  if (PRACTITIONER_READS.has(route) || (!route.startsWith('GET ') && !OWN_ACCOUNT_WRITES.has(route))) return ['admin', 'practitioner'];
  return ['admin', 'practitioner', 'viewer'];
}

function expectedStatus(route: string, caller: Caller): 'allowed' | 401 | 403 {
  const allowed = allowedRoles(route);
  if (allowed === 'public') return 'allowed';
  if (caller === 'anonymous') return 401;
  return allowed.includes(caller) ? 'allowed' : 403;
}

describe('access matrix: every route × anonymous, viewer, practitioner, admin', () => {
  let t: TestApp;
  let routes: string[];
  let clients: Record<Caller, TestAgent>;

  beforeAll(async () => {
    t = await startTestApp();
    routes = await documentedRoutes(t.http);
    clients = {
      anonymous: request.agent(t.app.getHttpServer()) as unknown as TestAgent,
      viewer: (await t.as('viewer')).http,
      practitioner: (await t.as('practitioner')).http,
      admin: (await t.as('admin')).http,
    };
  });
  afterAll(() => t.close());

  it('covers every route the API documents, including the data-protection ones', () => {
    expect(routes.length).toBeGreaterThanOrEqual(30);
    expect(routes).toEqual(
      expect.arrayContaining(['GET /api/stakeholders/{id}/export', 'POST /api/stakeholders/{id}/erase', 'GET /api/stakeholders/{id}/history', 'GET /api/settings', 'PUT /api/settings']),
    );
  });

  it('answers 401 to anonymous callers, 403 to roles without access, and lets the others through (never a 5xx)', async () => {
    const unknownId = '5b3f8a4e-2c1d-4e6f-9a7b-0c8d9e1f2a3b';
    const mismatches: string[] = [];
    for (const route of routes) {
      for (const caller of CALLERS) {
        const response = await send(clients[caller], route, unknownId);
        const expected = expectedStatus(route, caller);
        const ok =
          response.status < 500 &&
          (expected === 'allowed' ? response.status !== 401 && response.status !== 403 : response.status === expected);
        if (!ok) mismatches.push(`${route} as ${caller}: expected ${expected}, got ${response.status} ${JSON.stringify(response.body).slice(0, 120)}`);
      }
    }
    // A new public or admin-only route belongs in PUBLIC or ADMIN_ONLY above.
    expect(mismatches).toEqual([]);
  }, ROUTE_WALK_TIMEOUT_MS);

  it('never returns the words of another practitioner\'s confidential sounding, through any route', async () => {
    const author = t.http;
    const person = await createStakeholder(author, { name: 'Confidential Subject' });
    const secret = 'mangosteen';
    const sounding = await logSounding(author, person.id, {
      heldOn: daysAgo(10),
      followUpOn: daysAgo(3),
      summary: `Summary ${secret} one`,
      conductedBy: `Conductor ${secret}`,
      developmentalExperience: `Mentor ${secret}`,
      benefitsSeen: `Benefit ${secret}`,
      personalCost: `Cost ${secret}`,
      prioritiesServed: `Priority ${secret}`,
      nextStep: `Next ${secret}`,
      commitmentAfter: 'open',
      confidential: true,
      fears: [{ statement: `Fear ${secret}`, category: 'personal_exposure' }],
    });
    const fearId = sounding.fears[0].id;
    await author.patch(`/api/fears/${fearId}`).send({ response: `Response ${secret}`, version: 1 }).expect(200);

    // The words are there for the author and for admins, so a miss below means withheld, not absent.
    expect(JSON.stringify((await author.get(`/api/soundings/${sounding.id}`).expect(200)).body)).toContain(secret);
    expect(JSON.stringify((await clients.admin.get(`/api/fears/${fearId}`).expect(200)).body)).toContain(`Response ${secret}`);

    const ids = [person.id, sounding.id, fearId];
    const queries = ['', `?stakeholderId=${person.id}`, `?q=${secret}`];
    const leaks: string[] = [];
    let reads = 0;
    for (const caller of ['practitioner', 'viewer'] as const) {
      for (const route of routes.filter((r) => r.startsWith('GET '))) {
        const targets = route.includes('{') ? ids : [''];
        for (const id of targets) {
          for (const query of queries) {
            const response = await send(clients[caller], route, id, query);
            reads += 1;
            if (response.status >= 500) leaks.push(`${route} ${id}${query} as ${caller}: ${response.status}`);
            if (JSON.stringify(response.body ?? '').includes(secret) || (response.text ?? '').includes(secret)) {
              leaks.push(`${route} ${id}${query} as ${caller}: ${response.status} carries the words`);
            }
          }
        }
      }
    }
    // Writes to it are refused without echoing it.
    for (const caller of ['practitioner', 'viewer'] as const) {
      for (const [url, body] of [
        [`/api/soundings/${sounding.id}`, { nextStep: 'Changed', version: sounding.version }],
        [`/api/fears/${fearId}`, { status: 'addressing', version: 2 }],
      ] as const) {
        const response = await clients[caller].patch(url).send(body).expect(403);
        if (JSON.stringify(response.body).includes(secret)) leaks.push(`PATCH ${url} as ${caller} carries the words`);
      }
    }
    expect(reads).toBeGreaterThan(100);
    expect(leaks).toEqual([]);
    // Still there: nothing above deleted or changed it.
    expect((await author.get(`/api/soundings/${sounding.id}`).expect(200)).body.summary).toBe(`Summary ${secret} one`);
  }, ROUTE_WALK_TIMEOUT_MS);
});
