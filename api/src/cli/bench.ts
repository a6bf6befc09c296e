import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { Client } from 'pg';
import type { Logger as TypeOrmLogger } from 'typeorm';
import { createApp } from '../app.factory';
import { RECONCILE_MARKER } from '../rate-limits/shared-request-counts';
import { digest, newSecret } from '../auth/tokens';
import { startEmbeddedPostgres } from '../database/embedded-postgres';
import { runMigrations } from '../database/run-migrations';
import { foldForSearch } from '../stakeholders/search-text';
import { SCALE_DEFAULTS, SCALE_MEETING_TITLES, seedScale } from './seed-scale';

// `npm run bench`: the production build and the bare baseline (bench/baseline/server.mjs) on the same
// scale data, each endpoint loaded on both in alternating rounds with autocannon in its own process.
// The data is `npm run seed:scale`'s, at 20,000 people by default.
// Options: --quick (every endpoint, 1 round of 3 s), --people N, --soundings N, --rounds N, --seconds N,
// --connections N, --warmup N (seconds of unmeasured load per endpoint and server before the first round: 5, none with --quick), --only "list,open fears" (the endpoints whose names contain one of the words), --runs N (the whole load N times over; 2 by default, 1 with --quick, so the API's peak memory can be
// read as flat or not across consecutive runs). DATABASE_URL, when set, is used (and filled) instead of
// the embedded soundings_bench.
// Every write goes to a set of writer people made afresh at the start of each run, so a run leaves the
// scale data as it found it and the next one measures the same campaign.

const ROOT = path.resolve(__dirname, '..', '..', '..', '..', '..');

function option(name: string, fallback: number, least = 1): number {
  const at = process.argv.indexOf(`--${name}`);
  if (at < 0) return fallback;
  const value = Number(process.argv[at + 1]);
  if (!Number.isInteger(value) || value < least) throw new Error(`--${name} takes a whole number of at least ${least}`);
  return value;
}
const QUICK = process.argv.includes('--quick');
const PEOPLE = option('people', 20_000);
const SOUNDINGS = option('soundings', PEOPLE * 10);
const ROUNDS = option('rounds', QUICK ? 1 : 3);
const SECONDS = option('seconds', QUICK ? 3 : 10);
const CONNECTIONS = option('connections', 20);
// A server that has run for days has its hot paths compiled; an endpoint's first seconds measure the JIT, and
// more of it for the bigger program. Both servers get the same unmeasured load first.
const WARMUP_SECONDS = option('warmup', QUICK ? 0 : 5, 0);
// A quick look loads once; the full run loads twice, so its peak memory can be read as flat or not.
const RUNS = option('runs', QUICK ? 1 : 2);
/** --only WORDS: just the endpoints whose name contains one of the comma-separated WORDS (for working on a few). */
const ONLY = process.argv.includes('--only') ? String(process.argv[process.argv.indexOf('--only') + 1] ?? '').split(',').map((word) => word.trim()).filter(Boolean) : [];
const WRITERS = 500;
const WRITER_EMAIL_DOMAIN = '@writers.bench.invalid';
/** Each request of the write names its person by this placeholder, replaced by a writer's id when sent. */
export const WRITER = '00000000-0000-4000-8000-000000000000';

class StatementCounter implements TypeOrmLogger {
  count = 0;
  logQuery(query: string): void {
    // The rate limit's once-a-second reconciliation is background work, not part of any request.
    if (!query.includes(RECONCILE_MARKER)) this.count += 1;
  }
  logQueryError(): void {}
  logQuerySlow(): void {}
  logSchemaBuild(): void {}
  logMigration(): void {}
  log(): void {}
}

const FIRST_NAMES = ['Zoë', 'Amira', 'Ben', 'Chen', 'Dmitri', 'Élodie', 'Femi', 'Grace'];

/**
 * A campaign of `people` people and about `soundings` soundings (with fears, level history and the
 * latest level on each person, derived as the API would), two meetings of 30 and 300 attendees and
 * 2,000 briefings. search_text is folded as the app folds it, so "zoe" finds the Zoës.
 */
