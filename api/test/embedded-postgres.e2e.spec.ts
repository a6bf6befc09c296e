import { ChildProcess, fork } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';

/**
 * `npm start` from a checkout in a private folder (root's home is 0700). Run as root, PostgreSQL
 * runs as the postgres user, who cannot enter such a folder; the cluster must still start and keep
 * its data across restarts. (Run as anyone else the same test checks the ordinary case.)
 */
describe('the embedded PostgreSQL in a private folder', () => {
  let privateParent: string;
  let postgres: ChildProcess;

  function postgresCommand(message: { command: 'start' } | { command: 'stop' }): Promise<{ url?: string }> {
    return new Promise((resolve, reject) => {
      postgres.once('message', (answer: { url?: string; error?: string }) => (answer.error ? reject(new Error(answer.error)) : resolve(answer)));
      postgres.send(message);
    });
  }

  async function query(url: string, sql: string): Promise<unknown[]> {
    const client = new Client({ connectionString: url });
    await client.connect();
    try {
      return (await client.query(sql)).rows;
    } finally {
      await client.end();
    }
  }

  beforeAll(() => {
    privateParent = fs.mkdtempSync(path.join(os.tmpdir(), 'soundings-private-'));
    fs.mkdirSync(path.join(privateParent, 'nested'), { mode: 0o700 });
    fs.chmodSync(privateParent, 0o700);
  });

  afterAll(async () => {
    if (postgres?.connected) {
      await postgresCommand({ command: 'stop' }).catch(() => undefined);
      postgres.disconnect();
    }
    const link = path.join(privateParent, 'nested', 'checkout', '.data', 'postgres');
    if (fs.lstatSync(link, { throwIfNoEntry: false })?.isSymbolicLink()) fs.rmSync(path.dirname(fs.readlinkSync(link)), { recursive: true, force: true });
    fs.rmSync(privateParent, { recursive: true, force: true });
  }, 30_000);

  it('starts in a data directory two private folders down, and keeps its data across a restart', async () => {
    const dataDir = path.join(privateParent, 'nested', 'checkout', '.data');
    postgres = fork(path.join(__dirname, 'support', 'postgres-process.js'), [dataDir], { stdio: 'inherit' });

    const first = (await postgresCommand({ command: 'start' })).url!;
    await query(first, `CREATE TABLE kept (note text); INSERT INTO kept VALUES ('still here')`);
    await postgresCommand({ command: 'stop' });

    const second = (await postgresCommand({ command: 'start' })).url!;
    expect(await query(second, 'SELECT note FROM kept')).toEqual([{ note: 'still here' }]);
    // Tuned for a two-core machine: no parallel workers, no JIT.
    expect(await query(second, 'SHOW max_parallel_workers_per_gather')).toEqual([{ max_parallel_workers_per_gather: '0' }]);
    expect(await query(second, 'SHOW jit')).toEqual([{ jit: 'off' }]);
    await postgresCommand({ command: 'stop' });

    const cluster = fs.realpathSync(path.join(dataDir, 'postgres'));
    expect(fs.existsSync(path.join(cluster, 'PG_VERSION'))).toBe(true);
    // As root the cluster had to move out of the private folder; the link in .data/ finds it again.
    if (process.getuid?.() === 0) expect(cluster.startsWith(fs.realpathSync(privateParent))).toBe(false);
  }, 90_000);
});
