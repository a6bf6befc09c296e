import net from 'node:net';
import type { AddressInfo } from 'node:net';
import type { Response } from 'supertest';
import request from 'supertest';
import { SharedRequestCounts } from '../src/rate-limits/shared-request-counts';
import { createStakeholder, logSounding, daysAgo } from './factories';
import { expectRefused } from './expectations';
import { startTestApp, TestApp } from './test-app';

/**
 * What happens before a request reaches a controller: body parsing, cookies, the router's own
 * refusals. Every answer is the app's JSON error with its request id and security headers; none
 * is a 500, and none is a cut connection.
 */
describe('HTTP transport', () => {
  let t: TestApp;
  let stakeholderId: string;
  let fearId: string;
  let port: number;

  beforeAll(async () => {
    t = await startTestApp();
    const person = await createStakeholder(t.http, { name: 'Transport Person' });
    stakeholderId = person.id;
    const sounding = await logSounding(t.http, person.id, { heldOn: daysAgo(3), fears: [{ statement: 'No time', category: 'time_and_workload' }] });
    fearId = sounding.fears[0].id;
    // Raw sockets need a real port; supertest would otherwise listen on its own each time.
    const server = t.app.getHttpServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => t.close());

  /** The app's error as every route gives it: JSON with a code, the request id, and the API's headers. */
  function expectAppError(response: Response, status: number, code: string): void {
    expectRefused(response, status);
    expect(response.body.code).toBe(code);
    expect(response.body.requestId).toEqual(expect.any(String));
    expect(response.headers['x-request-id']).toBe(response.body.requestId);
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(String(response.headers['content-security-policy'])).toContain("frame-ancestors 'none'");
  }

  describe('deeply nested JSON', () => {
    const nested = (depth: number, leaf = '"x"') => '{"a":'.repeat(depth) + leaf + '}'.repeat(depth);
    const nestedArrays = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);

    const routes: [string, 'post' | 'patch', () => string, (deep: string) => string][] = [
      ['POST stakeholder, deep extra field', 'post', () => '/api/stakeholders', (deep) => `{"name":"Deep","extra":${deep}}`],
      ['POST stakeholder, deep name', 'post', () => '/api/stakeholders', (deep) => `{"name":${deep}}`],
      ['PATCH stakeholder', 'patch', () => `/api/stakeholders/${stakeholderId}`, (deep) => `{"version":1,"title":${deep}}`],
      ['POST sounding', 'post', () => `/api/stakeholders/${stakeholderId}/soundings`, (deep) => `{"summary":"x","fears":${deep}}`],
      ['PATCH fear', 'patch', () => `/api/fears/${fearId}`, (deep) => `{"version":1,"response":${deep}}`],
      ['POST sign-in (public)', 'post', () => '/api/auth/login', (deep) => `{"email":${deep},"password":"x"}`],
    ];

    it.each(routes)('%s: 3,000 levels of objects and of arrays → 400 nesting_too_deep', async (_name, method, path, bodyWith) => {
      for (const deep of [nested(3000), nestedArrays(3000)]) {
        const response = await t.http[method](path()).set('content-type', 'application/json').send(bodyWith(deep));
        expectAppError(response, 400, 'nesting_too_deep');
        expect(response.body.message).toMatch(/32 levels/);
      }
    });

    it('allows 32 levels and refuses 33 (brackets inside strings do not count)', async () => {
      const send = (raw: string) => t.http.post('/api/stakeholders').set('content-type', 'application/json').send(raw);
      // The body object itself is the first level.
      const atLimit = await send(`{"name":"Deep","extra":${nested(31)}}`);
      expect(atLimit.body.code).toBe('validation_failed');
      expect(atLimit.body.fields.map((f: { field: string }) => f.field)).toContain('extra');
      expectAppError(await send(`{"name":"Deep","extra":${nested(32)}}`), 400, 'nesting_too_deep');
      const stored = await send(JSON.stringify({ name: `Brackets ${'[{'.repeat(40)} in a name` }));
      expect(stored.status).toBe(201);
    });
  });

  describe('unreadable cookies and headers', () => {
    const badCookies = ['soundings_session=%', 'soundings_session=%E0%A4%A', 'a=1; soundings_session=%zz; b=2', 'soundings_oidc_login=%'];

    it.each(badCookies)('treats the cookie %j as no session: 401 on a closed route, 200 on a public one', async (cookie) => {
      expectAppError(await request(t.app.getHttpServer()).get('/api/stakeholders').set('Cookie', cookie), 401, 'unauthenticated');
      const health = await request(t.app.getHttpServer()).get('/api/health').set('Cookie', cookie);
      expect(health.status).toBe(200);
    });

    it('still counts a request with an unreadable cookie against the anonymous rate limit', async () => {
      const hits = async () => {
        await t.app.get(SharedRequestCounts).reconcile();
        return (await t.db.query(`SELECT coalesce(sum(hits), 0)::int AS hits FROM rate_limit_windows WHERE bucket LIKE '%address:%'`)).rows[0].hits;
      };
      const before = await hits();
      await request(t.app.getHttpServer()).get('/api/stakeholders').set('Cookie', 'soundings_session=%').expect(401);
      expect(await hits()).toBe(before + 1);
    });

    it('a token-authenticated request with an unreadable cookie beside it still works', async () => {
      expect((await t.http.get('/api/stakeholders').set('Cookie', 'soundings_session=%')).status).toBe(200);
    });

    it.each(['%', '%E0%A4%A', '%zz', '%00'])('a query value %j is refused or read, never a 500', async (raw) => {
      const response = await t.http.get(`/api/stakeholders?q=${raw}`);
      expect([200, 400]).toContain(response.status);
      expect(response.headers['content-type']).toMatch(/^application\/json/);
    });

    it.each(['"%"', '%', 'W/"%E0"', '"1", "2"'])('an If-Match of %j is a 400 naming If-Match', async (ifMatch) => {
      expectRefused(await t.http.patch(`/api/fears/${fearId}`).set('If-Match', ifMatch).send({ response: 'x' }), 400, 'If-Match');
    });

    it.each(['Bearer %', 'Bearer', 'Basic %E0%A4%A', 'Bearer a b'])('an Authorization header %j is a 401', async (authorization) => {
      expectAppError(await request(t.app.getHttpServer()).get('/api/stakeholders').set('Authorization', authorization), 401, 'unauthenticated');
    });
  });

  describe("the router's and the parser's own refusals", () => {
    const anonymous = () => request(t.app.getHttpServer());

    it('an over-long path parameter → 414 uri_too_long', async () => {
      expectAppError(await t.http.get(`/api/stakeholders/${'a'.repeat(500)}`), 414, 'uri_too_long');
    });

    it('a path that cannot be decoded → 400', async () => {
      expectAppError(await t.http.get('/api/stakeholders/%E0%A4%A'), 400, 'validation_failed');
    });

    it('an unsupported content type → 415 unsupported_media_type', async () => {
      expectAppError(await t.http.post('/api/stakeholders').set('content-type', 'application/xml').send('<name>x</name>'), 415, 'unsupported_media_type');
      expectAppError(await t.http.post('/api/stakeholders').set('content-type', 'application/x-www-form-urlencoded').send('name=x'), 415, 'unsupported_media_type');
    });

    it('malformed JSON → 400 invalid_json', async () => {
      expectAppError(await t.http.post('/api/stakeholders').set('content-type', 'application/json').send('{"name":'), 400, 'invalid_json');
    });

    it('an empty body with a JSON content type → 400 invalid_json', async () => {
      expectAppError(await t.http.post('/api/stakeholders').set('content-type', 'application/json').send(''), 400, 'invalid_json');
    });

    it('an unknown API route → 404 not_found, signed in or not', async () => {
      expectAppError(await t.http.get('/api/no-such-thing'), 404, 'not_found');
      expectAppError(await anonymous().post('/api/no-such-thing').send({}), 404, 'not_found');
    });

    it('a wrong method on an existing path → 405 with Allow', async () => {
      const put = await t.http.put(`/api/stakeholders/${stakeholderId}`).send({ name: 'x' });
      expectAppError(put, 405, 'method_not_allowed');
      expect(String(put.headers.allow).split(/,\s*/).sort()).toEqual(['DELETE', 'GET', 'HEAD', 'PATCH']);

      const deleteAll = await anonymous().delete('/api/stakeholders');
      expectAppError(deleteAll, 405, 'method_not_allowed');
      expect(String(deleteAll.headers.allow).split(/,\s*/).sort()).toEqual(['GET', 'HEAD', 'POST']);
    });

    it('a missing record on an existing route stays a 404', async () => {
      expectAppError(await t.http.get('/api/stakeholders/7f1c7f3e-95a8-4c4e-9f59-1a1a4c3c0f00'), 404, 'not_found');
    });
  });

  describe('a body over the size limit', () => {
    const TOTAL = 2 * 1024 * 1024;
    const CHUNK = 64 * 1024;

    /** Sends a 2 MB body in 64 KB writes, pausing now and then, and reads whatever comes back. */
    function sendOversized(framing: 'content-length' | 'chunked'): Promise<{ answer: string; error?: string }> {
      return new Promise((resolve) => {
        const socket = net.connect(port, '127.0.0.1');
        let answer = '';
        let error: string | undefined;
        socket.setEncoding('utf8');
        socket.on('data', (text) => (answer += text));
        socket.on('error', (problem) => (error = problem.message));
        socket.on('close', () => resolve({ answer, error }));
        socket.setTimeout(20_000, () => socket.destroy(new Error('no answer in 20 s')));
        socket.on('connect', async () => {
          const length = framing === 'content-length' ? `Content-Length: ${TOTAL}\r\n` : 'Transfer-Encoding: chunked\r\n';
          socket.write(
            `POST /api/stakeholders HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${t.user.token}\r\n` +
              `Content-Type: application/json\r\n${length}Connection: close\r\n\r\n`,
          );
          const chunk = Buffer.alloc(CHUNK, 'x');
          try {
            for (let sent = 0; sent < TOTAL && !socket.destroyed; sent += CHUNK) {
              const piece = framing === 'chunked' ? Buffer.concat([Buffer.from(`${CHUNK.toString(16)}\r\n`), chunk, Buffer.from('\r\n')]) : chunk;
              await new Promise<void>((done, fail) => socket.write(piece, (problem) => (problem ? fail(problem) : done())));
              if (sent % (8 * CHUNK) === 0) await new Promise((pause) => setTimeout(pause, 2));
            }
            if (framing === 'chunked' && !socket.destroyed) socket.write('0\r\n\r\n');
          } catch {
            // The 'error' handler records it.
          }
        });
      });
    }

    it.each(['content-length', 'chunked'] as const)('always answers 413 payload_too_large to a 2 MB body sent in pieces (%s, 20 rounds)', async (framing) => {
      const outcomes: string[] = [];
      for (let round = 0; round < 20; round++) {
        const { answer, error } = await sendOversized(framing);
        const status = /^HTTP\/1\.1 (\d{3})/.exec(answer)?.[1];
        const jsonBody = answer.slice(answer.indexOf('\r\n\r\n') + 4);
        outcomes.push(status === '413' && jsonBody.includes('"code":"payload_too_large"') ? '413' : `round ${round}: ${status ?? 'no answer'} ${error ?? ''}`);
      }
      expect(outcomes).toEqual(Array(20).fill('413'));
    }, 120_000);
  });
});
