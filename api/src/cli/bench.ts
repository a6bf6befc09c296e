import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Logger as TypeOrmLogger } from 'typeorm';
import { createApp } from '../app.factory';
import { startEmbeddedPostgres } from '../database/embedded-postgres';
import { runMigrations } from '../database/run-migrations';
import { Client } from 'pg';
import { ChildProcess, spawn } from 'node:child_process';
import { digest, newSecret } from '../auth/tokens';

// `npm run bench`: loads a large campaign into a throw-away database, then measures the hot reads with
// autocannon over loopback and counts the SQL statements each runs. Sizes and duration via env:
// BENCH_STAKEHOLDERS (default 20000), BENCH_SOUNDINGS_PER_PERSON (10), BENCH_SECONDS (8), BENCH_CONNECTIONS (20).
// DATABASE_URL, when set, must point at a database that may be filled and left with the bench data.

const STAKEHOLDERS = Number(process.env.BENCH_STAKEHOLDERS ?? 20_000);
const SOUNDINGS_PER_PERSON = Number(process.env.BENCH_SOUNDINGS_PER_PERSON ?? 10);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 20);

class StatementCounter implements TypeOrmLogger {
  count = 0;
  logQuery(): void {
    this.count += 1;
  }
  logQueryError(): void {}
  logQuerySlow(): void {}
  logSchemaBuild(): void {}
  logMigration(): void {}
  log(): void {}
}

