import 'reflect-metadata';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Logger as TypeOrmLogger } from 'typeorm';
import { createApp } from '../app.factory';
import { startEmbeddedPostgres } from '../database/embedded-postgres';
import { runMigrations } from '../database/run-migrations';
import { Client } from 'pg';

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

async function load(databaseUrl: string): Promise<void> {
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
              g % 3 = 0, 1 + g % 5, lower(n.name || ' manager ' || g || ' person' || g || '@example.com'),
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
         CROSS JOIN LATERAL (SELECT current_date - (k * 30 + abs(hashtext(s.id::text)) % 30) AS held_on) d`,
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
    await db.query('ANALYZE');
    const [{ soundings }] = (await db.query('SELECT count(*)::int AS soundings FROM soundings')).rows;
    const [{ fears }] = (await db.query('SELECT count(*)::int AS fears FROM fears')).rows;
    console.log(`Loaded ${STAKEHOLDERS} stakeholders, ${soundings} soundings, ${fears} fears in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  } finally {
    await db.end();
  }
}

async function main(): Promise<void> {
  const autocannon = require('autocannon') as (options: object) => Promise<{
    requests: { average: number };
    latency: { p50: number; p99: number };
    non2xx: number;
    errors: number;
  }>;
  let dataDir: string | undefined;
  let embedded: Awaited<ReturnType<typeof startEmbeddedPostgres>> | undefined;
  let databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'soundings-bench-'));
    embedded = await startEmbeddedPostgres({ dataDir, database: 'bench' });
    databaseUrl = embedded.url;
  }
  const counter = new StatementCounter();
  try {
    await runMigrations(databaseUrl);
    await load(databaseUrl);
    const app = await createApp({ databaseUrl, logLevels: ['error'], queryLogger: counter });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = app.getHttpServer().address() as { port: number };
    const base = `http://127.0.0.1:${port}`;
    const sample = (await (await fetch(`${base}/api/stakeholders?pageSize=1&sort=-lastContact`)).json()) as { items: { id: string }[] };
    const someone = sample.items[0].id;

    const targets: [string, string][] = [
      ['stakeholder list, page 1', '/api/stakeholders'],
      ['list: search "zoe" (accent-folded)', '/api/stakeholders?q=zoe&pageSize=50'],
      ['list: filter + sort by commitment', '/api/stakeholders?role=line_manager&commitment=open&sort=commitment'],
      ['journey of one person', `/api/stakeholders/${someone}/journey`],
      ['dashboard', '/api/dashboard'],
      ['fears, open', '/api/fears?status=open'],
    ];
    console.log(`\n${SECONDS}s per endpoint, ${CONNECTIONS} connections, over loopback\n`);
    console.log('endpoint'.padEnd(40), 'req/s'.padStart(8), 'p50 ms'.padStart(8), 'p99 ms'.padStart(8), 'SQL/req'.padStart(8), 'non-2xx'.padStart(8));
    for (const [label, url] of targets) {
      const before = counter.count;
      await fetch(base + url);
      const statements = counter.count - before;
      const result = await autocannon({ url: base + url, connections: CONNECTIONS, duration: SECONDS });
      // Let the last in-flight requests finish so they are not counted against the next endpoint.
      await new Promise((resolve) => setTimeout(resolve, 500));
      console.log(
        label.padEnd(40),
        result.requests.average.toFixed(0).padStart(8),
        String(result.latency.p50).padStart(8),
        String(result.latency.p99).padStart(8),
        String(statements).padStart(8),
        String(result.non2xx + result.errors).padStart(8),
      );
    }
    const memory = process.memoryUsage();
    console.log(`\nAPI process memory after the run: rss ${(memory.rss / 2 ** 20).toFixed(0)} MiB, heap used ${(memory.heapUsed / 2 ** 20).toFixed(0)} MiB`);
    await app.close();
  } finally {
    await embedded?.stop();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
