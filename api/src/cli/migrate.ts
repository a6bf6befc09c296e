import 'reflect-metadata';
import { readAppConfig } from '../config/app-config';
import { prepareDatabase } from '../database/prepare-database';

/**
 * `npm run migrate`: applies pending migrations as the owner (DATABASE_OWNER_URL, else DATABASE_URL,
 * else the embedded database) and grants the app's role its rights.
 */
async function migrate(): Promise<void> {
  const { applied, embedded } = await prepareDatabase(readAppConfig(), (line) => console.log(line));
  console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'The database is up to date.');
  await embedded?.stop();
}

migrate().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
