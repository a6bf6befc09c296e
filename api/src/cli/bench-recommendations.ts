import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { ChildProcess, spawn } from 'node:child_process';
import { Client, Pool } from 'pg';
import '../database/database.options';
import { startEmbeddedPostgres } from '../database/embedded-postgres';
import { runMigrations } from '../database/run-migrations';
import { mapRecommendation } from '../recommendations/recommendation-reasons';
import { RecommendationFeaturesRow, recommendationParameters, RECOMMENDATIONS_SQL } from '../recommendations/recommendations.repository';
import { createBenchToken, load, startServer } from './bench';

// `npm run bench:recommendations`: the latency of GET /api/recommendations/soundings on a large campaign
// (the `npm run bench` load plus ~3 influence links a person, reporting lines, meetings and briefings),
// against a bare node:http + pg server running the same statement and the same reason builder with no Nest
// in front, in interleaved rounds so a busy moment on the machine hits both alike.
// BENCH_STAKEHOLDERS (default 20000), BENCH_SOUNDINGS_PER_PERSON (10), BENCH_SECONDS (8 per round),
// BENCH_ROUNDS (3), BENCH_CONNECTIONS (10), BENCH_LIMIT (20, the default page).

const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const LIMIT = Number(process.env.BENCH_LIMIT ?? 20);

/** Who sways whom, who reports to whom, and what is coming up, at the scale of the people already loaded. */
export async function loadCoalition(databaseUrl: string): Promise<void> {
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  const started = Date.now();
  try {
    await db.query('BEGIN');
    await db.query(`CREATE TEMP TABLE numbered ON COMMIT DROP AS SELECT id, row_number() OVER (ORDER BY id) AS n FROM stakeholders`);
    const { rows } = await db.query(`SELECT count(*)::int AS people FROM numbered`);
    const people = rows[0].people as number;
    // Four in five report to someone earlier in the list (no cycles).
    await db.query(
      `UPDATE stakeholders s SET reports_to_id = boss.id
         FROM numbered me JOIN numbered boss ON boss.n = 1 + (me.n * 7919) % greatest(me.n - 1, 1)
        WHERE s.id = me.id AND me.n > 1 AND me.n % 5 <> 0`,
    );
    // Three links each: two people they look to, and one mentor, ally or conflict.
    await db.query(
      `INSERT INTO influences (from_id, to_id, kind, strength)
       SELECT me.id, other.id, link.kind, 1 + (me.n + link.k) % 3
         FROM numbered me
         CROSS JOIN (VALUES (1, 'looks_to'), (2, 'looks_to'), (3, NULL)) AS link0(k, kind0)
         CROSS JOIN LATERAL (SELECT link0.k, coalesce(link0.kind0, (ARRAY['mentor','ally','conflict'])[1 + me.n % 3]) AS kind) link
         JOIN numbered other ON other.n = 1 + (me.n * 31 + link.k * 104729) % $1
        WHERE other.id <> me.id
       ON CONFLICT DO NOTHING`,
      [people],
    );
    // A meeting every day from two months ago to two months ahead, twelve people in each.
    await db.query(
      `INSERT INTO meetings (title, scheduled_for)
       SELECT 'Leadership forum ' || d, date_trunc('day', now()) + (d || ' days')::interval + interval '10 hours'
         FROM generate_series(-60, 60) d`,
    );
    await db.query(
      `INSERT INTO meeting_attendees (meeting_id, stakeholder_id)
       SELECT m.id, who.id
         FROM (SELECT id, row_number() OVER (ORDER BY scheduled_for) AS k FROM meetings) m
         CROSS JOIN generate_series(0, 11) seat
         JOIN numbered who ON who.n = 1 + (m.k * 977 + seat * 1543) % $1
       ON CONFLICT DO NOTHING`,
      [people],
    );
    // Three briefings a day for the next month, one a day to the whole top team; and as many done already.
    await db.query(
      `INSERT INTO briefings (briefer_id, briefer_is_hr, audience_id, audience_is_top_team, planned_for, status)
       SELECT briefer.id, false, CASE WHEN slot = 0 THEN NULL ELSE audience.id END, slot = 0,
              date_trunc('day', now()) + (d || ' days')::interval + (9 + slot || ' hours')::interval,
              CASE WHEN d < 0 THEN 'done' ELSE 'planned' END
         FROM generate_series(-30, 30) d
         CROSS JOIN generate_series(0, 2) slot
         JOIN numbered briefer ON briefer.n = 1 + ((d + 31) * 3 + slot) * 37 % $1
         JOIN numbered audience ON audience.n = 1 + ((d + 31) * 3 + slot) * 53 % $1
        WHERE briefer.id <> audience.id`,
      [people],
    );
    await db.query('COMMIT');
    await db.query('VACUUM (ANALYZE)');
    const counts = await db.query(
      `SELECT (SELECT count(*) FROM influences)::int AS influences, (SELECT count(*) FROM stakeholders WHERE reports_to_id IS NOT NULL)::int AS reporting,
              (SELECT count(*) FROM meetings)::int AS meetings, (SELECT count(*) FROM meeting_attendees)::int AS attendees,
              (SELECT count(*) FROM briefings)::int AS briefings`,
    );
    const c = counts.rows[0];
    console.log(
      `Added ${c.influences} influence links, ${c.reporting} reporting lines, ${c.meetings} meetings (${c.attendees} attendances), ${c.briefings} briefings in ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
  } finally {
    await db.end();
  }
}

/** The baseline: the same statement and reason builder behind node:http and a pg pool of the API's size. */
function serveBare(databaseUrl: string): void {
  const pool = new Pool({ connectionString: databaseUrl, max: Number(process.env.DATABASE_POOL_SIZE ?? 10) });
  const server = http.createServer((request, response) => {
    const limit = Number(new URL(request.url ?? '/', 'http://bench').searchParams.get('limit') ?? 20);
    pool
      .query<RecommendationFeaturesRow>(RECOMMENDATIONS_SQL, recommendationParameters(limit))
      .then(({ rows }) => {
        response.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
        response.end(JSON.stringify({ items: rows.map(mapRecommendation) }));
      })
      .catch((error: Error) => {
        response.writeHead(500);
        response.end(error.message);
      });
  });
  server.listen(0, '127.0.0.1', () => {
    const address = server.address() as { port: number };
    console.log(`bare server running at http://127.0.0.1:${address.port} `);
  });
}

