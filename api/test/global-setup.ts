import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startEmbeddedPostgres } from '../src/database/embedded-postgres';
import { runMigrations } from '../src/database/run-migrations';
import { adminQuery, TEMPLATE_DATABASE, withDatabase } from './test-database';

/**
 * Starts one PostgreSQL for the whole run (embedded, or the server in DATABASE_URL), migrates a
 * template database once, and tells the test files where it is. Each file clones the template.
 */
export default async function globalSetup(): Promise<void> {
  let serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'soundings-test-pg-'));
    const embedded = await startEmbeddedPostgres({ dataDir, database: 'postgres' });
    serverUrl = embedded.url;
    (globalThis as Record<string, unknown>).__SOUNDINGS_TEST_PG__ = { embedded, dataDir };
  }
  await adminQuery(serverUrl, `DROP DATABASE IF EXISTS ${TEMPLATE_DATABASE} WITH (FORCE)`);
  await adminQuery(serverUrl, `CREATE DATABASE ${TEMPLATE_DATABASE}`);
  await runMigrations(withDatabase(serverUrl, TEMPLATE_DATABASE));
  process.env.SOUNDINGS_TEST_SERVER_URL = serverUrl;
  process.env.SOUNDINGS_CONTRACT_DIR = fs.mkdtempSync(path.join(os.tmpdir(), 'soundings-contract-'));
}
