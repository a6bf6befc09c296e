import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';

/**
 * Two database roles: the owner, who runs migrations and owns every table, and the app's own login
 * role, which may read and write the data but only read and append to the audit trail. An app role
 * that cannot update, delete, truncate or alter `audit_log` (nor switch off its trigger, which needs
 * ownership) cannot rewrite history, whatever a bug or a stolen password lets it run.
 */

/** The app's role in the embedded PostgreSQL (whose superuser is the owner). */
export const EMBEDDED_APP_ROLE = 'soundings_app';
const EMBEDDED_APP_PASSWORD_FILE = 'app-role.password';

/** Runs `work` on one connection to `url`, closed afterwards. */
export async function withClient<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** `url` logging in as `role` instead. */
export function withLogin(url: string, role: string, password: string): string {
  const parsed = new URL(url);
  parsed.username = encodeURIComponent(role);
  parsed.password = encodeURIComponent(password);
  return parsed.toString();
}

/** The embedded app role's password: made once into the data folder (mode 0600), beside the cluster. */
export function embeddedAppRolePassword(dataDir: string): string {
  const file = path.join(dataDir, EMBEDDED_APP_PASSWORD_FILE);
  fs.mkdirSync(dataDir, { recursive: true });
  try {
    fs.writeFileSync(file, `${randomBytes(24).toString('hex')}\n`, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  return fs.readFileSync(file, 'utf8').trim();
}

/**
 * As a role that may create roles: makes `role` a plain login role with `password` (or resets the
 * password of the existing one). Its rights on tables come from grantAppRole.
 */
export async function ensureLoginRole(adminUrl: string, role: string, password: string): Promise<void> {
  await withClient(adminUrl, async (client) => {
    const attributes = `LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS PASSWORD ${client.escapeLiteral(password)}`;
    const { rowCount } = await client.query(`SELECT 1 FROM pg_roles WHERE rolname = $1`, [role]);
    if (rowCount === 0) {
      try {
        await client.query(`CREATE ROLE ${client.escapeIdentifier(role)} WITH ${attributes}`);
        return;
      } catch (error) {
        // Another process (e.g. `npm run seed:demo` beside `npm start`) made it first.
        if ((error as { code?: string }).code !== '42710') throw error;
      }
    }
    await client.query(`ALTER ROLE ${client.escapeIdentifier(role)} WITH ${attributes}`);
  });
}

/**
 * As the owner, after migrations: what the app's role may do. Everything in one transaction, so the
 * broad grant never stands without the audit tables' exceptions; run at every start, so it is also
 * right after a migration added a table (default privileges cover tables made between starts).
 */
export async function grantAppRole(ownerUrl: string, appRole: string): Promise<void> {
  await withClient(ownerUrl, async (client) => {
    const app = client.escapeIdentifier(appRole);
    await client.query('BEGIN');
    try {
      for (const statement of [
        `GRANT USAGE ON SCHEMA public TO ${app}`,
        `GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${app}`,
        `GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${app}`,
        `ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${app}`,
        `ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO ${app}`,
        // The trail: read and append. Its head moves only through the insert trigger (SECURITY DEFINER).
        `REVOKE UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON audit_log FROM ${app}`,
        `REVOKE INSERT, UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON audit_head FROM ${app}`,
        `GRANT EXECUTE ON FUNCTION audit_head_for_append() TO ${app}`,
        // Sealing: only the chain columns, and the trigger lets them change only on an unsealed entry.
        `GRANT UPDATE (id, prev_hash, hash) ON audit_log TO ${app}`,
        `GRANT EXECUTE ON FUNCTION audit_seal(bigint[], bigint[], text[], text[]) TO ${app}`,
        `REVOKE INSERT, UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON schema_migrations FROM ${app}`,
      ]) {
        await client.query(statement);
      }
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK');
      throw error;
    }
  });
}

/** Who `url` logs in as, and whether that role could rewrite the audit trail (a superuser, or its owner). */
export async function describeRole(url: string): Promise<{ role: string; mayRewriteAudit: boolean }> {
  return withClient(url, async (client) => {
    const { rows } = await client.query(
      `SELECT current_user AS role,
              (SELECT rolsuper FROM pg_roles WHERE rolname = current_user)
              OR coalesce(pg_has_role(current_user, (SELECT relowner FROM pg_class WHERE oid = to_regclass('public.audit_log')), 'USAGE'), false)
                AS may_rewrite`,
    );
    return { role: rows[0].role, mayRewriteAudit: rows[0].may_rewrite };
  });
}
