import { randomBytes } from 'node:crypto';
import type { Client } from 'pg';
import { readAppConfig } from '../src/config/app-config';
import { withClient, withLogin } from '../src/database/database-roles';
import { prepareDatabase } from '../src/database/prepare-database';
import { adminQuery, dropDatabase, TEST_APP_PASSWORD, TEST_APP_ROLE, withDatabase } from './test-database';

/** Starting against an external PostgreSQL: which role migrates, which one the app gets, what is said. */
describe('preparing an external database', () => {
  const serverUrl = process.env.SOUNDINGS_TEST_SERVER_URL!;
  let name: string;
  let ownerUrl: string;
  let appUrl: string;
  beforeEach(async () => {
    name = `soundings_roles_${randomBytes(6).toString('hex')}`;
    await adminQuery(serverUrl, `CREATE DATABASE ${name}`);
    ownerUrl = withDatabase(serverUrl, name);
    appUrl = withLogin(ownerUrl, TEST_APP_ROLE, TEST_APP_PASSWORD);
  });
  afterEach(() => dropDatabase(serverUrl, name));

  const prepare = (env: Record<string, string>, log: (line: string) => void = () => undefined) =>
    prepareDatabase(readAppConfig({ ...env, DATA_DIR: '/nonexistent-data-dir-not-used' }), log);

  const asApp = <T>(work: (client: Client) => Promise<T>): Promise<T> => withClient(appUrl, work);

  it("stops with a message naming DATABASE_OWNER_URL when DATABASE_URL's role may not migrate", async () => {
    await expect(prepare({ DATABASE_URL: appUrl })).rejects.toThrow(/set DATABASE_OWNER_URL to the role that owns the tables/);
  });

  it('migrates as DATABASE_OWNER_URL and gives the DATABASE_URL role the data, but only reading and appending on the trail', async () => {
    const lines: string[] = [];
    const prepared = await prepare({ DATABASE_URL: appUrl, DATABASE_OWNER_URL: ownerUrl }, (line) => lines.push(line));
    expect(prepared).toMatchObject({ appUrl, ownerUrl, applied: expect.arrayContaining(['KeyedAuditChain1764310000000']) });
    expect(lines.join('\n')).not.toMatch(/WARNING/);
    await asApp(async (client) => {
      await client.query(`INSERT INTO stakeholders (name, search_text) VALUES ('Role Check', 'role check')`);
      await expect(client.query(`DELETE FROM audit_log`)).rejects.toThrow(/permission denied/);
    });
    // Later starts leave it working (the app role alone, nothing pending).
    await expect(prepare({ DATABASE_URL: appUrl })).resolves.toMatchObject({ applied: [] });
  });

  it('still runs with DATABASE_URL alone as the owner, and warns that it could rewrite the trail', async () => {
    const lines: string[] = [];
    await prepare({ DATABASE_URL: ownerUrl }, (line) => lines.push(line));
    expect(lines.join('\n')).toMatch(/WARNING: DATABASE_URL logs in as "\w+", which owns the audit trail/);
  });
});
