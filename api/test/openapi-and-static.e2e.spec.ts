import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { ModulesContainer } from '@nestjs/core';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { startTestApp, TestApp } from './test-app';

/** Every route the controllers declare, as `METHOD /api/path/{param}` like the OpenAPI document writes it. */
function declaredRoutes(t: TestApp): string[] {
  const routes: string[] = [];
  for (const module of t.app.get(ModulesContainer).values()) {
    for (const { metatype } of module.controllers.values()) {
      if (!metatype) continue;
      const base = String(Reflect.getMetadata(PATH_METADATA, metatype) ?? '');
      const prototype = metatype.prototype;
      for (const name of Object.getOwnPropertyNames(prototype)) {
        const handler = prototype[name];
        if (name === 'constructor' || typeof handler !== 'function' || Reflect.getMetadata(PATH_METADATA, handler) === undefined) continue;
        const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod];
        const route = ['api', base, String(Reflect.getMetadata(PATH_METADATA, handler))]
          .flatMap((part) => part.split('/'))
          .filter((part) => part && part !== '/')
          .map((part) => (part.startsWith(':') ? `{${part.slice(1)}}` : part))
          .join('/');
        routes.push(`${method} /${route}`);
      }
    }
  }
  return routes.sort();
}

describe('OpenAPI document, security headers and the web app', () => {
  let t: TestApp;
  let webDistDir: string;

  beforeAll(async () => {
    // A stand-in for web/dist, so these tests do not depend on the web app having been built.
    webDistDir = fs.mkdtempSync(path.join(os.tmpdir(), 'soundings-web-dist-'));
    fs.mkdirSync(path.join(webDistDir, 'assets'));
    fs.writeFileSync(path.join(webDistDir, 'index.html'), '<!doctype html><title>Soundings</title><div id="root"></div>');
    fs.writeFileSync(path.join(webDistDir, 'assets', 'index-abc123.js'), 'console.log("app")');
    // As the build leaves them: a brotli and a gzip copy beside each text asset.
    for (const file of ['index.html', path.join('assets', 'index-abc123.js')]) {
      const content = fs.readFileSync(path.join(webDistDir, file));
      fs.writeFileSync(path.join(webDistDir, `${file}.br`), zlib.brotliCompressSync(content));
      fs.writeFileSync(path.join(webDistDir, `${file}.gz`), zlib.gzipSync(content));
    }
    fs.writeFileSync(path.join(webDistDir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    t = await startTestApp({ webDistDir });
  });
  afterAll(async () => {
    await t.close();
    fs.rmSync(webDistDir, { recursive: true, force: true });
  });

  describe('GET /api/docs-json', () => {
    it('documents every route the controllers declare', async () => {
      const response = await t.http.get('/api/docs-json').expect(200);
      expect(response.body.openapi).toMatch(/^3\./);
      const documented = Object.entries(response.body.paths as Record<string, Record<string, unknown>>)
        .flatMap(([route, operations]) => Object.keys(operations).map((method) => `${method.toUpperCase()} ${route}`))
        .sort();
      const declared = declaredRoutes(t);
      expect(declared.length).toBeGreaterThanOrEqual(17);
      expect(documented).toEqual(declared);
    });

    it('includes the routes the web app relies on', async () => {
      const { paths } = (await t.http.get('/api/docs-json').expect(200)).body;
      expect(Object.keys(paths)).toEqual(
        expect.arrayContaining([
          '/api/stakeholders',
          '/api/stakeholders/{id}',
          '/api/stakeholders/{id}/soundings',
          '/api/stakeholders/{id}/commitment',
          '/api/stakeholders/{id}/journey',
          '/api/soundings/{id}',
          '/api/fears',
          '/api/fears/{id}',
          '/api/dashboard',
          '/api/health',
          '/api/business-functions',
        ]),
      );
      expect(Object.keys(paths['/api/stakeholders/{id}']).sort()).toEqual(['delete', 'get', 'patch']);
    });
  });

  describe('headers', () => {
    it('sends a strict content security policy and the usual hardening headers', async () => {
      const response = await t.http.get('/api/stakeholders').expect(200);
      const csp = String(response.headers['content-security-policy']);
      const directives = Object.fromEntries(
        csp.split(';').map((directive) => {
          const [name, ...values] = directive.trim().split(/\s+/);
          return [name, values.join(' ')];
        }),
      );
      expect(directives['script-src']).toBe("'self'");
      expect(directives['frame-ancestors']).toBe("'none'");
      expect(directives['object-src']).toBe("'none'");
      expect(directives['default-src']).toBe("'self'");
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(response.headers['referrer-policy']).toBe('same-origin');
      expect(response.headers['x-powered-by']).toBeUndefined();
    });

    it('marks every API answer no-store, errors included', async () => {
      for (const [url, status] of [
        ['/api/stakeholders', 200],
        ['/api/dashboard', 200],
        ['/api/stakeholders/not-a-uuid', 400],
        ['/api/no-such-route', 404],
      ] as const) {
        const response = await t.http.get(url).expect(status);
        expect({ url, cacheControl: response.headers['cache-control'] }).toEqual({ url, cacheControl: 'no-store' });
      }
    });

    it('gives each answer a request id, keeping a sensible one the caller sent', async () => {
      const own = await t.http.get('/api/health').set('x-request-id', 'trace-12345678').expect(200);
      expect(own.headers['x-request-id']).toBe('trace-12345678');
      const replaced = await t.http.get('/api/health').set('x-request-id', '<script>').expect(200);
      expect(replaced.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
      const error = await t.http.get('/api/stakeholders/not-a-uuid').expect(400);
      expect(error.body.requestId).toBe(error.headers['x-request-id']);
    });

    it('does not allow other origins by default', async () => {
      const response = await t.http.get('/api/stakeholders').set('Origin', 'https://evil.example').expect(200);
      expect(response.headers['access-control-allow-origin']).toBeUndefined();
    });
  });

  describe('unknown routes', () => {
    it('answers an unknown /api route with a JSON 404, never the web app', async () => {
      for (const url of ['/api/no-such-route', '/api/stakeholders/x/y/z', '/api']) {
        const response = await t.http.get(url).expect(404);
        expect(response.headers['content-type']).toMatch(/^application\/json/);
        expect(response.body).toMatchObject({ statusCode: 404, code: 'not_found', message: expect.any(String) });
      }
    });

    it('answers an unknown method on a known route with a JSON 405 naming the allowed ones', async () => {
      const response = await t.http.put('/api/dashboard').send({}).expect(405);
      expect(response.body).toMatchObject({ statusCode: 405, code: 'method_not_allowed' });
      expect(response.headers.allow).toBe('GET, HEAD');
    });
  });

  describe('the web app', () => {
    /** The answer as sent, undecoded (an HTTP client would unpack it), so the test sees what came over the wire. */
    const rawGet = async (url: string, acceptEncoding: string) => {
      const response = await t.app.getHttpAdapter().getInstance().inject({ method: 'GET', url, headers: { 'accept-encoding': acceptEncoding } });
      expect({ url, status: response.statusCode }).toEqual({ url, status: 200 });
      return { headers: response.headers, body: response.rawPayload };
    };

    it('serves index.html at / and for client-side routes, never cached', async () => {
      for (const url of ['/', '/stakeholders', '/stakeholders/123/journey?tab=timeline']) {
        const response = await t.http.get(url).expect(200);
        expect(response.headers['content-type']).toMatch(/^text\/html/);
        expect(response.text).toContain('<div id="root"></div>');
        expect(response.headers['cache-control']).toBe('no-cache');
        expect(response.headers['content-security-policy']).toContain("script-src 'self'");
      }
    });

    it('answers HEAD on client-side routes like GET (link checkers and proxies probe with it)', async () => {
      const response = await t.http.head('/stakeholders').expect(200);
      expect(response.headers['content-type']).toMatch(/^text\/html/);
    });

    it('serves fingerprinted assets cacheable for good', async () => {
      const response = await t.http.get('/assets/index-abc123.js').expect(200);
      expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect(response.headers['content-type']).toMatch(/javascript/);
    });

    it('sends a fingerprinted asset brotli-compressed when asked, gzip to older clients, plain otherwise; cached for good', async () => {
      const cases = [
        { acceptEncoding: 'gzip, deflate, br', encoding: 'br', decode: zlib.brotliDecompressSync },
        { acceptEncoding: 'gzip', encoding: 'gz', decode: zlib.gunzipSync },
        { acceptEncoding: 'identity', encoding: undefined, decode: (body: Buffer) => body },
      ];
      for (const { acceptEncoding, encoding, decode } of cases) {
        const response = await rawGet('/assets/index-abc123.js', acceptEncoding);
        expect({ acceptEncoding, encoding: response.headers['content-encoding'] }).toEqual({ acceptEncoding, encoding: encoding === 'gz' ? 'gzip' : encoding });
        expect(decode(response.body).toString()).toBe('console.log("app")');
        expect(response.headers['content-type']).toMatch(/javascript/);
        expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable');
        // A shared cache must not hand the brotli copy to a client that cannot read it.
        expect(response.headers.vary).toMatch(/accept-encoding/i);
      }
    });

    it('never caches index.html, compressed or not', async () => {
      for (const url of ['/', '/index.html', '/stakeholders']) {
        const response = await rawGet(url, 'br');
        expect({ url, cacheControl: response.headers['cache-control'] }).toEqual({ url, cacheControl: 'no-cache' });
        const html = response.headers['content-encoding'] === 'br' ? zlib.brotliDecompressSync(response.body) : response.body;
        expect(html.toString()).toContain('<div id="root"></div>');
      }
    });

    it('does not serve the compressed copies as files of their own', async () => {
      for (const url of ['/assets/index-abc123.js.br', '/assets/index-abc123.js.gz']) {
        await t.http.get(url).expect(404);
      }
    });

    it('answers a missing file with 404 rather than index.html', async () => {
      const response = await t.http.get('/assets/missing-999.js').expect(404);
      expect(response.text).not.toContain('<div id="root">');
    });

    it('does not serve files outside the web app folder', async () => {
      const response = await t.http.get('/..%2f..%2fetc%2fpasswd');
      expect(response.text).not.toContain('root:');
      expect([400, 403, 404]).toContain(response.status);
    });
  });
});
