import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { ChildProcess, fork } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import type TestAgent from 'supertest/lib/agent';
import { createApp } from '../src/app.factory';
import { runMigrations } from '../src/database/run-migrations';
import { Pool } from 'pg';
import { createAccount } from './test-app';
import { eventually } from './support/eventually';

/**
 * The database goes away under a running app and comes back. This file has a PostgreSQL of its own
 * (stopping the shared one would break every other file running alongside), started with
 * startEmbeddedPostgres in a child process (see support/postgres-process.js for why).
 */
describe('while the database is down', () => {
  let dataDir: string;
  let postgres: ChildProcess;
  let app: NestFastifyApplication;
  let http: TestAgent;
  let databaseUrl: string;

  function postgresCommand(message: { command: 'start'; port?: number } | { command: 'stop' }): Promise<{ url?: string }> {
    return new Promise((resolve, reject) => {
      postgres.once('message', (answer: { url?: string; error?: string }) => (answer.error ? reject(new Error(answer.error)) : resolve(answer)));
      postgres.send(message);
    });
  }

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'soundings-outage-pg-'));
    postgres = fork(path.join(__dirname, 'support', 'postgres-process.js'), [dataDir], { stdio: 'inherit' });
    databaseUrl = (await postgresCommand({ command: 'start' })).url!;
    await runMigrations(databaseUrl);
    app = await createApp({ databaseUrl, logLevels: false });
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
    const setupPool = new Pool({ connectionString: databaseUrl, max: 1 });
    const account = await createAccount(setupPool, 'practitioner');
    await setupPool.end();
    http = request.agent(app.getHttpServer()).set('Authorization', `Bearer ${account.token}`) as unknown as TestAgent;
  }, 60_000);

  afterAll(async () => {
    await app?.close();
    if (postgres?.connected) {
      await postgresCommand({ command: 'stop' });
      postgres.disconnect();
    }
    fs.rmSync(dataDir, { recursive: true, force: true });
  }, 30_000);

  it('answers 503 database_unavailable (never 500) and recovers by itself when the database returns', async () => {
    const created = await http.post('/api/stakeholders').send({ name: 'Survives the outage' }).expect(201);
    await http.get('/api/health').expect(200, { status: 'ok' });

    await postgresCommand({ command: 'stop' });

    const started = Date.now();
    for (const [method, url] of [
      ['get', '/api/stakeholders'],
      ['get', `/api/stakeholders/${created.body.id}`],
      ['get', '/api/dashboard'],
      ['get', '/api/health'],
    ] as const) {
      const response = await http[method](url);
      expect({ url, status: response.status }).toEqual({ url, status: 503 });
      expect(response.headers['content-type']).toMatch(/^application\/json/);
      expect(response.body).toMatchObject({ statusCode: 503, code: 'database_unavailable', message: expect.any(String) });
    }
    const write = await http
      .post(`/api/stakeholders/${created.body.id}/soundings`)
      .send({ heldOn: new Date().toISOString().slice(0, 10), summary: 'Lost?', commitmentAfter: 'open' });
    expect(write.status).toBe(503);
    expect(write.body.code).toBe('database_unavailable');
    // Callers are told quickly, not left hanging until a proxy gives up.
    expect(Date.now() - started).toBeLessThan(15_000);

    // Back on the same port, as a real server comes back at the same address.
    await postgresCommand({ command: 'start', port: Number(new URL(databaseUrl).port) });

    await eventually(async () => {
      await http.get('/api/health').expect(200);
    }, 10_000, 200);
    const listed = await http.get('/api/stakeholders').expect(200);
    expect(listed.body.items.map((s: { name: string }) => s.name)).toEqual(['Survives the outage']);
    await http.post('/api/stakeholders').send({ name: 'After the outage' }).expect(201);
    // The write refused during the outage was not stored half-way.
    const soundings = await http.get(`/api/stakeholders/${created.body.id}/soundings`).expect(200);
    expect(soundings.body).toEqual([]);
  }, 60_000);
});
