import 'reflect-metadata';
import fs from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';
import type { Logger as TypeOrmLogger } from 'typeorm';
import { createApp } from '../app.factory';
import { RECONCILE_MARKER } from '../rate-limits/shared-request-counts';
import { auditKey, benchTargets, createBenchToken, ensureData, prepareDatabase, resetWriters, soundingBody, Target, WRITER } from './bench';

// `npm run bench:explain`: EXPLAIN (ANALYZE, BUFFERS) of every statement the hot endpoints send, on the bench's
// scale data. The statements are not copied here: an in-process copy of the app answers each endpoint once and
// its query logger hands over the SQL text and parameters exactly as the repositories built them. Each read is
// explained twice: as sent the first time on a connection (a plan for these values), and as the product's
// prepared statement on its sixth execution, when PostgreSQL's plan cache may have switched to a generic plan.
// The write's statements are explained in order inside a transaction that is rolled back.
// Options: --people N (20,000 by default, in .data/bench as `npm run bench` uses; another size gets its own
// .data/bench-N, so the 20,000 set is kept), --soundings N, --only name,name (endpoints whose name contains one).
// DATABASE_URL, when set, is used (and filled) instead.

const ROOT = path.resolve(__dirname, '..', '..', '..', '..', '..');

function option(name: string): string | undefined {
  const at = process.argv.indexOf(`--${name}`);
  return at < 0 ? undefined : process.argv[at + 1];
}
function count(name: string, fallback: number): number {
  const text = option(name);
  if (text === undefined) return fallback;
  const value = Number(text.replace(/_/g, ''));
  if (!Number.isInteger(value) || value <= 0) throw new Error(`--${name} takes a positive whole number`);
  return value;
}
const PEOPLE = count('people', 20_000);
const SOUNDINGS = count('soundings', PEOPLE * 10);
const ONLY = option('only')?.split(',').map((word) => word.trim().toLowerCase());
const DATA_DIR = path.join(ROOT, '.data', PEOPLE === 20_000 ? 'bench' : `bench-${PEOPLE}`);

interface Statement {
  sql: string;
  values: unknown[];
}

/** Every statement the app sends, with its parameters, but the rate limit's once-a-second reconciliation. */
class StatementCapture implements TypeOrmLogger {
  statements: Statement[] = [];
  logQuery(query: string, parameters?: unknown[]): void {
    if (!query.includes(RECONCILE_MARKER)) this.statements.push({ sql: query, values: parameters ?? [] });
  }
  logQueryError(): void {}
  logQuerySlow(): void {}
  logSchemaBuild(): void {}
  logMigration(): void {}
  log(): void {}
}

const TRANSACTION_CONTROL = /^\s*(START TRANSACTION|BEGIN|COMMIT|ROLLBACK)\b/i;

interface Measured {
  target: string;
  statement: string;
  executionMs: number;
  planningMs: number;
  hit: number;
  read: number;
  generic?: { executionMs: number; hit: number; read: number; generic: boolean };
}

/** Execution and planning time and the top node's shared buffers (which include its children's). */
function summarise(plan: string): { executionMs: number; planningMs: number; hit: number; read: number } {
  const number = (pattern: RegExp) => Number(pattern.exec(plan)?.[1] ?? 0);
  // The first Buffers line before the first child (or Planning) belongs to the top node.
  const top = plan.split(/\n\s*(?:->|Planning:|Planning Time)/)[0];
  return {
    executionMs: number(/Execution Time: ([\d.]+) ms/),
    planningMs: number(/Planning Time: ([\d.]+) ms/),
    hit: Number(/shared hit=(\d+)/.exec(top)?.[1] ?? 0),
    read: Number(/shared(?: hit=\d+)? read=(\d+)/.exec(top)?.[1] ?? 0),
  };
}

async function explain(db: Client, statement: Statement): Promise<string> {
  const { rows } = await db.query(`EXPLAIN (ANALYZE, BUFFERS, FORMAT TEXT) ${statement.sql}`, statement.values);
  return rows.map((row: Record<string, string>) => row['QUERY PLAN']).join('\n');
}

