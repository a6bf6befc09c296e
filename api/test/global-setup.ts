import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { ensureLoginRole, grantAppRole } from '../src/database/database-roles';
import { startEmbeddedPostgres } from '../src/database/embedded-postgres';
import { runMigrations } from '../src/database/run-migrations';
import { adminQuery, TEMPLATE_DATABASE, TEST_APP_PASSWORD, TEST_APP_ROLE, withDatabase } from './test-database';

/**
 * Starts one PostgreSQL for the whole run (embedded, or the server in DATABASE_URL), migrates a
 * template database once as the owner, grants the app's restricted role its rights on it, and tells
 * the test files where it is. Each file clones the template; the apps under test log in as that role.
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
  await ensureLoginRole(serverUrl, TEST_APP_ROLE, TEST_APP_PASSWORD);
  await grantAppRole(withDatabase(serverUrl, TEMPLATE_DATABASE), TEST_APP_ROLE);
  process.env.SOUNDINGS_TEST_SERVER_URL = serverUrl;
  // One key for the run: apps in child processes (oidc.e2e) inherit it and share one chain.
  process.env.AUDIT_HMAC_KEY ||= randomBytes(32).toString('hex');
  process.env.SOUNDINGS_CONTRACT_DIR = fs.mkdtempSync(path.join(os.tmpdir(), 'soundings-contract-'));
}
