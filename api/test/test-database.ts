import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { withLogin } from '../src/database/database-roles';

export const TEMPLATE_DATABASE = 'soundings_test_template';

/**
 * The tests' app role: like production's, it may only read and append to the audit trail (granted on
 * the template, so every clone has it). A test server's own role, so a fixed password is fine.
 */
export const TEST_APP_ROLE = 'soundings_test_app';
export const TEST_APP_PASSWORD = 'soundings-test-app';

/** A connection URL for another database on the same server. */
export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

export async function adminQuery(serverUrl: string, sql: string): Promise<void> {
  const client = new Client({ connectionString: withDatabase(serverUrl, 'postgres') });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/**
 * Drops a test database once its connections are gone. A pool that has ended may still have a backend
 * finishing its last statement; forcing it off right away would hand that client an error mid-test.
 */
export async function dropDatabase(serverUrl: string, name: string): Promise<void> {
  const client = new Client({ connectionString: withDatabase(serverUrl, 'postgres') });
  await client.connect();
  try {
    for (let waited = 0; waited < 5_000; waited += 50) {
      const { rows } = await client.query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1`, [name]);
      if (rows[0].n === 0) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  } finally {
    await client.end();
  }
}

/**
 * A fresh, migrated database cloned from the template: fast, and isolated from every other test file.
 * `url` logs in as the owner (to arrange data, or to tamper as an attacker with database access would),
 * `appUrl` as the app's restricted role.
 */
export async function createTestDatabase(serverUrl: string): Promise<{ url: string; appUrl: string; drop(): Promise<void> }> {
  const name = `soundings_test_${randomBytes(6).toString('hex')}`;
  await adminQuery(serverUrl, `CREATE DATABASE ${name} TEMPLATE ${TEMPLATE_DATABASE}`);
  return {
    url: withDatabase(serverUrl, name),
    appUrl: withLogin(withDatabase(serverUrl, name), TEST_APP_ROLE, TEST_APP_PASSWORD),
    drop: () => dropDatabase(serverUrl, name),
  };
}