/** A parameter as SQL text, as the driver would have sent it. */
function literal(db: Client, value: unknown): string {
  if (value === null || value === undefined) return 'NULL';
  // The driver's own conversion (arrays to '{…}', dates to ISO text, JSON objects to text).
  const { prepareValue } = require('pg/lib/utils') as { prepareValue: (v: unknown) => string | null };
  const text = prepareValue(value);
  return text === null ? 'NULL' : db.escapeLiteral(text);
}

/**
 * The product's prepared statement on its sixth execution on one connection: the plan cache has by then chosen
 * between a plan for the values and a generic one, and keeps that choice for as long as the connection lives.
 */
let probes = 0;
async function explainPrepared(db: Client, statement: Statement): Promise<{ plan: string; generic: boolean }> {
  // A new name each time: the driver remembers the names it has prepared, deallocated or not.
  const name = `bench_explain_probe_${(probes += 1)}`;
  for (let run = 0; run < 5; run += 1) await db.query({ name, text: statement.sql, values: statement.values });
  try {
    const { rows } = await db.query(
      `EXPLAIN (ANALYZE, BUFFERS, FORMAT TEXT) EXECUTE ${name}(${statement.values.map((value) => literal(db, value)).join(', ')})`,
    );
    const [{ generic_plans: generic }] = (await db.query(`SELECT generic_plans FROM pg_prepared_statements WHERE name = $1`, [name])).rows;
    return { plan: rows.map((row: Record<string, string>) => row['QUERY PLAN']).join('\n'), generic: Number(generic) > 0 };
  } finally {
    await db.query(`DEALLOCATE ${name}`);
  }
}

