import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Pool } from 'pg';
import request from 'supertest';
import type TestAgent from 'supertest/lib/agent';
import type { Logger as TypeOrmLogger } from 'typeorm';
import type { UserRole } from '@soundings/shared';
import { createApp, CreateAppOptions } from '../src/app.factory';
import { digest, newSecret } from '../src/auth/tokens';
import { createTestDatabase } from './test-database';

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
   * rate-limit counter every request updates (one statement each, held to that in rate-limits.e2e).
   */
  async count(work: () => Promise<unknown>): Promise<number> {
    const before = this.statements.length;
    await work();
    return this.statements
      .slice(before)
      .filter((sql) => !/^(START TRANSACTION|BEGIN|COMMIT|ROLLBACK)/i.test(sql.trim()) && !sql.includes('INSERT INTO rate_limit_windows')).length;
  }
}

export interface TestApp {
  app: NestFastifyApplication;
  http: TestAgent;
  /** Direct SQL on the test database, for arranging data and checking what was stored. */
  db: Pool;
  queries: QueryCounter;
  databaseUrl: string;
  /** The practitioner `http` acts as. */
  user: TestUser;
  /** Another account with its own API token, for role and access tests. */
  as(role: UserRole, email?: string): Promise<TestUser & { http: TestAgent }>;
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
  const app = await createApp({ logLevels: false, ...options, databaseUrl: database.url, queryLogger: queries });
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
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
    databaseUrl: database.url,
    async close() {
      await app.close();
      await db.end();
      await database.drop();
    },
  };
}