export async function load(databaseUrl: string, people = PEOPLE, soundings = SOUNDINGS): Promise<void> {
  const perPerson = Math.max(1, Math.round(soundings / people));
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  const started = Date.now();
  try {
    await db.query('BEGIN');
    await db.query(
      `INSERT INTO stakeholders (name, title, email, business_function, role, potential_champion, influence, search_text, required_commitment, created_at)
       SELECT n.first || ' Person' || g, 'Manager ' || g, 'person' || g || '@example.com',
              (ARRAY['Finance','IT','Sales','Operations','HR'])[1 + g % 5],
              (ARRAY['top_team','senior_leader','line_manager','line_manager','other'])[1 + g % 5],
              g % 3 = 0, 1 + g % 5,
              n.folded || ' person' || g || ' manager ' || g || ' person' || g || '@example.com ' || lower((ARRAY['Finance','IT','Sales','Operations','HR'])[1 + g % 5]),
              'committed', now() - interval '400 days'
         FROM generate_series(1, $1) g
         CROSS JOIN LATERAL (SELECT ($2::text[])[1 + g % 8] AS first, ($3::text[])[1 + g % 8] AS folded) n`,
      [people, FIRST_NAMES, FIRST_NAMES.map(foldForSearch)],
    );
    await db.query(
      `INSERT INTO soundings (stakeholder_id, held_on, summary, developmental_experience, commitment_after, next_step, follow_up_on, created_at)
       SELECT s.id, d.held_on, 'Talked about the coaching pilot and what it would mean for the team (' || k || ')',
              'A first manager who asked more than told.',
              (ARRAY['sounded','open','supportive','committed','public_champion','resistant'])[1 + (k + abs(hashtext(s.id::text))) % 6],
              'Send the brief', d.held_on + 21, now() - (k || ' minutes')::interval
         FROM stakeholders s
         CROSS JOIN generate_series(1, $1) k
         CROSS JOIN LATERAL (SELECT org_today() - (k * 30 + abs(hashtext(s.id::text)) % 30) AS held_on) d`,
      [perPerson],
    );
    await db.query(
      `INSERT INTO fears (stakeholder_id, sounding_id, statement, category, status, voiced_on, resolved_on)
       SELECT so.stakeholder_id, so.id, 'No time for this (' || so.id || ')',
              (ARRAY['time_and_workload','personal_exposure','loss_of_control','doubt_about_value','cost_and_budget','culture_fit','other'])[1 + abs(hashtext(so.id::text)) % 7],
              CASE WHEN abs(hashtext(so.id::text)) % 3 = 0 THEN 'resolved' ELSE 'open' END, so.held_on,
              CASE WHEN abs(hashtext(so.id::text)) % 3 = 0 THEN so.held_on + 7 END
         FROM soundings so WHERE abs(hashtext(so.id::text)) % 2 = 0`,
    );
    // The same derivation the API does per person, set-based for the whole load.
    await db.query(
      `INSERT INTO commitment_changes (stakeholder_id, to_level, changed_on, sounding_id, created_at)
       SELECT stakeholder_id, level, held_on, id, created_at FROM (
         SELECT id, stakeholder_id, commitment_after AS level, held_on, created_at,
                lag(commitment_after, 1, 'not_sounded') OVER (PARTITION BY stakeholder_id ORDER BY held_on, created_at) AS previous_level
           FROM soundings) walked
        WHERE level <> previous_level`,
    );
    await db.query(
      `UPDATE stakeholders s SET commitment = latest.commitment_after, commitment_since = latest.held_on,
              last_contact_at = latest.held_on, next_follow_up_on = latest.follow_up_on
         FROM (SELECT DISTINCT ON (stakeholder_id) stakeholder_id, commitment_after, held_on, follow_up_on
                 FROM soundings ORDER BY stakeholder_id, held_on DESC, created_at DESC) latest
        WHERE s.id = latest.stakeholder_id`,
    );
    for (const attendees of [30, 300]) {
      await db.query(
        `WITH m AS (INSERT INTO meetings (title, scheduled_for, purpose) VALUES ($1, now() + interval '7 days', 'Decide the coaching strategy') RETURNING id)
         INSERT INTO meeting_attendees (meeting_id, stakeholder_id)
         SELECT m.id, s.id FROM m, (SELECT id FROM stakeholders ORDER BY role = 'top_team' DESC, id LIMIT $2) s`,
        [meetingTitle(attendees), attendees],
      );
    }
    await db.query(
      `INSERT INTO briefings (briefer_id, audience_id, planned_for, brief, status, outcome)
       SELECT b.id, a.id, now() + ((g % 90) - 30) * interval '1 day' + (g % 8) * interval '1 hour', 'Why coaching now',
              CASE WHEN g % 90 < 30 THEN 'done' ELSE 'planned' END, CASE WHEN g % 90 < 30 THEN 'Heard it out' END
         FROM generate_series(1, 2000) g
         JOIN LATERAL (SELECT id FROM stakeholders ORDER BY id OFFSET (g * 7) % $1 LIMIT 1) b ON true
         JOIN LATERAL (SELECT id FROM stakeholders ORDER BY id OFFSET (g * 13 + 1) % $1 LIMIT 1) a ON true
        WHERE a.id <> b.id`,
      [people],
    );
    await db.query('COMMIT');
    // A loaded table in steady state: autovacuum would have set the visibility map by now.
    await db.query('VACUUM (ANALYZE)');
    const [{ count }] = (await db.query('SELECT count(*)::int AS count FROM soundings')).rows;
    log(`Loaded ${people} people, ${count} soundings in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  } finally {
    await db.end();
  }
}

function meetingTitle(attendees: number): string {
  return `Bench: the top team and ${attendees} attendees`;
}

function log(line: string): void {
  process.stderr.write(`${line}\n`);
}

/** A practitioner account and API token for the load, made straight in the database. */
export async function createBenchToken(databaseUrl: string): Promise<string> {
  return (await createBenchCredentials(databaseUrl)).token;
}

/**
 * The bench account's API token and a signed-in web session (the web app's own credential: a cookie
 * looked up in `sessions`), made straight in the database. Earlier runs' tokens and sessions are removed.
 */
export async function createBenchCredentials(databaseUrl: string): Promise<{ token: string; sessionCookie: string }> {
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    const token = newSecret('snd_');
    const session = newSecret('');
    const { rows } = await db.query(
      `INSERT INTO users (email, role) VALUES ('bench@soundings.invalid', 'practitioner')
       ON CONFLICT (lower(email)) DO UPDATE SET active = true RETURNING id`,
    );
    await db.query(`DELETE FROM api_tokens WHERE user_id = $1`, [rows[0].id]);
    // The last run's requests may still fill this minute's window (a run stopped and started again at once), and the
    // in-process copy that counts statements keeps the normal limit: it would be turned away with 429.
    await db.query(`DELETE FROM rate_limit_windows`);
    await db.query(`DELETE FROM sessions WHERE user_id = $1`, [rows[0].id]);
    await db.query(`INSERT INTO api_tokens (user_id, name, token_hash) VALUES ($1, 'bench', $2)`, [rows[0].id, digest(token)]);
    await db.query(
      `INSERT INTO sessions (id, user_id, csrf_token, expires_at, client_address, user_agent)
       VALUES ($1, $2, $3, now() + interval '1 day', '127.0.0.1', 'bench')`,
      [digest(session), rows[0].id, newSecret('')],
    );
    return { token, sessionCookie: `soundings_session=${session}` };
  } finally {
    await db.end();
  }
}

/**
 * The people the write endpoint logs soundings for: the last run's are deleted (their soundings, fears and
 * level history with them) and as many made afresh, named to sort after everyone on page 1. Cheap: one
 * delete and one insert, whatever the scale.
 */
export async function resetWriters(databaseUrl: string): Promise<string[]> {
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    await db.query('BEGIN');
    await db.query(`DELETE FROM stakeholders WHERE email LIKE $1`, [`%${WRITER_EMAIL_DOMAIN}`]);
    const { rows } = await db.query(
      `INSERT INTO stakeholders (name, email, role, search_text)
       SELECT 'Zz Writer ' || lpad(g::text, 4, '0'), 'writer' || g || $2, 'other', 'zz writer ' || lpad(g::text, 4, '0') || ' writer' || g || $2
         FROM generate_series(1, $1) g
       RETURNING id`,
      [WRITERS, WRITER_EMAIL_DOMAIN],
    );
    await db.query('COMMIT');
    return rows.map((row: { id: string }) => row.id).sort();
  } finally {
    await db.end();
  }
}

/** The flags `npm run serve`, `npm start` and the Dockerfile start the API with (package.json). */
function productionNodeFlags(): string[] {
  const serve: string = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).scripts.serve;
  return serve.split(/\s+/).filter((word) => word.startsWith('--'));
}

const SERVER_ENV = { RATE_LIMIT_PER_MINUTE: '1000000000', HOST: '127.0.0.1', PORT: '0' };

/** The API as its own process, as in production, so the load generator does not share its event loop. */
export async function startServer(databaseUrl: string, env: NodeJS.ProcessEnv = {}): Promise<{ base: string; server: ChildProcess }> {
  return startChild([...productionNodeFlags(), path.join(__dirname, '..', 'main.js')], { ...process.env, ...SERVER_ENV, ...env, DATABASE_URL: databaseUrl }, /running at (http:\/\/\S+?) /);
}

function startChild(args: string[], env: NodeJS.ProcessEnv, listening: RegExp): Promise<{ base: string; server: ChildProcess }> {
  const server = spawn(process.execPath, args, { env, stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let output = '';
    server.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = listening.exec(output);
      if (match) resolve({ base: match[1].replace('localhost', '127.0.0.1'), server });
    });
    server.once('exit', (code) => reject(new Error(`${args[0]} exited with ${code} before listening:\n${output}`)));
  });
}

function memoryMiB(pid: number, field: 'VmRSS' | 'VmHWM'): number | null {
  try {
    const match = new RegExp(`${field}:\\s+(\\d+) kB`).exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) / 1024 : null;
  } catch {
    return null;
  }
}

const CLOCK_TICKS_PER_SECOND = 100;

/**
 * User plus system CPU a process has used so far, in ms (Linux /proc); 0 once it is gone. With `reapedChildren`,
 * also what its children that ended and were waited for used (cutime and cstime).
 */
function cpuMsOf(pid: number, { reapedChildren = false } = {}): number {
  try {
    // The command name may hold spaces; the fields after its closing parenthesis do not.
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]) + (reapedChildren ? Number(fields[13]) + Number(fields[14]) : 0);
    return (ticks * 1000) / CLOCK_TICKS_PER_SECOND;
  } catch {
    return 0;
  }
}

/**
 * CPU used so far by every PostgreSQL process on this machine (the bench's database has the box to itself). A
 * backend that ends during a load (a pool closing an idle connection) leaves the process list, but the postmaster
 * that reaps it adds its CPU to its children's total, which is counted too: without it the sum could go down.
 */
function postgresCpuMs(): number {
  let total = 0;
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (fs.readFileSync(`/proc/${entry}/comm`, 'utf8').trim() === 'postgres') total += cpuMsOf(Number(entry), { reapedChildren: true });
    } catch {
      // The process ended between the listing and the read.
    }
  }
  return total;
}

/**
 * Sets the process's high-water mark back to its current RSS (Linux's clear_refs), so VmHWM read after a load is the
 * peak of that load alone, not a moment between the 200 ms samples nor the answer comparison before it. False where
 * the kernel does not allow it; the samples are then all there is.
 */
function resetHighWaterMark(pid: number): boolean {
  try {
    fs.writeFileSync(`/proc/${pid}/clear_refs`, '5');
    return true;
  } catch {
    return false;
  }
}

export interface Target {
  name: string;
  path: string;
  write?: boolean;
  /** Signed in as the web app is, with the session cookie, instead of the API token. */
  session?: boolean;
}

interface Load {
  rps: number;
  p50: number;
  p99: number;
  failed: number;
  total: number;
  /** CPU per completed request, in ms: the API process's own, and PostgreSQL's (all its backends). */
  apiCpuMs?: number;
  databaseCpuMs?: number;
}

/** Runs one load and charges the CPU the server and PostgreSQL used meanwhile to its requests. */
async function measuredLoad(pid: number, load: () => Promise<Load>): Promise<Load> {
  const [api, database] = [cpuMsOf(pid), postgresCpuMs()];
  const result = await load();
  const perRequest = (ms: number) => (result.total > 0 ? Math.round((ms / result.total) * 1000) / 1000 : undefined);
  return { ...result, apiCpuMs: perRequest(cpuMsOf(pid) - api), databaseCpuMs: perRequest(postgresCpuMs() - database) };
}

/**
 * Waits until no statement runs in the database but this one. Autocannon stops at the end of a round, but
 * a server keeps working through the requests it had taken: after a round of multi-second requests
 * (the dashboard, the plan) ten such statements run on for seconds and would be charged to whichever
 * server is loaded next. Past `limitMs` the round starts anyway and says so.
 */
async function untilDatabaseQuiet(db: Client, label: string, limitMs = 60_000): Promise<void> {
  const started = Date.now();
  for (;;) {
    const { rows } = await db.query(
      `SELECT count(*)::int AS busy FROM pg_stat_activity
        WHERE datname = current_database() AND state NOT IN ('idle', 'idle in transaction') AND pid <> pg_backend_pid() AND backend_type = 'client backend'`,
    );
    if (rows[0].busy === 0) return;
    if (Date.now() - started > limitMs) return log(`${label}: ${rows[0].busy} statement(s) still running after ${limitMs / 1000} s; loading anyway`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function runLoad(base: string, target: Target, headers: Record<string, string>, bodiesFile: string, offset: number, seconds = SECONDS): Promise<Load> {
  const options = {
    url: base + target.path,
    connections: CONNECTIONS,
    duration: seconds,
    headers,
    ...(target.write ? { bodiesFile, offset } : {}),
  };
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(ROOT, 'bench', 'autocannon-run.cjs'), JSON.stringify(options)], { stdio: ['ignore', 'pipe', 'inherit'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => {
      if (code !== 0) return reject(new Error(`autocannon exited with ${code}`));
      const result = JSON.parse(output.trim().split('\n').pop()!);
      resolve({
        // Completed requests over the round, so a round where few finish still counts them.
        rps: result.requests.total / result.duration,
        p50: result.latency.p50,
        p99: result.latency.p99,
        failed: result.non2xx + result.errors + result.timeouts,
        total: result.requests.total,
      });
    });
  });
}

/** Values that differ between two equally correct answers to the same write. */
const GENERATED = new Set(['id', 'soundingId', 'createdAt', 'updatedAt']);
function withoutGenerated(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutGenerated);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).filter(([key]) => !GENERATED.has(key)).map(([key, inner]) => [key, withoutGenerated(inner)]));
  }
  return value;
}

function differences(a: unknown, b: unknown, at = '$', found: string[] = []): string[] {
  if (found.length >= 8 || isDeepStrictEqual(a, b)) return found;
  if (a && b && typeof a === 'object' && typeof b === 'object' && Array.isArray(a) === Array.isArray(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const key of keys) differences((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key], `${at}.${key}`, found);
    return found;
  }
  found.push(`${at}: Soundings ${JSON.stringify(a)?.slice(0, 120)} / bare ${JSON.stringify(b)?.slice(0, 120)}`);
  return found;
}

async function call(base: string, target: Target, headers: Record<string, string>, body?: unknown): Promise<{ status: number; text: string }> {
  const response = await fetch(base + target.path, {
    method: target.write ? 'POST' : 'GET',
    headers: target.write ? { ...headers, 'content-type': 'application/json' } : headers,
    body: target.write ? JSON.stringify(body) : undefined,
  });
  return { status: response.status, text: await response.text() };
}

export function soundingBody(): unknown {
  return {
    heldOn: new Date().toISOString().slice(0, 10),
    summary: 'Talked through the pilot timetable',
    commitmentAfter: 'open',
    nextStep: 'Send the one-page brief',
    fears: [
      { statement: 'No time for coaching in the busy season', category: 'time_and_workload' },
      { statement: 'Looks like a cost we cannot justify', category: 'cost_and_budget' },
    ],
  };
}

/** The bench database: DATABASE_URL when set, else the embedded soundings_bench in `dataDir` (.data/bench unless given). */
export async function prepareDatabase(dataDir = path.join(ROOT, '.data', 'bench')): Promise<{ databaseUrl: string; stop: () => Promise<void> }> {
  if (process.env.DATABASE_URL) return { databaseUrl: process.env.DATABASE_URL, stop: async () => undefined };
  const embedded = await startEmbeddedPostgres({ dataDir, database: 'soundings_bench', log });
  return { databaseUrl: embedded.url, stop: () => embedded.stop() };
}

/** The scale data of this size, loaded once and reused while the database holds exactly that many people. */
export async function ensureData(databaseUrl: string, wanted = PEOPLE, soundings = SOUNDINGS): Promise<void> {
  await runMigrations(databaseUrl);
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  let people: number;
  let scaleMeeting: boolean;
  let written: boolean;
  try {
    people = (await db.query(`SELECT count(*)::int AS people FROM stakeholders WHERE email IS NULL OR email NOT LIKE $1`, [`%${WRITER_EMAIL_DOMAIN}`])).rows[0]
      .people;
    scaleMeeting = (await db.query(`SELECT 1 FROM meetings WHERE title = $1`, [SCALE_MEETING_TITLES.thirty])).rows.length > 0;
    // Soundings the bench logged for scale people (before writes went to the writers) changed what the reads measure.
    written = (
      await db.query(
        `SELECT EXISTS (SELECT 1 FROM soundings so JOIN users u ON u.id = so.author_id AND u.email = 'bench@soundings.invalid'
                          JOIN stakeholders s ON s.id = so.stakeholder_id WHERE s.email IS NULL OR s.email NOT LIKE $1) AS written`,
        [`%${WRITER_EMAIL_DOMAIN}`],
      )
    ).rows[0].written;
  } finally {
    await db.end();
  }
  if (people === wanted && scaleMeeting && !written) return log(`Reusing the bench database: ${people} people`);
  if (written) log(`The bench database holds soundings an earlier bench logged for its people: loading it afresh`);
  else if (people > 0) log(`The bench database holds ${people} people, not ${wanted} of the scale set: loading it afresh`);
  const started = Date.now();
  const sizes = {
    people: wanted,
    soundings,
    // In the proportions of the default scale set.
    fears: Math.round((soundings * SCALE_DEFAULTS.fears) / SCALE_DEFAULTS.soundings),
    briefings: SCALE_DEFAULTS.briefings,
    meetings: Math.max(2, Math.round((wanted * SCALE_DEFAULTS.meetings) / SCALE_DEFAULTS.people)),
    maxAttendees: SCALE_DEFAULTS.maxAttendees,
  };
  let shown = '';
  await seedScale(databaseUrl, sizes, (step, done, total) => {
    const line = `loading ${step}: ${Math.round((100 * done) / Math.max(total, 1))} %`;
    if (line !== shown) log((shown = line));
  }, { force: people > 0 });
  log(`Loaded ${wanted} people, ${soundings} soundings in ${((Date.now() - started) / 1000).toFixed(0)} s`);
}

export function auditKey(): string {
  if (process.env.AUDIT_HMAC_KEY) return process.env.AUDIT_HMAC_KEY;
  // Both servers and the in-process counter write to one audit chain, so they share one key, kept with the data.
  const file = path.join(ROOT, '.data', 'bench', 'audit-hmac.key');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  if (!fs.existsSync(file)) fs.writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600 });
  return fs.readFileSync(file, 'utf8').trim();
}

/**
 * The endpoints every benchmark loads, on this database's scale data: the person with the most soundings for the
 * journey and the write, the meetings of 30 and 300 attendees; `everyone` by id, for spreading the writes.
 */
export async function benchTargets(databaseUrl: string): Promise<{ someone: string; everyone: string[]; targets: Target[] }> {
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  const meetings = new Map<number, string>();
  for (const [size, title] of [[30, SCALE_MEETING_TITLES.thirty], [300, SCALE_MEETING_TITLES.largest]] as const) {
    meetings.set(size, (await db.query(`SELECT id FROM meetings WHERE title = $1 LIMIT 1`, [title])).rows[0].id);
  }
  const someone = (await db.query(`SELECT stakeholder_id AS id FROM soundings GROUP BY stakeholder_id ORDER BY count(*) DESC, stakeholder_id LIMIT 1`)).rows[0].id;
  const everyone: string[] = (
    await db.query(`SELECT id FROM stakeholders WHERE email IS NULL OR email NOT LIKE $1 ORDER BY id`, [`%${WRITER_EMAIL_DOMAIN}`])
  ).rows.map((row: { id: string }) => row.id);
  await db.end();
  const targets: Target[] = [
    { name: 'list, page 1', path: '/api/stakeholders' },
    { name: 'list, page 1, web session', path: '/api/stakeholders', session: true },
    { name: 'search "zoe"', path: '/api/stakeholders?q=zoe' },
    { name: 'filter role+commitment, sort', path: '/api/stakeholders?role=line_manager&commitment=open&sort=commitment' },
    { name: 'journey', path: `/api/stakeholders/${someone}/journey` },
    { name: 'readiness, 30', path: `/api/meetings/${meetings.get(30)}/readiness` },
    { name: 'readiness, 300', path: `/api/meetings/${meetings.get(300)}/readiness` },
    { name: 'briefing plan', path: '/api/briefings/plan' },
    { name: 'dashboard', path: '/api/dashboard' },
    { name: 'open fears', path: '/api/fears?status=open' },
    { name: 'log a sounding, 2 fears', path: `/api/stakeholders/${WRITER}/soundings`, write: true },
  ];
  return { someone, everyone, targets };
}

async function main(): Promise<void> {
  const startedAt = Date.now();
  process.env.AUDIT_HMAC_KEY = auditKey();
  const { databaseUrl, stop } = await prepareDatabase();
  const children: ChildProcess[] = [];
  try {
    await ensureData(databaseUrl);
    const { token, sessionCookie } = await createBenchCredentials(databaseUrl);
    const tokenHeaders = { authorization: `Bearer ${token}` };
    const headersFor = (target: Target): Record<string, string> => (target.session ? { cookie: sessionCookie } : tokenHeaders);
    let writers = await resetWriters(databaseUrl);

    const { someone, everyone, targets: allTargets } = await benchTargets(databaseUrl);
    const body = soundingBody();
    const bodiesFile = path.join(ROOT, '.data', 'bench', 'write-bodies.json');
    const writeBodies = () => fs.writeFileSync(bodiesFile, JSON.stringify(writers.map((id) => ({ path: `/api/stakeholders/${id}/soundings`, body }))));
    writeBodies();
    const forPerson = (target: Target, reader: string, writer: string): Target => ({
      ...target,
      path: target.path.replace(someone, reader).replace(WRITER, writer),
    });

    const targets = ONLY.length ? allTargets.filter((target) => ONLY.some((word) => target.name.includes(word))) : allTargets;
    if (targets.length === 0) throw new Error(`--only ${ONLY.join(',')} matches none of: ${allTargets.map((target) => target.name).join(', ')}`);

    // Statements per request, counted in an in-process copy of the app (BEGIN and COMMIT included).
    // Its audit sealer is off (the servers under load seal), so a slow request's count holds only its own statements.
    const counter = new StatementCounter();
    const sealInterval = process.env.AUDIT_SEAL_INTERVAL_MS;
    process.env.AUDIT_SEAL_INTERVAL_MS = '0';
    const counting = await createApp({ databaseUrl, logLevels: ['error'], queryLogger: counter });
    await counting.init();
    if (sealInterval === undefined) delete process.env.AUDIT_SEAL_INTERVAL_MS;
    else process.env.AUDIT_SEAL_INTERVAL_MS = sealInterval;
    await counting.getHttpAdapter().getInstance().ready();
    // The app's start-up jobs (catching up last contact) run on their own; counting starts once it is quiet, or
    // their statements would be charged to the first endpoint counted.
    for (let quiet = 0; quiet < 3; ) {
      const seen = counter.count;
      await new Promise((resolve) => setTimeout(resolve, 200));
      quiet = counter.count === seen ? quiet + 1 : 0;
    }
    const statements = new Map<string, number>();
    for (const target of targets) {
      // The second of two requests: the first also pays for what the app reads once and keeps (settings).
      for (const [i, person] of everyone.slice(-2).entries()) {
        const before = counter.count;
        const headers = headersFor(target);
        const answer = await counting.inject({
          method: target.write ? 'POST' : 'GET',
          url: forPerson(target, person, writers[i]).path,
          headers: target.write ? { ...headers, 'content-type': 'application/json' } : headers,
          payload: target.write ? JSON.stringify(body) : undefined,
        });
        if (answer.statusCode >= 300) throw new Error(`${target.name} answered ${answer.statusCode}: ${answer.body.slice(0, 300)}`);
        statements.set(target.name, counter.count - before);
      }
    }
    await counting.close();

    const soundings = await startServer(databaseUrl, { NODE_ENV: 'production' });
    children.push(soundings.server);
    const bare = await startChild(
      [path.join(ROOT, 'bench', 'baseline', 'server.mjs')],
      { ...process.env, ...SERVER_ENV, DATABASE_URL: databaseUrl, NODE_ENV: 'production' },
      /listening on (http:\/\/\S+)/,
    );
    children.push(bare.server);

    // Same answers first: a ratio between servers that answer differently would mean nothing.
    const bareStatements = new Map<string, number>();
    const mismatches: string[] = [];
    for (const target of targets) {
      const headers = headersFor(target);
      const [a, b] = [await call(soundings.base, forPerson(target, someone, writers[2]), headers, body), await call(bare.base, forPerson(target, someone, writers[2]), headers, body)];
      const counted = async () => ((await (await fetch(`${bare.base}/statements`)).json()) as { statements: number }).statements;
      // The fewest of three: the once-a-second rate-limit reconcile may fall between two readings.
      for (const [i, person] of everyone.slice(-5, -2).entries()) {
        const before = await counted();
        await call(bare.base, forPerson(target, person, writers[4 + i]), headers, body);
        const used = (await counted()) - before;
        bareStatements.set(target.name, Math.min(used, bareStatements.get(target.name) ?? used));
      }
      if (a.status !== b.status) {
        mismatches.push(`${target.name}: Soundings answered ${a.status}, bare ${b.status}: ${a.text.slice(0, 200)} / ${b.text.slice(0, 200)}`);
        continue;
      }
      const [left, right] = target.write ? [withoutGenerated(JSON.parse(a.text)), withoutGenerated(JSON.parse(b.text))] : [JSON.parse(a.text), JSON.parse(b.text)];
      const found = differences(left, right);
      if (found.length > 0) mismatches.push(`${target.name}:\n    ${found.join('\n    ')}`);
      // Key order and spacing too: a reply the baseline serialises differently is not the same work.
      else if (!target.write && a.text !== b.text) mismatches.push(`${target.name}: same values, different bytes (key order or spacing)`);
      else if (target.write && JSON.stringify(Object.keys(JSON.parse(a.text))) !== JSON.stringify(Object.keys(JSON.parse(b.text)))) {
        mismatches.push(`${target.name}: same values, different key order`);
      }
    }
    if (mismatches.length > 0) throw new Error(`The two servers answer differently; fix the baseline first:\n  ${mismatches.join('\n  ')}`);
    log('Both servers answer every endpoint with the same JSON.');
    const highWaterBeforeLoad = Math.round(memoryMiB(soundings.server.pid!, 'VmHWM') ?? 0);

    // The whole load RUNS times against the same two processes: a peak that climbs from one run to the next is a leak.
    let offset = 0;
    const quiet = new Client({ connectionString: databaseUrl });
    await quiet.connect();
    const rssPerRound: number[] = [];
    const rssPerRun: number[] = [];
    const results: Record<string, { soundings: Load[]; bare: Load[] }> = {};
    if (WARMUP_SECONDS > 0) {
      log(`\nWarming up: ${WARMUP_SECONDS} s of load per endpoint and server, not counted`);
      for (const target of targets) {
        for (const server of [soundings, bare]) {
          await untilDatabaseQuiet(quiet, `${target.name}, warm-up`);
          const warm = await runLoad(server.base, target, headersFor(target), bodiesFile, offset, WARMUP_SECONDS);
          if (target.write) offset += warm.total;
        }
      }
    }
    for (let run = 0; run < RUNS; run += 1) {
      if (run > 0 || WARMUP_SECONDS > 0) {
        // A fresh set of writers, as at the start: every run measures the same campaign, warmed up or not.
        writers = await resetWriters(databaseUrl);
        writeBodies();
        offset = 0;
      }
      log(`\nRun ${run + 1} of ${RUNS}: ${ROUNDS} round(s) of ${SECONDS} s per endpoint and server, ${CONNECTIONS} connections, alternating\n`);
      let runPeak = 0;
      for (let round = 0; round < ROUNDS; round += 1) {
        let peak = 0;
        for (const target of targets) {
          const entry = (results[target.name] ??= { soundings: [], bare: [] });
          await untilDatabaseQuiet(quiet, `${target.name}, Soundings`);
          const exactPeak = resetHighWaterMark(soundings.server.pid!);
          const poll = setInterval(() => (peak = Math.max(peak, memoryMiB(soundings.server.pid!, 'VmRSS') ?? 0)), 200);
          const a = await measuredLoad(soundings.server.pid!, () => runLoad(soundings.base, target, headersFor(target), bodiesFile, offset));
          clearInterval(poll);
          if (exactPeak) peak = Math.max(peak, memoryMiB(soundings.server.pid!, 'VmHWM') ?? 0);
          if (target.write) offset += a.total;
          await untilDatabaseQuiet(quiet, `${target.name}, bare`);
          const b = await measuredLoad(bare.server.pid!, () => runLoad(bare.base, target, headersFor(target), bodiesFile, offset));
          if (target.write) offset += b.total;
          entry.soundings.push(a);
          entry.bare.push(b);
          log(
            `run ${run + 1} round ${round + 1} ${target.name.padEnd(30)} Soundings ${a.rps.toFixed(0).padStart(6)} req/s   bare ${b.rps.toFixed(0).padStart(6)} req/s` +
              `   CPU ms/req API ${a.apiCpuMs?.toFixed(2)} / ${b.apiCpuMs?.toFixed(2)}, PG ${a.databaseCpuMs?.toFixed(2)} / ${b.databaseCpuMs?.toFixed(2)}`,
          );
        }
        rssPerRound.push(Math.round(peak));
        runPeak = Math.max(runPeak, peak);
        log(`run ${run + 1} round ${round + 1}: Soundings' peak RSS ${Math.round(peak)} MiB`);
      }
      rssPerRun.push(Math.round(runPeak));
    }
    await quiet.end();

    const mean = (values: number[]) => values.reduce((sum, v) => sum + v, 0) / values.length;
    const summary = (loads: Load[]) => ({
      rps: Math.round(mean(loads.map((l) => l.rps))),
      p50: Math.round(mean(loads.map((l) => l.p50)) * 10) / 10,
      p99: Math.round(mean(loads.map((l) => l.p99)) * 10) / 10,
      failed: loads.reduce((sum, l) => sum + l.failed, 0),
      apiCpuMs: Math.round(mean(loads.map((l) => l.apiCpuMs ?? 0)) * 100) / 100,
      databaseCpuMs: Math.round(mean(loads.map((l) => l.databaseCpuMs ?? 0)) * 100) / 100,
    });
    const endpoints: Record<string, unknown> = {};
    const rows: string[][] = [];
    for (const target of targets) {
      const { soundings: a, bare: b } = results[target.name];
      const ratios = a.map((load, i) => load.rps / b[i].rps);
      const s = summary(a);
      const bb = summary(b);
      // No ratio when the bare server completed nothing in the time (a request slower than the round).
      const rounded = (r: number) => (Number.isFinite(r) ? Math.round(r * 100) / 100 : null);
      const ratio = rounded(mean(a.map((l) => l.rps)) / mean(b.map((l) => l.rps)));
      const ratioRange = [Math.min(...ratios), Math.max(...ratios)].map(rounded);
      const shown = (r: number | null) => (r === null ? 'n/a' : r.toFixed(2));
      endpoints[target.name] = { soundings: s, bare: bb, ratio, ratioRange, statements: statements.get(target.name), bareStatements: bareStatements.get(target.name) };
      rows.push([
        target.name,
        String(s.rps),
        String(bb.rps),
        `${shown(ratio)} (${shown(ratioRange[0])}–${shown(ratioRange[1])})`,
        `${s.p50} / ${bb.p50}`,
        `${s.p99} / ${bb.p99}`,
        `${statements.get(target.name)} / ${bareStatements.get(target.name)}`,
        `${s.apiCpuMs} / ${bb.apiCpuMs}`,
        `${s.databaseCpuMs} / ${bb.databaseCpuMs}`,
        String(s.failed + bb.failed),
      ]);
    }
    const peakRssMb = Math.max(...rssPerRound, Math.round(memoryMiB(soundings.server.pid!, 'VmHWM') ?? 0));
    const header = ['endpoint', 'Soundings req/s', 'bare req/s', 'ratio (min–max)', 'p50 ms S / bare', 'p99 ms S / bare', 'statements S / bare', 'API CPU ms/req S / bare', 'PG CPU ms/req S / bare', 'failed'];
    const widths = header.map((title, i) => Math.max(title.length, ...rows.map((row) => row[i].length)));
    const line = (cells: string[]) => `| ${cells.map((cell, i) => cell.padEnd(widths[i])).join(' | ')} |`;
    console.log(line(header));
    console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
    for (const row of rows) console.log(line(row));
    console.log(
      `\nSoundings' peak RSS run ${rssPerRun.map((_, i) => i + 1).join(' / run ')}: ${rssPerRun.join(' / ')} MiB (per round: ${rssPerRound.join(', ')}; ` +
        `before the load, while answers were compared and statements counted: ${highWaterBeforeLoad} MiB)` +
        `\n${PEOPLE} people; ${RUNS} run(s) × ${ROUNDS} round(s) × ${SECONDS} s, ${CONNECTIONS} connections; ` +
        `statements include the credential lookup, and BEGIN and COMMIT for the write; load average ${fs.readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')}`,
    );
    const report = {
      date: new Date().toISOString(),
      endpoints,
      peakRssMb,
      highWaterBeforeLoadMb: highWaterBeforeLoad,
      rssPerRoundMb: rssPerRound,
      rssPerRunMb: rssPerRun,
      runs: RUNS,
      people: PEOPLE,
      soundings: SOUNDINGS,
      rounds: ROUNDS,
      seconds: SECONDS,
      connections: CONNECTIONS,
      quick: QUICK,
      loadAverage: fs.readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).map(Number),
      durationSeconds: Math.round((Date.now() - startedAt) / 1000),
    };
    const resultsDir = path.join(ROOT, 'bench', 'results');
    fs.mkdirSync(resultsDir, { recursive: true });
    fs.writeFileSync(path.join(resultsDir, `${report.date.slice(0, 10)}.json`), `${JSON.stringify(report, null, 2)}\n`);
    console.log(JSON.stringify(report));
  } finally {
    for (const child of children) child.kill('SIGTERM');
    await Promise.all(children.map((child) => new Promise((resolve) => (child.exitCode !== null ? resolve(null) : child.once('exit', resolve)))));
    await stop();
  }
}

// Other benchmarks reuse the load and the server above.
if (require.main === module) {
  main().catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
