// The bare baseline for `npm run bench`: plain node:http + pg answering the benchmarked endpoints with
// the same JSON as Soundings on the same database, doing the same required work per request: the
// credential lookup (digest of the bearer token, one statement), rate-limit accounting (counted in memory,
// reconciled into rate_limit_windows every second so several instances share one limit), and for the write
// the same transaction with its chained audit row. What it leaves out is the framework: no Nest pipeline,
// no Fastify hooks, no class-validator, no TypeORM, and every statement is a named (prepared) one.
//
// The answers are built by the product's own rules and mappers (api/dist), so "same JSON" has one source
// of truth. The SQL is the product's own: each read is now one statement sorted and limited first, so
// what the ratio isolates is the framework's cost around the same statements.
// Start: DATABASE_URL=... PORT=0 node bench/baseline/server.mjs  (prints "listening on http://...")
import http from 'node:http';
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const dist = path.join(here, '..', '..', 'api', 'dist', 'api', 'src');
const require = createRequire(path.join(dist, 'main.js'));
require('reflect-metadata');
const pg = require('pg');
const { DataSource } = require('typeorm');

// As the product reads them: dates stay YYYY-MM-DD, counts are numbers.
pg.types.setTypeParser(pg.types.builtins.DATE, (value) => value);
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: Number(process.env.DATABASE_POOL_SIZE ?? 10) });
let statements = 0;
const names = new Map();
function named(text) {
  let name = names.get(text);
  if (!name) names.set(text, (name = 'b' + createHash('sha1').update(text).digest('hex').slice(0, 20)));
  return name;
}

// TypeORM's answer shape for manager.query on pg: rows, except [rows, rowCount] for UPDATE and DELETE.
function shaped(result) {
  return result.command === 'UPDATE' || result.command === 'DELETE' ? [result.rows, result.rowCount] : result.rows;
}

class Queryable {
  constructor(client) {
    this.client = client;
    this.manager = this;
  }
  async query(text, values = []) {
    statements += 1;
    return shaped(await (this.client ?? pool).query({ name: named(text), text, values }));
  }
  async transaction(work) {
    const client = await pool.connect();
    const manager = new Queryable(client);
    try {
      await manager.query('BEGIN');
      const result = await work(manager);
      await manager.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }
}
const db = new Queryable(null);

// The product's services and repositories are plain classes: wired here by their constructor types,
// with the database replaced by the prepared-statement pool above.
const tokens = new Map([[DataSource, db]]);
const instances = new Map();
function make(Class) {
  if (instances.has(Class)) return instances.get(Class);
  const types = Reflect.getMetadata('design:paramtypes', Class) ?? [];
  const injected = Reflect.getMetadata('self:paramtypes', Class) ?? [];
  const args = types.map((type, index) => {
    const token = injected.find((entry) => entry.index === index)?.param;
    if (token !== undefined) {
      if (!tokens.has(token)) throw new Error(`${Class.name}: no value for ${String(token)}`);
      return tokens.get(token);
    }
    if (tokens.has(type)) return tokens.get(type);
    return make(type);
  });
  const instance = new Class(...args);
  instances.set(Class, instance);
  return instance;
}
const product = (file, name) => require(path.join(dist, file))[name];
tokens.set(product('audit/audit.repository.js', 'AUDIT_KEY'), product('audit/audit-key.js', 'requireAuditKeyFromEnvironment')(process.env));
tokens.set(product('rate-limits/rate-limit.config.js', 'RATE_LIMIT_CONFIG'), product('rate-limits/rate-limit.config.js', 'readRateLimitConfig')(process.env));
tokens.set(product('auth/auth.config.js', 'AUTH_CONFIG'), product('auth/auth.config.js', 'readAuthConfig')(process.env));

const StakeholdersService = product('stakeholders/stakeholders.service.js', 'StakeholdersService');
const JourneysService = product('journeys/journeys.service.js', 'JourneysService');
const MeetingsService = product('meetings/meetings.service.js', 'MeetingsService');
const BriefingsService = product('briefings/briefings.service.js', 'BriefingsService');
const DashboardService = product('dashboard/dashboard.service.js', 'DashboardService');
const FearsService = product('fears/fears.service.js', 'FearsService');
const SoundingsService = product('soundings/soundings.service.js', 'SoundingsService');
const services = {};
function service(Class) {
  return (services[Class.name] ??= make(Class));
}

// Credential lookup exactly as the product's guard does it: the digest of the bearer token, its owner active.
const OWNER_SQL = `SELECT t.id AS token_id, t.last_used_at, u.id AS user_id, u.email, u.role
  FROM api_tokens t JOIN users u ON u.id = t.user_id WHERE t.token_hash = $1 AND u.active`;
async function identify(request) {
  const match = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '');
  if (!match) return null;
  const tokenHash = createHash('sha256').update(match[1]).digest('hex');
  const [owner] = await db.query(OWNER_SQL, [tokenHash]);
  if (!owner) return null;
  if (!owner.last_used_at || Date.now() - owner.last_used_at.getTime() > 60_000) {
    void db.query(`UPDATE api_tokens SET last_used_at = now() WHERE id = $1`, [owner.token_id]).catch(() => undefined);
  }
  return { tokenHash, user: { id: owner.user_id, email: owner.email, role: owner.role }, via: 'token', requestId: `req-${++requests}`, clientAddress: request.socket.remoteAddress };
}
let requests = 0;