function startBare(databaseUrl: string): Promise<{ base: string; server: ChildProcess }> {
  const server = spawn(process.execPath, [__filename, '--bare', databaseUrl], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let output = '';
    server.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /running at (http:\/\/\S+?) /.exec(output);
      if (match) resolve({ base: match[1], server });
    });
    server.once('exit', (code) => reject(new Error(`the bare server exited with ${code}:\n${output}`)));
  });
}

interface Round {
  rps: number;
  p50: number;
  p99: number;
  failed: number;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function main(): Promise<void> {
  const autocannon = require('autocannon') as (options: object) => Promise<{
    requests: { average: number };
    latency: { p50: number; p99: number };
    non2xx: number;
    errors: number;
  }>;
  process.env.AUDIT_HMAC_KEY ||= randomBytes(32).toString('hex');
  let dataDir: string | undefined;
  let embedded: Awaited<ReturnType<typeof startEmbeddedPostgres>> | undefined;
  let databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'soundings-bench-'));
    embedded = await startEmbeddedPostgres({ dataDir, database: 'bench' });
    databaseUrl = embedded.url;
  }
  const servers: ChildProcess[] = [];
  try {
    await runMigrations(databaseUrl);
    await load(databaseUrl);
    await loadCoalition(databaseUrl);
    const token = await createBenchToken(databaseUrl);
    const url = `/api/recommendations/soundings?limit=${LIMIT}`;

    const db = new Client({ connectionString: databaseUrl });
    await db.connect();
    const plan = await db.query(`EXPLAIN (ANALYZE, FORMAT JSON) ${RECOMMENDATIONS_SQL}`, recommendationParameters(LIMIT));
    await db.end();
    const explained = plan.rows[0]['QUERY PLAN'][0] as { 'Execution Time': number; 'Planning Time': number };
    console.log(`The statement alone in PostgreSQL: planning ${explained['Planning Time'].toFixed(1)} ms, execution ${explained['Execution Time'].toFixed(1)} ms`);

    const product = await startServer(databaseUrl);
    const bare = await startBare(databaseUrl);
    servers.push(product.server, bare.server);
    const targets: { label: string; base: string; headers: Record<string, string> }[] = [
      { label: 'API (Nest, auth, rate limit)', base: product.base, headers: { authorization: `Bearer ${token}` } },
      { label: 'bare node:http + pg', base: bare.base, headers: {} },
    ];
    // Same answer from both, so the comparison is of like with like.
    const answers = await Promise.all(targets.map(async (target) => (await fetch(target.base + url, { headers: target.headers })).json()));
    if (JSON.stringify(answers[0]) !== JSON.stringify(answers[1])) throw new Error('the API and the bare server answered differently');
    const first = (answers[0] as { items: { stakeholder: { name: string }; score: number }[] }).items[0];
    console.log(`Both answer ${LIMIT} people; first: ${first.stakeholder.name} (score ${first.score})`);

    // One connection: the latency of a request on its own. Then CONNECTIONS at once: throughput, and the
    // latency when requests queue for the machine's cores.
    for (const connections of [1, CONNECTIONS]) {
      console.log(`\n${ROUNDS} interleaved rounds of ${SECONDS}s each, ${connections} connection(s), GET ${url}\n`);
      console.log('round', 'server'.padEnd(32), 'req/s'.padStart(8), 'p50 ms'.padStart(8), 'p99 ms'.padStart(8), 'failed'.padStart(8));
      const results = new Map<string, Round[]>(targets.map((target) => [target.label, []]));
      for (let round = 1; round <= ROUNDS; round++) {
        for (const target of targets) {
          const result = await autocannon({ url: target.base + url, connections, duration: SECONDS, headers: target.headers });
          const entry = { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, failed: result.non2xx + result.errors };
          results.get(target.label)!.push(entry);
          console.log(
            String(round).padEnd(5),
            target.label.padEnd(32),
            entry.rps.toFixed(1).padStart(8),
            String(entry.p50).padStart(8),
            String(entry.p99).padStart(8),
            String(entry.failed).padStart(8),
          );
        }
      }
      console.log('median of the rounds');
      for (const [label, rounds] of results) {
        console.log(
          '     ',
          label.padEnd(32),
          median(rounds.map((r) => r.rps)).toFixed(1).padStart(8),
          String(median(rounds.map((r) => r.p50))).padStart(8),
          String(median(rounds.map((r) => r.p99))).padStart(8),
        );
      }
      const [api, baseline] = [...results.values()].map((rounds) => median(rounds.map((r) => r.rps)));
      console.log(`The API serves ${((100 * api) / baseline).toFixed(0)} % of the bare server's requests per second.`);
    }
  } finally {
    for (const server of servers) server.kill('SIGTERM');
    await embedded?.stop();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

if (process.argv[2] === '--bare') {
  serveBare(process.argv[3]);
} else if (require.main === module) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
