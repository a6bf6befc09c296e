import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Pool } from 'pg';
import request from 'supertest';
import type TestAgent from 'supertest/lib/agent';
import type { Logger as TypeOrmLogger } from 'typeorm';
import { createApp, CreateAppOptions } from '../src/app.factory';
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

  /** Runs `work` and returns how many statements it sent, ignoring transaction control. */
  async count(work: () => Promise<unknown>): Promise<number> {
    const before = this.statements.length;
    await work();
    return this.statements.slice(before).filter((sql) => !/^(START TRANSACTION|BEGIN|COMMIT|ROLLBACK)/i.test(sql.trim())).length;
  }
}

export interface TestApp {
  app: NestFastifyApplication;
  http: TestAgent;
  /** Direct SQL on the test database, for arranging data and checking what was stored. */
  db: Pool;
  queries: QueryCounter;
  databaseUrl: string;
  close(): Promise<void>;
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
  return {
    app,
    http: request(app.getHttpServer()),
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