// Rate limiting as the product is required to do it, without a write per request: counted per user in
// memory, added to the shared window row every second, and refused once this instance's view of the
// window (shared count + local hits since) passes the limit.
const LIMIT = Number(process.env.RATE_LIMIT_PER_MINUTE ?? 2000);
const pending = new Map(); // bucket -> hits not yet written
const shared = new Map(); // bucket -> hits in the database at the last reconcile
function windowStart() {
  return Math.floor(Date.now() / 60_000) * 60_000;
}
function countRequest(userId) {
  const bucket = `requests:user:${userId}@${windowStart()}`;
  const hits = (pending.get(bucket) ?? 0) + 1;
  pending.set(bucket, hits);
  return (shared.get(bucket) ?? 0) + hits <= LIMIT;
}
async function reconcile() {
  const batch = [...pending];
  pending.clear();
  for (const [bucket, hits] of batch) {
    const [name, start] = bucket.split('@');
    const rows = await db.query(
      `INSERT INTO rate_limit_windows AS w (bucket, window_start, expires_at, hits) VALUES ($1, to_timestamp($2 / 1000.0), to_timestamp($2 / 1000.0) + interval '60 seconds', $3)
       ON CONFLICT (bucket, window_start) DO UPDATE SET hits = w.hits + excluded.hits RETURNING w.hits`,
      [name, Number(start), hits],
    );
    shared.set(bucket, rows[0].hits);
  }
  for (const bucket of shared.keys()) if (!bucket.endsWith(`@${windowStart()}`)) shared.delete(bucket);
}
const reconciler = setInterval(() => void reconcile().catch((error) => console.error('reconcile failed', error)), 1000);
reconciler.unref();

function list(params, name) {
  const values = params.getAll(name);
  return values.length ? values : undefined;
}
function pageQuery(params) {
  const query = {};
  for (const key of ['page', 'pageSize']) if (params.has(key)) query[key] = Number(params.get(key));
  return query;
}

const UUID = '([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})';
const routes = [
  ['GET', /^\/api\/stakeholders$/, async (actor, params) =>
    service(StakeholdersService).list({
      ...pageQuery(params),
      q: params.get('q') ?? undefined,
      role: list(params, 'role'),
      commitment: list(params, 'commitment'),
      sort: params.get('sort') ?? undefined,
    })],
  ['GET', new RegExp(`^/api/stakeholders/${UUID}/journey$`), (actor, params, [id]) => service(JourneysService).journey(actor, id)],
  ['GET', new RegExp(`^/api/meetings/${UUID}/readiness$`), (actor, params, [id]) => service(MeetingsService).readiness(actor, id)],
  ['GET', /^\/api\/briefings\/plan$/, () => service(BriefingsService).plan()],
  ['GET', /^\/api\/dashboard$/, (actor) => service(DashboardService).get(actor)],
  ['GET', /^\/api\/fears$/, (actor, params) =>
    service(FearsService).list(actor, { ...pageQuery(params), status: params.get('status') ?? undefined, category: params.get('category') ?? undefined })],
  ['POST', new RegExp(`^/api/stakeholders/${UUID}/soundings$`), (actor, params, [id], body) => service(SoundingsService).log(actor, id, body), 201],
];

function send(response, status, body) {
  const text = JSON.stringify(body);
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
  response.end(text);
}

async function readBody(request) {
  if (request.method !== 'POST') return undefined;
  const chunks = [];
  for await (const chunk of request) chunks.push(chunk);
  return chunks.length ? JSON.parse(Buffer.concat(chunks).toString('utf8')) : {};
}

const server = http.createServer(async (request, response) => {
  try {
    const url = new URL(request.url, 'http://baseline');
    if (url.pathname === '/statements') return send(response, 200, { statements });
    const actor = await identify(request);
    if (!actor) return send(response, 401, { statusCode: 401, error: 'Unauthorized', message: 'Sign in to continue.' });
    if (!countRequest(actor.user.id)) return send(response, 429, { statusCode: 429, error: 'Too Many Requests' });
    const route = routes.find(([method, pattern]) => method === request.method && pattern.test(url.pathname));
    if (!route) return send(response, 404, { statusCode: 404, error: 'Not Found' });
    const [, pattern, handle, status = 200] = route;
    const body = await readBody(request);
    send(response, status, await handle(actor, url.searchParams, pattern.exec(url.pathname).slice(1), body));
  } catch (error) {
    const status = error?.getStatus?.() ?? 500;
    send(response, status, error?.getResponse?.() ?? { statusCode: 500, message: String(error?.message ?? error) });
    if (status >= 500) console.error(error);
  }
});
server.keepAliveTimeout = 72_000;
server.listen(Number(process.env.PORT ?? 0), process.env.HOST ?? '127.0.0.1', () => {
  const { address, port } = server.address();
  console.log(`baseline listening on http://${address}:${port}`);
});
for (const signal of ['SIGTERM', 'SIGINT']) {
  process.on(signal, () => {
    server.close();
    clearInterval(reconciler);
    void reconcile().finally(() => pool.end().finally(() => process.exit(0)));
  });
}