export async function load(databaseUrl: string): Promise<void> {
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  const started = Date.now();
  try {
    await db.query('BEGIN');
    await db.query(
      `INSERT INTO stakeholders (name, title, email, business_function, role, potential_champion, influence, search_text, required_commitment, created_at)
       SELECT n.name, 'Manager ' || g, 'person' || g || '@example.com',
              (ARRAY['Finance','IT','Sales','Operations','HR'])[1 + g % 5],
              (ARRAY['top_team','senior_leader','line_manager','line_manager','other'])[1 + g % 5],
              g % 3 = 0, 1 + g % 5, lower(n.name || ' manager ' || g || ' person' || g || '@example.com ' || (ARRAY['Finance','IT','Sales','Operations','HR'])[1 + g % 5]),
              'committed', now() - interval '400 days'
         FROM generate_series(1, $1) g
         CROSS JOIN LATERAL (SELECT (ARRAY['Zoë','Amira','Ben','Chen','Dmitri','Élodie','Femi','Grace'])[1 + g % 8] || ' Person' || g AS name) n`,
      [STAKEHOLDERS],
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
      [SOUNDINGS_PER_PERSON],
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
    await db.query('COMMIT');
    // A loaded table in steady state: autovacuum would have set the visibility map by now.
    await db.query('VACUUM (ANALYZE)');
    const [{ soundings }] = (await db.query('SELECT count(*)::int AS soundings FROM soundings')).rows;
    const [{ fears }] = (await db.query('SELECT count(*)::int AS fears FROM fears')).rows;
    console.log(`Loaded ${STAKEHOLDERS} stakeholders, ${soundings} soundings, ${fears} fears in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  } finally {
    await db.end();
  }
}

/** The API as its own process, as in production, so the load generator does not share its event loop. */
export async function startServer(databaseUrl: string): Promise<{ base: string; server: ChildProcess }> {
  const server = spawn(process.execPath, [path.join(__dirname, '..', 'main.js')], {
    // One token sends far more than any person would: lift its rate limit (still counted, one statement a request).
    env: { RATE_LIMIT_PER_MINUTE: '1000000000', ...process.env, DATABASE_URL: databaseUrl, PORT: '0', HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const base = await new Promise<string>((resolve, reject) => {
    let output = '';
    server.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /running at (http:\/\/\S+?) /.exec(output);
      if (match) resolve(match[1].replace('localhost', '127.0.0.1'));
    });
    server.once('exit', (code) => reject(new Error(`the API exited with ${code} before listening:\n${output}`)));
  });
  return { base, server };
}

function residentMemoryMiB(pid: number): number | null {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) / 1024 : null;
  } catch {
    return null;
  }
}

async function main(): Promise<void> {
  const autocannon = require('autocannon') as (options: object) => Promise<{
    requests: { average: number };
    latency: { p50: number; p99: number };
    non2xx: number;
    errors: number;
  }>;
  // The in-process copy and the server write to one audit chain, so they need one key.
  process.env.AUDIT_HMAC_KEY ||= randomBytes(32).toString('hex');
  let dataDir: string | undefined;
  let embedded: Awaited<ReturnType<typeof startEmbeddedPostgres>> | undefined;
  let databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'soundings-bench-'));
    embedded = await startEmbeddedPostgres({ dataDir, database: 'bench' });
    databaseUrl = embedded.url;
  }
  let server: ChildProcess | undefined;
  try {
    await runMigrations(databaseUrl);
    await load(databaseUrl);
    const token = await createBenchToken(databaseUrl);
    const headers = { authorization: `Bearer ${token}` };

    // Statements per request, counted in an in-process copy of the app.
    const counter = new StatementCounter();
    const counting = await createApp({ databaseUrl, logLevels: ['error'], queryLogger: counter });
    await counting.init();
    await counting.getHttpAdapter().getInstance().ready();
    const sample = await counting.inject({ url: '/api/stakeholders?pageSize=1&sort=-lastContact', headers });
    const someone = (JSON.parse(sample.body) as { items: { id: string }[] }).items[0].id;

    const targets: [string, string][] = [
      ['stakeholder list, page 1', '/api/stakeholders'],
      ['list: search "zoe" (accent-folded)', '/api/stakeholders?q=zoe&pageSize=50'],
      ['list: filter + sort by commitment', '/api/stakeholders?role=line_manager&commitment=open&sort=commitment'],
      ['journey of one person', `/api/stakeholders/${someone}/journey`],
      ['dashboard', '/api/dashboard'],
      ['dashboard: top-team cockpit', '/api/dashboard/top-team'],
      ['dashboard: commitment trend, 26 weeks', '/api/dashboard/trend'],
      ['fears, open', '/api/fears?status=open'],
    ];
    const statements = new Map<string, number>();
    for (const [, url] of targets) {
      const before = counter.count;
      await counting.inject({ url, headers });
      statements.set(url, counter.count - before);
    }
    await counting.close();

    const started = await startServer(databaseUrl);
    server = started.server;
    console.log(`\n${SECONDS}s per endpoint, ${CONNECTIONS} connections, API in its own process, over loopback\n`);
    console.log('endpoint'.padEnd(40), 'req/s'.padStart(8), 'p50 ms'.padStart(8), 'p99 ms'.padStart(8), 'SQL/req'.padStart(8), 'non-2xx'.padStart(8));
    for (const [label, url] of targets) {
      const result = await autocannon({ url: started.base + url, connections: CONNECTIONS, duration: SECONDS, headers });
      console.log(
        label.padEnd(40),
        result.requests.average.toFixed(0).padStart(8),
        String(result.latency.p50).padStart(8),
        String(result.latency.p99).padStart(8),
        String(statements.get(url)).padStart(8),
        String(result.non2xx + result.errors).padStart(8),
      );
    }
    const rss = residentMemoryMiB(server.pid!);
    console.log(`\nAPI process resident memory after the run: ${rss === null ? 'unknown' : `${rss.toFixed(0)} MiB`}`);
    console.log('SQL/req includes the one statement that counts the request against the rate limit and the one that identifies the caller (API token lookup).');
  } finally {
    server?.kill('SIGTERM');
    await embedded?.stop();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

/** A practitioner account and API token for the load, made straight in the database. */
export async function createBenchToken(databaseUrl: string): Promise<string> {
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    const token = newSecret('snd_');
    const { rows } = await db.query(
      `INSERT INTO users (email, role) VALUES ('bench@soundings.invalid', 'practitioner')
       ON CONFLICT (lower(email)) DO UPDATE SET active = true RETURNING id`,
    );
    await db.query(`INSERT INTO api_tokens (user_id, name, token_hash) VALUES ($1, 'bench', $2)`, [rows[0].id, digest(token)]);
    return token;
  } finally {
    await db.end();
  }
}

// Other benchmarks reuse the load and the server above.
if (require.main === module) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
