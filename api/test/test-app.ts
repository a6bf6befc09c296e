import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Pool } from 'pg';
import request from 'supertest';
import type TestAgent from 'supertest/lib/agent';
import type { Logger as TypeOrmLogger } from 'typeorm';
import type { UserRole } from '@soundings/shared';
import { createApp, CreateAppOptions } from '../src/app.factory';
import { digest, newSecret } from '../src/auth/tokens';
import { recordCheckedOperations, ResponseContract } from './support/response-contract';
import { createTestDatabase } from './test-database';
import { RECONCILE_MARKER } from '../src/rate-limits/shared-request-counts';

// Tests read the trail's ids straight from the database: entries are sealed on demand only, never by a timer mid-test.
process.env.AUDIT_SEAL_INTERVAL_MS ??= '0';

/** Counts SQL statements so tests can hold hot reads to a fixed number, whatever the data size. */
export class QueryCounter implements TypeOrmLogger {
  statements: string[] = [];
  logQuery(query: string): void {
    this.statements.push(query);
  }
  logQueryError(): void {}
  logQuerySlow(): void {}
  logSchemaBuild(): void {}
  logMigration(): void {}
  log(): void {}

  /**
   * Runs `work` and returns how many statements it sent, ignoring transaction control and the
   * request counts' reconciliation, which runs on a timer and not for any one request.
   */
  async count(work: () => Promise<unknown>): Promise<number> {
    const before = this.statements.length;
    await work();
    return this.statements
      .slice(before)
      .filter((sql) => !/^(START TRANSACTION|BEGIN|COMMIT|ROLLBACK)/i.test(sql.trim()) && !sql.includes(RECONCILE_MARKER)).length;
  }
}

export interface TestApp {
  app: NestFastifyApplication;
  http: TestAgent;
  /** Direct SQL on the test database, for arranging data and checking what was stored. */
  db: Pool;
  queries: QueryCounter;
  /** What the app logs in as: the restricted role, as in production. */
  databaseUrl: string;
  /** The owner of the test database (as `db` logs in). */
  ownerUrl: string;
  /** The practitioner `http` acts as. */
  user: TestUser;
  /** Another account with its own API token, for role and access tests. */
  as(role: UserRole, email?: string): Promise<TestUser & { http: TestAgent }>;
  /** Lets the current test receive a status the OpenAPI document does not list, because it injects the fault. */
  allowUndocumentedStatus(status: number): void;
  close(): Promise<void>;
}

export interface TestUser {
  id: string;
  email: string;
  role: UserRole;
  token: string;
}

/** The `name=value` of the session cookie an answer sets, to send back as a browser would. */
export function sessionCookie(response: request.Response): string {
  const header = ([] as string[]).concat(response.headers['set-cookie'] ?? []).find((c) => c.startsWith('soundings_session='));
  if (!header) throw new Error('no session cookie set');
  return header.split(';')[0];
}

let accounts = 0;

const currentTest = () => expect.getState().currentTestName ?? 'outside a test';

/** An account and an API token, made straight in the database (the auth API has its own tests). */
export async function createAccount(db: Pool, role: UserRole, email?: string): Promise<TestUser> {
  accounts += 1;
  const address = email ?? `${role}-${accounts}-${process.pid}@example.test`;
  const { rows } = await db.query(`INSERT INTO users (email, role) VALUES ($1, $2) RETURNING id`, [address, role]);
  const token = newSecret('snd_');
  await db.query(`INSERT INTO api_tokens (user_id, name, token_hash) VALUES ($1, 'tests', $2)`, [rows[0].id, digest(token)]);
  return { id: rows[0].id, email: address, role, token };
}

/** The real Nest app on its own freshly migrated PostgreSQL database; `options` as for createApp. */
export async function startTestApp(options: Omit<CreateAppOptions, 'databaseUrl' | 'queryLogger'> = {}): Promise<TestApp> {
  const serverUrl = process.env.SOUNDINGS_TEST_SERVER_URL;
  if (!serverUrl) throw new Error('SOUNDINGS_TEST_SERVER_URL is not set: run the tests through jest (globalSetup starts PostgreSQL)');
  const database = await createTestDatabase(serverUrl);
  const queries = new QueryCounter();
  const app = await createApp({ logLevels: false, ...options, databaseUrl: database.appUrl, queryLogger: queries });
  const fastify = app.getHttpAdapter().getInstance();
  // Every answer any test receives is held to the OpenAPI document (test/support/response-contract.ts).
  let contract: ResponseContract | undefined;
  fastify.addHook('onSend', async (request, reply, payload) => {
    const route = request.routeOptions.url;
    if (contract && route) {
      const test = currentTest();
      contract.check(ResponseContract.operationKey(request.method, route), reply.statusCode, String(reply.getHeader('content-type') ?? ''), typeof payload === 'string' ? payload : undefined, test);
    }
    return payload;
  });
  await app.init();
  await fastify.ready();
  contract = new ResponseContract(JSON.parse((await fastify.inject({ method: 'GET', url: '/api/docs-json' })).body));
  const db = new Pool({ connectionString: database.url, max: 2 });
  const server = app.getHttpServer();
  const authenticated = (user: TestUser) => request.agent(server).set('Authorization', `Bearer ${user.token}`) as unknown as TestAgent;
  const user = await createAccount(db, 'practitioner');
  return {
    app,
    http: authenticated(user),
    user,
    async as(role: UserRole, email?: string) {
      const other = await createAccount(db, role, email);
      return { ...other, http: authenticated(other) };
    },
    db,
    queries,
    databaseUrl: database.appUrl,
    ownerUrl: database.url,
    allowUndocumentedStatus(status: number) {
      contract!.allow(currentTest(), status);
    },
    async close() {
      await app.close();
      await db.end();
      await database.drop();
      recordCheckedOperations(contract!.checked, contract!.operations);
      if (contract!.violations.length) {
        throw new Error(`Answers that do not match the OpenAPI document:\n${contract!.violations.join('\n')}`);
      }
    },
  };
}

/** Runs `start` (an app reads its configuration as it starts) with these variables set, then puts the environment back. */
export async function withEnvironment<T>(variables: Record<string, string>, start: () => Promise<T>): Promise<T> {
  const saved = Object.fromEntries(Object.keys(variables).map((name) => [name, process.env[name]]));
  Object.assign(process.env, variables);
  try {
    return await start();
  } finally {
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  }
}
