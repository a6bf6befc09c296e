import type { AppConfig } from '../config/app-config';
import { describeRole, EMBEDDED_APP_ROLE, embeddedAppRolePassword, ensureLoginRole, grantAppRole, withLogin } from './database-roles';
import { EmbeddedDatabase, startEmbeddedPostgres } from './embedded-postgres';
import { runMigrations } from './run-migrations';

export interface PreparedDatabase {
  /** What the app connects as: a role that may only read and append to the audit trail. */
  appUrl: string;
  /** The owner, for migrations. */
  ownerUrl: string;
  /** Migrations applied now. */
  applied: string[];
  embedded?: EmbeddedDatabase;
}

/**
 * Finds the two roles (embedded: its superuser owns, `soundings_app` is made with a password kept in
 * the data folder; external: DATABASE_OWNER_URL owns and DATABASE_URL is the app), migrates as the
 * owner and grants the app role its rights. DATABASE_URL alone still works, as the owner, with a warning.
 */
export async function prepareDatabase(config: AppConfig, log: (line: string) => void, database = 'soundings'): Promise<PreparedDatabase> {
  let embedded: EmbeddedDatabase | undefined;
  let ownerUrl: string;
  let appUrl: string;
  if (!config.databaseUrl) {
    if (config.databaseOwnerUrl) log('DATABASE_OWNER_URL is ignored without DATABASE_URL: using the embedded PostgreSQL');
    log(`No DATABASE_URL: starting the embedded PostgreSQL (data in ${config.dataDir})`);
    embedded = await startEmbeddedPostgres({ dataDir: config.dataDir, database, log });
    ownerUrl = embedded.url;
    const password = embeddedAppRolePassword(config.dataDir);
    await ensureLoginRole(ownerUrl, EMBEDDED_APP_ROLE, password);
    appUrl = withLogin(ownerUrl, EMBEDDED_APP_ROLE, password);
  } else {
    appUrl = config.databaseUrl;
    ownerUrl = config.databaseOwnerUrl ?? config.databaseUrl;
  }

  try {
    const applied = await migrateAsOwner(ownerUrl, Boolean(config.databaseOwnerUrl || embedded));
    const app = await describeRole(appUrl);
    const owner = ownerUrl === appUrl ? app : await describeRole(ownerUrl);
    if (app.role !== owner.role) await grantAppRole(ownerUrl, app.role);
    if (app.mayRewriteAudit) {
      log(
        `WARNING: DATABASE_URL logs in as "${app.role}", which owns the audit trail (or is a superuser) and so could rewrite or delete ` +
          'its entries. Give the app a role of its own and set DATABASE_OWNER_URL for migrations: see "Database roles" in README.md.',
      );
    }
    return { appUrl, ownerUrl, applied, embedded };
  } catch (error) {
    await embedded?.stop();
    throw error;
  }
}

async function migrateAsOwner(ownerUrl: string, ownerGiven: boolean): Promise<string[]> {
  try {
    return await runMigrations(ownerUrl);
  } catch (error) {
    if ((error as { code?: string }).code === '42501' && !ownerGiven) {
      throw new Error(
        "DATABASE_URL's role may not change the schema, and migrations are pending: set DATABASE_OWNER_URL to the role that owns the tables.",
      );
    }
    throw error;
  }
}
