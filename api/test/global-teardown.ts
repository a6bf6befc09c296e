import fs from 'node:fs';
import type { EmbeddedDatabase } from '../src/database/embedded-postgres';
import { checkedOperationsSummary } from './support/response-contract';
import { adminQuery, TEMPLATE_DATABASE } from './test-database';

export default async function globalTeardown(): Promise<void> {
  const contractDir = process.env.SOUNDINGS_CONTRACT_DIR;
  if (contractDir) {
    const summary = checkedOperationsSummary(contractDir);
    if (summary) process.stdout.write(`\n${summary}\n`);
    fs.rmSync(contractDir, { recursive: true, force: true });
  }
  const started = (globalThis as Record<string, unknown>).__SOUNDINGS_TEST_PG__ as { embedded: EmbeddedDatabase; dataDir: string } | undefined;
  if (started) {
    await started.embedded.stop();
    // Run as root from a private folder, the cluster lives elsewhere (see cluster-placement).
    fs.rmSync(started.embedded.databaseDir, { recursive: true, force: true });
    fs.rmSync(started.dataDir, { recursive: true, force: true });
  } else if (process.env.SOUNDINGS_TEST_SERVER_URL) {
    await adminQuery(process.env.SOUNDINGS_TEST_SERVER_URL, `DROP DATABASE IF EXISTS ${TEMPLATE_DATABASE} WITH (FORCE)`);
  }
}