async function main(): Promise<void> {
  process.env.AUDIT_HMAC_KEY = auditKey();
  // Each endpoint is called several times in a few seconds by one account: the general limit would answer 429.
  process.env.RATE_LIMIT_PER_MINUTE = '1000000000';
  const { databaseUrl, stop } = await prepareDatabase(DATA_DIR);
  const out: string[] = [];
  const print = (line = '') => {
    out.push(line);
    console.log(line);
  };
  const measured: Measured[] = [];
  try {
    await ensureData(databaseUrl, PEOPLE, SOUNDINGS);
    const token = await createBenchToken(databaseUrl);
    const headers = { authorization: `Bearer ${token}` };
    const { targets: all } = await benchTargets(databaseUrl);
    // The write goes to the bench's own writer people, so the scale people's reads stay as loaded.
    const writers = await resetWriters(databaseUrl);
    // A web-session request sends the same statements as the token one.
    const targets = all.filter((target) => !target.session && (!ONLY || ONLY.some((word) => target.name.toLowerCase().includes(word))));
    const body = soundingBody();

    // What each endpoint sends, from an in-process app; its audit sealer is off so a request's statements are its own.
    const capture = new StatementCapture();
    const sealInterval = process.env.AUDIT_SEAL_INTERVAL_MS;
    process.env.AUDIT_SEAL_INTERVAL_MS = '0';
    const app = await createApp({ databaseUrl, logLevels: ['error'], queryLogger: capture });
    await app.init();
    if (sealInterval === undefined) delete process.env.AUDIT_SEAL_INTERVAL_MS;
    else process.env.AUDIT_SEAL_INTERVAL_MS = sealInterval;
    await app.getHttpAdapter().getInstance().ready();
    const sent = new Map<Target, Statement[]>();
    const failed = new Map<Target, string>();
    try {
      for (const target of targets) {
        // The second of two requests: the first also pays for what the app reads once and keeps (settings).
        for (const person of writers.slice(-2)) {
          const before = capture.statements.length;
          const answer = await app.inject({
            method: target.write ? 'POST' : 'GET',
            url: target.write ? target.path.replace(WRITER, person) : target.path,
            headers: target.write ? { ...headers, 'content-type': 'application/json' } : headers,
            payload: target.write ? JSON.stringify(body) : undefined,
          });
          // A statement past the app's timeout still gets explained: its plan is the one to read.
          if (answer.statusCode >= 300) failed.set(target, `${answer.statusCode}: ${answer.body.slice(0, 200)}`);
          sent.set(target, capture.statements.slice(before));
        }
      }
    } finally {
      await app.close();
    }

    const db = new Client({ connectionString: databaseUrl });
    await db.connect();
    try {
      await db.query(`SET statement_timeout = '120s'`);
      const { rows } = await db.query(`SELECT version() AS version, (SELECT count(*) FROM stakeholders) AS people, (SELECT count(*) FROM soundings) AS soundings, (SELECT count(*) FROM fears) AS fears`);
      print(`EXPLAIN (ANALYZE, BUFFERS) of the hot statements, ${new Date().toISOString()}`);
      print(`${rows[0].people} people, ${rows[0].soundings} soundings, ${rows[0].fears} fears; ${rows[0].version}`);
      print(`load average ${fs.readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')}`);
      const explained = new Map<string, string>();
      for (const target of targets) {
        const statements = sent.get(target)!;
        const work = statements.filter((statement) => !TRANSACTION_CONTROL.test(statement.sql));
        print(`\n${'='.repeat(100)}\n${target.name}: ${target.write ? 'POST' : 'GET'} ${target.path}`);
        print(`${statements.length} statements sent (${work.length} besides transaction control)`);
        if (failed.has(target)) print(`The app answered ${failed.get(target)}`);
        if (target.write) await db.query('BEGIN');
        try {
          for (const [k, statement] of work.entries()) {
            const label = `${target.name} [${k + 1}/${work.length}]`;
            const key = `${statement.sql}\n${JSON.stringify(statement.values)}`;
            const seen = explained.get(key);
            if (seen && !target.write) {
              print(`\n--- ${label}: the same statement as ${seen}, not repeated`);
              continue;
            }
            explained.set(key, label);
            print(`\n--- ${label}\n${statement.sql.trim()}`);
            if (statement.values.length > 0) print(`parameters: ${JSON.stringify(statement.values)}`);
            // Reads: a first run warms the cache, as the request just made has; the write runs once, in order.
            if (!target.write) await explain(db, statement);
            const plan = await explain(db, statement);
            print(plan);
            const entry: Measured = { target: target.name, statement: `${k + 1}/${work.length}`, ...summarise(plan) };
            if (!target.write && statement.values.length > 0) {
              const prepared = await explainPrepared(db, statement);
              print(`\nAs the product's prepared statement, 6th execution (${prepared.generic ? 'generic plan' : 'plan for these values'}):`);
              print(prepared.plan);
              entry.generic = { ...summarise(prepared.plan), generic: prepared.generic };
            }
            measured.push(entry);
          }
        } finally {
          if (target.write) await db.query('ROLLBACK');
        }
      }
    } finally {
      await db.end();
    }

    const header = ['endpoint', 'statement', 'execution ms', 'shared hit', 'shared read', '6th prepared run ms (plan)', 'hit / read'];
    const rows = measured.map((m) => [
      m.target,
      m.statement,
      m.executionMs.toFixed(2),
      String(m.hit),
      String(m.read),
      m.generic ? `${m.generic.executionMs.toFixed(2)} (${m.generic.generic ? 'generic' : 'custom'})` : '',
      m.generic ? `${m.generic.hit} / ${m.generic.read}` : '',
    ]);
    const widths = header.map((title, i) => Math.max(title.length, ...rows.map((row) => row[i].length)));
    const line = (cells: string[]) => `| ${cells.map((cell, i) => cell.padEnd(widths[i])).join(' | ')} |`;
    print(`\n${'='.repeat(100)}\nSummary (${PEOPLE} people)`);
    print(line(header));
    print(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
    for (const row of rows) print(line(row));

    const resultsDir = path.join(ROOT, 'bench', 'results');
    fs.mkdirSync(resultsDir, { recursive: true });
    const file = path.join(resultsDir, `explain-${new Date().toISOString().slice(0, 10)}${PEOPLE === 20_000 ? '' : `-${PEOPLE}`}.txt`);
    fs.writeFileSync(file, `${out.join('\n')}\n`);
    console.error(`Written to ${path.relative(ROOT, file)}`);
  } finally {
    await stop();
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
