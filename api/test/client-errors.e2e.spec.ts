import { randomUUID } from 'node:crypto';
import { startTestApp, TestApp } from './test-app';

// Requests Node's HTTP parser refuses before Fastify routes them still get the app's JSON error body.
describe('requests the HTTP parser cannot take', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('answers a request head over 16 KB (a very long query) with a JSON 431 carrying a code', async () => {
    const response = await t.http.get(`/api/stakeholders?q=${'x'.repeat(20_000)}&${randomUUID()}`);
    expect(response.status).toBe(431);
    expect(response.headers['content-type']).toMatch(/^application\/json/);
    expect(response.body).toMatchObject({ statusCode: 431, error: 'Request Header Fields Too Large', code: 'request_too_large', message: expect.any(String) });
  });
});
