// The bare baseline for `npm run bench`: plain node:http + pg answering the benchmarked endpoints with
// the same JSON as Soundings on the same database, doing the same required work per request: the
// credential lookup (digest of the bearer token or session cookie, one statement), rate-limit accounting
// (counted in memory, reconciled into rate_limit_windows every second so several instances share one
// limit), and for the write the same checks, the same rows and the same unsealed audit row in one
// transaction. What it leaves out is the framework: no Nest pipeline, no Fastify hooks, no
// class-validator, no TypeORM, no row mappers.
//
// Its SQL is written by hand, one named (prepared) statement per endpoint, each answer built as JSON in
// PostgreSQL (json_build_object, json_agg) and only re-serialised here, so it is the yardstick for what
// the database alone costs. The journey, meeting readiness and the briefing plan fetch their rows with
// their own statements too, but build the answer with the product's pure builders (timeline order,
// readiness warnings, the plan's warnings): rules too involved to restate in SQL without forking them.
// Start: DATABASE_URL=... PORT=0 node bench/baseline/server.mjs  (prints "listening on http://...")
import http from 'node:http';
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const dist = path.join(here, '..', '..', 'api', 'dist', 'api', 'src');
const require = createRequire(path.join(dist, 'main.js'));
const pg = require('pg');
const shared = require('@soundings/shared');
const product = (file, name) => require(path.join(dist, file))[name];

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
async function query(text, values = [], client = pool) {
  statements += 1;
  return (await client.query({ name: named(text), text, values })).rows;
}

class HttpError extends Error {
  constructor(status, body) {
    super(body.message ?? body.error);
    this.status = status;
    this.body = body;
  }
}
const badRequest = (problems) =>
  new HttpError(400, { statusCode: 400, error: 'Bad Request', code: 'validation_failed', message: 'Some fields are not valid.', problems });
const notFound = (what) => new HttpError(404, { statusCode: 404, error: 'Not Found', code: 'not_found', message: `${what} not found.` });

// ---- SQL pieces -------------------------------------------------------------------------------------
// A moment as JavaScript's toISOString writes it (PostgreSQL's JSON would write +00:00 and microseconds).
const iso = (column) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
const TZ = `(SELECT time_zone FROM settings LIMIT 1)`;
const list = (values) => values.map((value) => `'${value}'`).join(',');

// What the last contact was, in the order CONTACT_KINDS ranks them; each kind an index probe, the
// first that matches wins, so a person last met in a sounding costs one probe.
const lastKind = (s) => `CASE WHEN ${s}.last_contact_at IS NULL THEN NULL
    WHEN EXISTS (SELECT 1 FROM soundings k WHERE k.stakeholder_id = ${s}.id AND k.held_on = ${s}.last_contact_at) THEN 'sounding'
    WHEN EXISTS (SELECT 1 FROM briefings k WHERE k.briefer_id = ${s}.id AND k.status = 'done' AND (k.planned_for AT TIME ZONE ${TZ})::date = ${s}.last_contact_at) THEN 'briefing_given'
    WHEN EXISTS (SELECT 1 FROM briefings k WHERE (k.audience_id = ${s}.id OR (k.audience_is_top_team AND ${s}.role = 'top_team' AND ${s}.erased_at IS NULL))
                  AND k.status = 'done' AND (k.planned_for AT TIME ZONE ${TZ})::date = ${s}.last_contact_at) THEN 'briefing_received'
    WHEN EXISTS (SELECT 1 FROM meeting_attendees k JOIN meetings km ON km.id = k.meeting_id
                  WHERE k.stakeholder_id = ${s}.id AND (km.scheduled_for AT TIME ZONE ${TZ})::date = ${s}.last_contact_at) THEN 'meeting'
    WHEN EXISTS (SELECT 1 FROM initiative_people k JOIN initiatives ki ON ki.id = k.initiative_id
                  WHERE k.stakeholder_id = ${s}.id AND ki.held_on = ${s}.last_contact_at) THEN 'initiative'
  END`;

// The contact cadence of stakeholders row `s` joined to its role's rule `r`, with `today` in scope.
const ideal = (s, r) => `coalesce(${s}.cadence_ideal_days, ${r}.ideal_days)`;
const maxDays = (s, r) => `coalesce(${s}.cadence_max_days, ${r}.max_days)`;
const since = (s) => `(today - ${s}.last_contact_at)`;
const cadenceState = (s, r) => `CASE WHEN ${s}.last_contact_at IS NULL THEN 'never' WHEN ${since(s)} > ${maxDays(s, r)} THEN 'overdue'
    WHEN ${since(s)} > ${ideal(s, r)} THEN 'due' ELSE 'on_track' END`;
const contact = (s, r) => `json_build_object('lastContactOn', ${s}.last_contact_at, 'lastContactKind', ${lastKind(s)},
    'daysSinceContact', ${since(s)}, 'cadence', json_build_object('idealDays', ${ideal(s, r)}, 'maxDays', ${maxDays(s, r)}),
    'personal', ${s}.cadence_ideal_days IS NOT NULL, 'state', ${cadenceState(s, r)})`;

// One stakeholder as the API shows it; `s` the row, `m` their manager, `r` their role's cadence rule.
const STAKEHOLDER_JSON = `json_build_object('id', s.id, 'name', s.name, 'title', s.title, 'email', s.email,
    'businessFunction', s.business_function, 'role', s.role, 'potentialChampion', s.potential_champion, 'influence', s.influence,
    'reportsTo', CASE WHEN s.reports_to_id IS NOT NULL THEN json_build_object('id', s.reports_to_id, 'name', coalesce(m.name, '')) END,
    'requiredCommitment', s.required_commitment, 'timingNotes', s.timing_notes, 'commitment', s.commitment,
    'commitmentGap', commitment_gap(s.commitment, s.required_commitment), 'commitmentSince', s.commitment_since,
    'lastContactAt', s.last_contact_at, 'nextFollowUpOn', s.next_follow_up_on, 'contact', ${contact('s', 'r')},
    'openFears', (SELECT count(*) FROM fears f WHERE f.stakeholder_id = s.id AND f.status <> 'resolved'),
    'erasedAt', ${iso('s.erased_at')}, 'createdAt', ${iso('s.created_at')}, 'updatedAt', ${iso('s.updated_at')}, 'version', s.version)`;

const EXACT_MAX = Number(process.env.LIST_EXACT_TOTAL_MAX ?? 10_000);

/** A page: the count stops past the exact limit, then the planner's or a fixed sample's estimate, as the product does. */
function pageSql({ table, alias, where, order, item, joins = '' }) {
  const whereSql = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const estimate = where.length
    ? `(SELECT (count(*) FILTER (WHERE ${where.join(' AND ')}) * (SELECT reltuples FROM pg_class WHERE oid = '${table}'::regclass) / nullif(count(*), 0))::bigint
         FROM ${table} ${alias} TABLESAMPLE SYSTEM (5) REPEATABLE (0))`
    : `(SELECT reltuples::bigint FROM pg_class WHERE oid = '${table}'::regclass)`;
  return `SELECT json_build_object(
      'items', coalesce((SELECT json_agg(${item} ORDER BY ${order})
                           FROM (SELECT * FROM ${table} ${alias} ${whereSql} ORDER BY ${order} LIMIT $1 OFFSET $2) ${alias} ${joins}), '[]'::json),
      'total', CASE WHEN counted.n > ${EXACT_MAX} THEN greatest(${EXACT_MAX + 1}, coalesce(${estimate}, 0)) ELSE counted.n END,
      'totalIsEstimate', counted.n > ${EXACT_MAX},
      'page', $3::int, 'pageSize', $1::int) AS body
    FROM (SELECT count(*) AS n FROM (SELECT 1 FROM ${table} ${alias} ${whereSql} LIMIT ${EXACT_MAX + 1}) capped) counted`;
}

function gatheredSearchSql({ alias, where, order, item, joins }) {
  return `WITH matches AS MATERIALIZED (SELECT ${alias}.id, ${alias}.name FROM stakeholders ${alias} WHERE ${where.join(' AND ')})
    SELECT json_build_object(
      'items', coalesce((SELECT json_agg(${item} ORDER BY ${order})
                           FROM (SELECT ${alias}.* FROM (SELECT ${alias}.id, ${alias}.name FROM matches ${alias} ORDER BY ${order} LIMIT $1 OFFSET $2) page
                                   JOIN stakeholders ${alias} ON ${alias}.id = page.id) ${alias} ${joins}), '[]'::json),
      'total', counted.n, 'totalIsEstimate', false,
      'page', $3::int, 'pageSize', $1::int) AS body
    FROM (SELECT count(*) AS n FROM matches) counted`;
}

// ---- credentials and the rate limit -----------------------------------------------------------------
const digest = (secret) => createHash('sha256').update(secret).digest('hex');
const TOKEN_SQL = `SELECT t.id AS token_id, t.last_used_at, u.id AS user_id, u.email, u.role
  FROM api_tokens t JOIN users u ON u.id = t.user_id WHERE t.token_hash = $1 AND u.active`;
const SESSION_SQL = `SELECT se.id AS session_id, se.last_seen_at, u.id AS user_id, u.email, u.role
  FROM sessions se JOIN users u ON u.id = se.user_id
 WHERE se.id = $1 AND u.active AND se.expires_at > now() AND se.last_seen_at > now() - make_interval(secs => $2)`;
const SESSION_IDLE_SECONDS = Number(process.env.SESSION_IDLE_MINUTES ?? 60) * 60;
let requests = 0;
function cookie(request, name) {
  for (const part of (request.headers.cookie ?? '').split(';')) {
    const at = part.indexOf('=');
    if (at > 0 && part.slice(0, at).trim() === name) return decodeURIComponent(part.slice(at + 1).trim());
  }
  return null;
}
async function identify(request) {
  const actor = (row, via) => ({
    user: { id: row.user_id, email: row.email, role: row.role },
    via,
    requestId: `req-${++requests}`,
    clientAddress: request.socket.remoteAddress,
  });
  if (request.headers.authorization) {
    const match = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization);
    if (!match) return null;
    const [owner] = await query(TOKEN_SQL, [digest(match[1])]);
    if (!owner) return null;
    if (!owner.last_used_at || Date.now() - owner.last_used_at.getTime() > 60_000) {
      void query(`UPDATE api_tokens SET last_used_at = now() WHERE id = $1`, [owner.token_id]).catch(() => undefined);
    }
    return actor(owner, 'token');
  }
  const secret = cookie(request, 'soundings_session');
  if (!secret) return null;
  const [session] = await query(SESSION_SQL, [digest(secret), SESSION_IDLE_SECONDS]);
  if (!session) return null;
  if (Date.now() - session.last_seen_at.getTime() > 60_000) {
    void query(`UPDATE sessions SET last_seen_at = now() WHERE id = $1 AND last_seen_at < now() - interval '1 minute'`, [session.session_id]).catch(
      () => undefined,
    );
  }
  return actor(session, 'session');
}

// Counted per user in memory, added to the shared window row every second, refused once this instance's
// view of the window (shared count + local hits since) passes the limit.
const LIMIT = Number(process.env.RATE_LIMIT_PER_MINUTE ?? 2000);
const pending = new Map(); // bucket -> hits not yet written
const sharedHits = new Map(); // bucket -> hits in the database at the last reconcile
const windowStart = () => Math.floor(Date.now() / 60_000) * 60_000;
function countRequest(userId) {
  const bucket = `requests:user:${userId}@${windowStart()}`;
  const hits = (pending.get(bucket) ?? 0) + 1;
  pending.set(bucket, hits);
  return (sharedHits.get(bucket) ?? 0) + hits <= LIMIT;
}
async function reconcile() {
  const batch = [...pending];
  pending.clear();
  for (const [bucket, hits] of batch) {
    const [name, start] = bucket.split('@');
    const rows = await query(
      `INSERT INTO rate_limit_windows AS w (bucket, window_start, expires_at, hits) VALUES ($1, to_timestamp($2 / 1000.0), to_timestamp($2 / 1000.0) + interval '60 seconds', $3)
       ON CONFLICT (bucket, window_start) DO UPDATE SET hits = w.hits + excluded.hits RETURNING w.hits`,
      [name, Number(start), hits],
    );
    sharedHits.set(bucket, rows[0].hits);
  }
  for (const bucket of sharedHits.keys()) if (!bucket.endsWith(`@${windowStart()}`)) sharedHits.delete(bucket);
}
const reconciler = setInterval(() => void reconcile().catch((error) => console.error('reconcile failed', error)), 1000);
reconciler.unref();

// ---- the audit row, appended unsealed as the product appends it (its sealer chains it) -------------
const APPEND_AUDIT = `INSERT INTO audit_log (id, at, actor_id, actor_email, action, entity_type, entity_id, stakeholder_id, before, after, request_id, client_address)
  VALUES (nextval('audit_pending_id_seq'), date_trunc('milliseconds', clock_timestamp()), $1::uuid, $2::text, $3::text, $4::text, $5::text,
          $6::uuid, $7::jsonb, $8::jsonb, $9::text, $10::text)`;
/** A confidential note's words were shown: one entry naming them, as the confidentiality policy records it. */
async function recordShown(actor, shown) {
  if (!shown || (shown.soundings.length === 0 && shown.fears.length === 0)) return;
  const ids = [...shown.soundings, ...shown.fears];
  const people = [...new Set(shown.people)];
  await query(APPEND_AUDIT, [
    actor.user.id, actor.user.email, 'sounding.read_confidential', shown.soundings.length > 0 ? 'sounding' : 'fear',
    ids.length === 1 ? ids[0] : null, people.length === 1 ? people[0] : null, null,
    JSON.stringify({ confidentialSoundingIds: [...shown.soundings].sort(), confidentialFearIds: [...shown.fears].sort() }),
    actor.requestId, actor.clientAddress,
  ]);
}
// Whether the reader ($uid, $admin) may read a confidential note of author `author`.
const mayRead = (author, uid, admin) => `(${admin} OR coalesce(${author} = ${uid}, false))`;

// ---- the stakeholder list ---------------------------------------------------------------------------
const LADDER = ['resistant', ...shared.COMMITMENT_PATH];
const LADDER_ORDER = `array_position(ARRAY[${list(LADDER)}]::text[], s.commitment)`;
const ORDER = {
  name: 'lower(s.name) ASC, s.id ASC',
  '-name': 'lower(s.name) DESC, s.id DESC',
  commitment: `${LADDER_ORDER} ASC, lower(s.name) ASC, s.id ASC`,
  '-commitment': `${LADDER_ORDER} DESC, lower(s.name) ASC, s.id ASC`,
  lastContact: 's.last_contact_at ASC NULLS FIRST, lower(s.name) ASC, s.id ASC',
  '-lastContact': 's.last_contact_at DESC NULLS LAST, lower(s.name) ASC, s.id ASC',
  '-gap': 'commitment_gap(s.commitment, s.required_commitment) DESC, lower(s.name) ASC, s.id ASC',
  '-influence': 's.influence DESC NULLS LAST, lower(s.name) ASC, s.id ASC',
};
const foldForSearch = product('stakeholders/search-text.js', 'foldForSearch');
const escapeLike = (text) => text.replace(/[\\%_]/g, (c) => `\\${c}`);
const listSql = new Map();

function pageOf(params) {
  const number = (name, fallback, max) => {
    if (!params.has(name)) return fallback;
    const value = Number(params.get(name));
    if (!/^\d+$/.test(params.get(name)) || value < 1 || value > max) throw badRequest([{ field: name, message: `must be a whole number from 1 to ${max}` }]);
    return value;
  };
  return { page: number('page', 1, 1_000_000), pageSize: number('pageSize', shared.PAGE_SIZE_DEFAULT, shared.PAGE_SIZE_MAX) };
}

function oneOf(params, name, allowed) {
  const values = params.getAll(name).flatMap((value) => value.split(',')).filter(Boolean);
  const wrong = values.filter((value) => !allowed.includes(value));
  if (wrong.length) throw badRequest([{ field: name, message: `must be one of ${allowed.join(', ')}` }]);
  return [...new Set(values)];
}

async function stakeholders(actor, params) {
  for (const key of params.keys()) {
    if (!['q', 'role', 'commitment', 'sort', 'page', 'pageSize'].includes(key)) throw badRequest([{ field: key, message: 'is not one the baseline serves' }]);
  }
  const { page, pageSize } = pageOf(params);
  const words = [...new Set(foldForSearch(params.get('q') ?? '').split(/\s+/).filter(Boolean))].slice(0, 8);
  const roles = oneOf(params, 'role', shared.STAKEHOLDER_ROLES);
  const levels = oneOf(params, 'commitment', shared.COMMITMENT_LEVELS);
  const sort = params.get('sort') ?? 'name';
  if (!ORDER[sort]) throw badRequest([{ field: 'sort', message: `must be one of ${Object.keys(ORDER).join(', ')}` }]);
  // Filters are enumerations: written into the statement as literals (one prepared statement per shape),
  // so the planner sees the real selectivity of a skewed level or role instead of a generic plan.
  const where = words.map((_, i) => `s.search_text LIKE $${4 + i}`);
  if (levels.length) {
    where.push(`s.commitment IN (${list(levels)})`);
    // The ladder position as well, so the ladder-sorted index can seek to the level instead of filtering.
    where.push(`${LADDER_ORDER} IN (${levels.map((level) => LADDER.indexOf(level) + 1).join(',')})`);
  }
  if (roles.length) where.push(`s.role IN (${list(roles)})`);
  const key = `${where.join(' AND ')}|${sort}`;
  let text = listSql.get(key);
  if (!text) {
    // A name-sorted search gathers its matches' ids and names once, for both the count and the page.
    const build = (sort === 'name' || sort === '-name') && words.some((word) => word.length >= 3) ? gatheredSearchSql : pageSql;
    text = build({
      table: 'stakeholders',
      alias: 's',
      where,
      order: ORDER[sort],
      item: STAKEHOLDER_JSON,
      joins: `CROSS JOIN (SELECT org_today() AS today) t LEFT JOIN stakeholders m ON m.id = s.reports_to_id LEFT JOIN cadence_rules r ON r.role = s.role`,
    });
    listSql.set(key, text);
  }
  const [row] = await query(text, [pageSize, (page - 1) * pageSize, page, ...words.map((word) => `%${escapeLike(word)}%`)]);
  return row.body;
}

// ---- fears ------------------------------------------------------------------------------------------
const FEAR_JSON = (redacted) => `json_build_object('id', f.id, 'stakeholder', json_build_object('id', f.stakeholder_id, 'name', s.name),
    'soundingId', f.sounding_id, 'statement', CASE WHEN ${redacted} THEN NULL ELSE f.statement END, 'redacted', ${redacted},
    'category', f.category, 'status', f.status, 'response', CASE WHEN ${redacted} THEN NULL ELSE f.response END, 'owner', f.owner,
    'voicedOn', f.voiced_on, 'resolvedOn', f.resolved_on, 'createdAt', ${iso('f.created_at')}, 'updatedAt', ${iso('f.updated_at')}, 'version', f.version)`;
const FEAR_REDACTED = `(coalesce(so.confidential, false) AND NOT ${mayRead('so.author_id', '$4::uuid', '$5::boolean')})`;
const fearSql = new Map();
async function fears(actor, params) {
  for (const key of params.keys()) {
    if (!['status', 'category', 'page', 'pageSize'].includes(key)) throw badRequest([{ field: key, message: 'is not one the baseline serves' }]);
  }
  const { page, pageSize } = pageOf(params);
  const where = [];
  for (const [name, column, allowed] of [['status', 'status', shared.FEAR_STATUSES], ['category', 'category', shared.FEAR_CATEGORIES]]) {
    if (!params.has(name)) continue;
    if (!allowed.includes(params.get(name))) throw badRequest([{ field: name, message: `must be one of ${allowed.join(', ')}` }]);
    where.push(`f.${column} = '${params.get(name)}'`);
  }
  const key = where.join(' AND ');
  let text = fearSql.get(key);
  if (!text) {
    const page = pageSql({
      table: 'fears',
      alias: 'f',
      where,
      order: 'f.voiced_on DESC, f.created_at DESC, f.id',
      item: FEAR_JSON(FEAR_REDACTED),
      joins: `JOIN stakeholders s ON s.id = f.stakeholder_id LEFT JOIN soundings so ON so.id = f.sounding_id`,
    });
    // The confidential fears shown to this reader, for the audit entry: normally none, so the probe is cheap.
    text = `SELECT page.body, shown.fears, shown.people FROM (${page}) page,
      LATERAL (SELECT coalesce(array_agg(f.id), '{}') AS fears, coalesce(array_agg(f.stakeholder_id), '{}') AS people
                 FROM (SELECT * FROM fears f ${key ? `WHERE ${key}` : ''} ORDER BY f.voiced_on DESC, f.created_at DESC, f.id LIMIT $1 OFFSET $2) f
                 JOIN soundings so ON so.id = f.sounding_id AND so.confidential
                WHERE ${mayRead('so.author_id', '$4::uuid', '$5::boolean')}) shown`;
    fearSql.set(key, text);
  }
  const [row] = await query(text, [pageSize, (page - 1) * pageSize, page, actor.user.id, actor.user.role === 'admin']);
  await recordShown(actor, { soundings: [], fears: row.fears, people: row.people });
  return row.body;
}

// ---- the dashboard ----------------------------------------------------------------------------------
const LIST_LIMIT = 20;
const zeroed = (keys, from, key, value) =>
  `json_build_object(${keys.map((k) => `'${k}', coalesce((SELECT ${value} FROM ${from} WHERE ${key} = '${k}'), 0)`).join(', ')})`;
const ON_BOARD = shared.COMMITMENT_LEVELS.filter((level) => shared.isOnBoard(level));
// The role's rule for row `s`, looked up where a join would spoil an index walk's order.
const RULE = (column) => `(SELECT r.${column} FROM cadence_rules r WHERE r.role = s.role)`;
const DASHBOARD_SQL = `WITH t AS (SELECT org_today() AS today),
  levels AS (SELECT commitment, count(*) AS total, count(*) FILTER (WHERE role = 'top_team') AS top_team FROM stakeholders GROUP BY commitment),
  open_fears AS (SELECT category, count(*) AS total FROM fears WHERE status <> 'resolved' GROUP BY category),
  overdue AS (
    SELECT s.id, s.name, s.next_follow_up_on, latest.id AS sounding_id, latest.next_step, latest.confidential, latest.author_id
      FROM stakeholders s CROSS JOIN t
      JOIN LATERAL (SELECT so.id, so.next_step, so.confidential, so.author_id FROM soundings so
                     WHERE so.stakeholder_id = s.id ORDER BY so.held_on DESC, so.created_at DESC LIMIT 1) latest ON true
     WHERE s.next_follow_up_on < t.today
     ORDER BY s.next_follow_up_on, lower(s.name), s.id LIMIT ${LIST_LIMIT}),
  -- The overdue and the due, each a walk of the last-contact index that stops at twenty (the due start where the
  -- longest maximum interval ends); the rule is looked up per row walked, so the walk keeps its order.
  walked AS (
    (SELECT s.* FROM stakeholders s CROSS JOIN t
      WHERE s.last_contact_at IS NOT NULL AND today - s.last_contact_at > coalesce(s.cadence_max_days, ${RULE('max_days')})
      ORDER BY s.last_contact_at NULLS FIRST, lower(s.name), s.id LIMIT ${LIST_LIMIT})
    UNION ALL
    (SELECT s.* FROM stakeholders s CROSS JOIN t
      WHERE s.last_contact_at >= (SELECT today FROM t) - greatest((SELECT max(r.max_days) FROM cadence_rules r), (SELECT max(o.cadence_max_days) FROM stakeholders o))
        AND today - s.last_contact_at > coalesce(s.cadence_ideal_days, ${RULE('ideal_days')}) AND today - s.last_contact_at <= coalesce(s.cadence_max_days, ${RULE('max_days')})
      ORDER BY s.last_contact_at NULLS FIRST, lower(s.name), s.id LIMIT ${LIST_LIMIT})),
  -- What the last contact was is looked up for the twenty shown only.
  cooling AS (
    SELECT s.*, t.today, ${cadenceState('s', 'r')} AS state,
           ${ideal('s', 'r')} AS ideal_days, ${maxDays('s', 'r')} AS max_days
      FROM walked s CROSS JOIN t LEFT JOIN cadence_rules r ON r.role = s.role
     ORDER BY array_position(ARRAY['overdue','never','due','on_track']::text[], ${cadenceState('s', 'r')}), s.last_contact_at, lower(s.name), s.id
     LIMIT ${LIST_LIMIT})
  SELECT json_build_object(
    'totalStakeholders', (SELECT coalesce(sum(total), 0) FROM levels),
    'byCommitment', ${zeroed(shared.COMMITMENT_LEVELS, 'levels', 'commitment', 'total')},
    'topTeam', (SELECT json_build_object('total', coalesce(sum(top_team), 0), 'sounded', coalesce(sum(top_team) FILTER (WHERE commitment <> 'not_sounded'), 0),
                                         'onBoard', coalesce(sum(top_team) FILTER (WHERE commitment IN (${list(ON_BOARD)})), 0)) FROM levels),
    'openFearsByCategory', ${zeroed(shared.FEAR_CATEGORIES, 'open_fears', 'category', 'total')},
    'overdueFollowUps', coalesce((SELECT json_agg(json_build_object('stakeholder', json_build_object('id', o.id, 'name', o.name),
        'followUpOn', o.next_follow_up_on,
        'nextStep', CASE WHEN o.confidential AND NOT ${mayRead('o.author_id', '$1::uuid', '$2::boolean')} THEN NULL ELSE o.next_step END,
        'redacted', o.confidential AND NOT ${mayRead('o.author_id', '$1::uuid', '$2::boolean')}, 'soundingId', o.sounding_id)
        ORDER BY o.next_follow_up_on, lower(o.name), o.id) FROM overdue o), '[]'::json),
    'overdueFollowUpsTotal', (SELECT count(*) FROM stakeholders s, t WHERE s.next_follow_up_on < t.today),
    'coolingContacts', coalesce((SELECT json_agg(json_build_object('stakeholder', json_build_object('id', s.id, 'name', s.name),
        'commitment', s.commitment, 'lastContactAt', s.last_contact_at,
        'contact', json_build_object('lastContactOn', s.last_contact_at, 'lastContactKind', ${lastKind('s')}, 'daysSinceContact', s.today - s.last_contact_at,
                                     'cadence', json_build_object('idealDays', s.ideal_days, 'maxDays', s.max_days),
                                     'personal', s.cadence_ideal_days IS NOT NULL, 'state', s.state))
        ORDER BY array_position(ARRAY['overdue','never','due','on_track']::text[], s.state), s.last_contact_at, lower(s.name), s.id) FROM cooling s), '[]'::json),
    -- Cooling is "last contact before today minus the ideal interval" (an ideal never exceeds its maximum): a range
    -- count per role, and the few people with a cadence of their own one by one.
    'coolingContactsTotal', (SELECT coalesce(sum(n), 0) FROM cadence_rules r CROSS JOIN t CROSS JOIN LATERAL (
        SELECT count(*) AS n FROM stakeholders s WHERE s.role = r.role AND s.cadence_ideal_days IS NULL AND s.last_contact_at < today - r.ideal_days) by_role)
      + (SELECT count(*) FROM stakeholders s CROSS JOIN t WHERE s.cadence_max_days IS NOT NULL AND s.cadence_ideal_days IS NOT NULL AND s.last_contact_at < today - s.cadence_ideal_days)
  ) AS body,
  (SELECT coalesce(array_agg(o.sounding_id), '{}') FROM overdue o
    WHERE o.confidential AND o.next_step IS NOT NULL AND ${mayRead('o.author_id', '$1::uuid', '$2::boolean')}) AS shown_soundings,
  (SELECT coalesce(array_agg(o.id), '{}') FROM overdue o
    WHERE o.confidential AND o.next_step IS NOT NULL AND ${mayRead('o.author_id', '$1::uuid', '$2::boolean')}) AS shown_people`;

async function dashboard(actor, params, match, body, response) {
  const [row] = await query(DASHBOARD_SQL, [actor.user.id, actor.user.role === 'admin']);
  await recordShown(actor, { soundings: row.shown_soundings, fears: [], people: row.shown_people });
  const text = JSON.stringify(row.body);
  // The product's weak ETag over what this reader is shown.
  response.setHeader('etag', `W/"${createHash('sha256').update(text).digest('base64url').slice(0, 27)}"`);
  return { text };
}

// ---- logging a sounding -----------------------------------------------------------------------------
const TEXT_FIELDS = { summary: 'summary', developmentalExperience: 'developmental_experience', benefitsSeen: 'benefits_seen', personalCost: 'personal_cost', prioritiesServed: 'priorities_served', nextStep: 'next_step' };
const AUDITABLE = ['heldOn', 'channel', 'commitmentAfter', 'followUpOn', 'confidential', 'conductedById'];
const isDate = (value) => typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) && new Date(`${value}T00:00:00Z`).toISOString().slice(0, 10) === value;

/** The rules of the product's sounding form, for the fields this endpoint is benchmarked with; anything else is refused. */
function checkSounding(input) {
  const problems = [];
  const problem = (field, message) => problems.push({ field, message });
  if (!input || typeof input !== 'object' || Array.isArray(input)) throw badRequest([{ field: '', message: 'must be a JSON object' }]);
  const allowed = new Set(['heldOn', 'channel', 'summary', 'commitmentAfter', 'nextStep', 'followUpOn', 'confidential', 'fears', ...Object.keys(TEXT_FIELDS)]);
  for (const key of Object.keys(input)) if (!allowed.has(key)) problem(key, 'is not one the baseline serves');
  const fields = {};
  if (!isDate(input.heldOn)) problem('heldOn', 'must be a real date as YYYY-MM-DD');
  else if (input.heldOn < shared.CAMPAIGN_START || input.heldOn > shared.latestPossibleToday()) problem('heldOn', 'must not be in the future');
  else fields.heldOn = input.heldOn;
  if (input.channel !== undefined) {
    if (!shared.SOUNDING_CHANNELS.includes(input.channel)) problem('channel', 'is not a channel');
    else fields.channel = input.channel;
  }
  for (const [key] of Object.entries(TEXT_FIELDS)) {
    const value = input[key];
    if (value === undefined) continue;
    if (value === null && key !== 'summary') {
      fields[key] = null;
      continue;
    }
    if (typeof value !== 'string') {
      problem(key, 'must be text');
      continue;
    }
    const text = shared.canonicalText(value);
    const wrong = text.length > shared.LIMITS.longText ? 'too long' : shared.textProblem(text, 'text');
    if (wrong) problem(key, wrong);
    else if (key === 'summary' && text === '') problem(key, 'must be between 1 and 20000 characters');
    else fields[key] = key === 'summary' ? text : text || null;
  }
  if (fields.summary === undefined && !problems.some((p) => p.field === 'summary')) problem('summary', 'must be between 1 and 20000 characters');
  if (!shared.SOUNDING_LEVELS.includes(input.commitmentAfter)) problem('commitmentAfter', 'is not a level');
  else fields.commitmentAfter = input.commitmentAfter;
  if (input.followUpOn !== undefined && input.followUpOn !== null) {
    if (!isDate(input.followUpOn) || input.followUpOn > shared.latestPlannableDay()) problem('followUpOn', 'must be a real date within five years');
    else if (fields.heldOn && input.followUpOn < fields.heldOn) problem('followUpOn', `cannot be before the sounding itself (${fields.heldOn})`);
    else fields.followUpOn = input.followUpOn;
  } else if (input.followUpOn === null) fields.followUpOn = null;
  if (input.confidential !== undefined) {
    if (typeof input.confidential !== 'boolean') problem('confidential', 'must be true or false');
    else fields.confidential = input.confidential;
  }
  const fears = input.fears ?? [];
  if (!Array.isArray(fears) || fears.length > shared.LIMITS.fearsPerSounding) problem('fears', 'must be a list of at most 50 fears');
  else {
    const seen = new Set();
    fears.forEach((fear, i) => {
      const statement = typeof fear?.statement === 'string' ? shared.canonicalText(fear.statement) : null;
      if (!statement || statement.length > shared.LIMITS.longText || shared.textProblem(statement, 'text')) problem(`fears.${i}.statement`, 'is not a valid statement');
      else if (seen.has(shared.fearIdentity(statement))) problem(`fears.${i}.statement`, 'is the same fear twice');
      else seen.add(shared.fearIdentity(statement));
      if (!shared.FEAR_CATEGORIES.includes(fear?.category)) problem(`fears.${i}.category`, 'is not a category');
      if (statement) fear.statement = statement;
    });
  }
  if (problems.length) throw badRequest(problems);
  return { fields, fears };
}

const LOCK_PERSON = `SELECT erased_at FROM stakeholders WHERE id = $1 FOR UPDATE`;
const FEAR_ANSWER = `json_build_object('id', f.id, 'stakeholder', json_build_object('id', f.stakeholder_id, 'name', p.name), 'soundingId', f.sounding_id,
    'statement', f.statement, 'redacted', false, 'category', f.category, 'status', f.status, 'response', f.response, 'owner', f.owner,
    'voicedOn', f.voiced_on, 'resolvedOn', f.resolved_on, 'createdAt', ${iso('f.created_at')}, 'updatedAt', ${iso('f.updated_at')}, 'version', f.version)`;
/**
 * The sounding, its fears, the level change when it moves the person's level, the person's level,
 * follow-up and last contact, and the audit entry: one statement, after the person's row is locked.
 * $1 person, $2 author, $3 the sounding's columns as JSON, $4/$5 the fears, $6.. the audit entry.
 */
const WRITE_SOUNDING = `WITH input AS (SELECT * FROM json_populate_record(NULL::soundings, $3::json)),
  inserted AS (
    INSERT INTO soundings (stakeholder_id, author_id, held_on, channel, summary, developmental_experience, benefits_seen, personal_cost,
                           priorities_served, commitment_after, next_step, follow_up_on, confidential)
    SELECT $1, $2, i.held_on, coalesce(i.channel, 'in_person'), i.summary, i.developmental_experience, i.benefits_seen, i.personal_cost,
           i.priorities_served, i.commitment_after, i.next_step, i.follow_up_on, coalesce(i.confidential, false)
      FROM input i
    RETURNING *),
  voiced AS (
    INSERT INTO fears (stakeholder_id, sounding_id, voiced_on, statement, category, created_at)
    SELECT i.stakeholder_id, i.id, i.held_on, f.statement, f.category, now() + f.position * interval '1 microsecond'
      FROM inserted i, unnest($4::text[], $5::text[]) WITH ORDINALITY AS f(statement, category, position)
    RETURNING *),
  previous AS (
    SELECT c.to_level, c.changed_on FROM commitment_changes c WHERE c.stakeholder_id = $1 ORDER BY c.changed_on DESC, c.created_at DESC LIMIT 1),
  verdict AS (
    SELECT NOT EXISTS (SELECT 1 FROM soundings o WHERE o.stakeholder_id = f.stakeholder_id AND o.id <> f.id AND (o.held_on, o.created_at) >= (f.held_on, f.created_at))
       AND NOT EXISTS (SELECT 1 FROM commitment_changes c WHERE c.stakeholder_id = f.stakeholder_id AND c.sounding_id IS NULL
                          AND (c.changed_on, c.created_at) >= (f.held_on, f.created_at)) AS latest,
           coalesce((SELECT to_level FROM previous), 'not_sounded') AS previous_level,
           CASE WHEN f.commitment_after <> coalesce((SELECT to_level FROM previous), 'not_sounded') THEN f.held_on ELSE (SELECT changed_on FROM previous) END AS since,
           f.*
      FROM inserted f),
  appended AS (
    INSERT INTO commitment_changes (stakeholder_id, to_level, changed_on, sounding_id, created_at)
    SELECT stakeholder_id, commitment_after, held_on, id, created_at FROM verdict WHERE latest AND commitment_after <> previous_level),
  person AS (
    UPDATE stakeholders s
       SET (commitment, commitment_since, next_follow_up_on, last_contact_at) =
           (v.commitment_after, v.since, v.follow_up_on, CASE WHEN v.held_on <= org_today() THEN greatest(s.last_contact_at, v.held_on) ELSE s.last_contact_at END)
      FROM verdict v
     WHERE v.latest AND s.id = v.stakeholder_id
       AND (s.commitment, s.commitment_since, s.next_follow_up_on, s.last_contact_at) IS DISTINCT FROM
           (v.commitment_after, v.since, v.follow_up_on, CASE WHEN v.held_on <= org_today() THEN greatest(s.last_contact_at, v.held_on) ELSE s.last_contact_at END)
    RETURNING s.name),
  audited AS (
    INSERT INTO audit_log (id, at, actor_id, actor_email, action, entity_type, entity_id, stakeholder_id, before, after, request_id, client_address)
    SELECT nextval('audit_pending_id_seq'), date_trunc('milliseconds', clock_timestamp()), $2, $6, 'sounding.create', 'sounding', i.id::text, $1, NULL, $7::jsonb, $8, $9
      FROM inserted i)
  SELECT json_build_object('id', so.id, 'stakeholderId', so.stakeholder_id, 'heldOn', so.held_on, 'channel', so.channel,
      'conductedBy', so.conducted_by, 'conductedById', so.conducted_by_stakeholder_id, 'conductedByPerson', NULL,
      'summary', so.summary, 'developmentalExperience', so.developmental_experience, 'benefitsSeen', so.benefits_seen,
      'personalCost', so.personal_cost, 'prioritiesServed', so.priorities_served, 'commitmentAfter', so.commitment_after,
      'nextStep', so.next_step, 'followUpOn', so.follow_up_on, 'confidential', so.confidential, 'authorId', so.author_id, 'redacted', false,
      'fears', coalesce((SELECT json_agg(${FEAR_ANSWER} ORDER BY f.created_at, f.id) FROM voiced f, stakeholders p WHERE p.id = f.stakeholder_id), '[]'::json),
      'priorities', '[]'::json, 'narratives', '[]'::json,
      'createdAt', ${iso('so.created_at')}, 'updatedAt', ${iso('so.updated_at')}, 'version', so.version) AS body,
    (SELECT latest FROM verdict) AS derived
    FROM inserted so`;

async function logSounding(actor, params, [stakeholderId], input) {
  if (actor.user.role === 'viewer') throw new HttpError(403, { statusCode: 403, error: 'Forbidden', code: 'forbidden', message: 'Your role (viewer) cannot do this.' });
  const { fields, fears: voiced } = checkSounding(input);
  const changed = Object.keys(TEXT_FIELDS).filter((key) => key in fields && JSON.stringify(fields[key]) !== undefined).sort();
  const after = { ...Object.fromEntries(AUDITABLE.filter((key) => key in fields).map((key) => [key, fields[key]])) };
  if (changed.length) after.changedFields = changed;
  Object.assign(after, { fearsVoiced: voiced.length, prioritiesCited: 0, narrativesCited: 0 });
  const columns = {
    held_on: fields.heldOn, channel: fields.channel, summary: fields.summary, developmental_experience: fields.developmentalExperience,
    benefits_seen: fields.benefitsSeen, personal_cost: fields.personalCost, priorities_served: fields.prioritiesServed,
    commitment_after: fields.commitmentAfter, next_step: fields.nextStep, follow_up_on: fields.followUpOn, confidential: fields.confidential,
  };
  const client = await pool.connect();
  try {
    await query('BEGIN', [], client);
    const [person] = await query(LOCK_PERSON, [stakeholderId], client);
    if (!person) throw notFound('Stakeholder');
    if (person.erased_at) throw new HttpError(409, { statusCode: 409, error: 'Conflict', code: 'stakeholder_erased', message: 'This person was erased.' });
    const [row] = await query(
      WRITE_SOUNDING,
      [stakeholderId, actor.user.id, JSON.stringify(columns), voiced.map((f) => f.statement), voiced.map((f) => f.category),
        actor.user.email, JSON.stringify(after), actor.requestId, actor.clientAddress],
      client,
    );
    // A back-filled note would need the level history rebuilt: not a case the bench writes.
    if (!row.derived) throw new HttpError(422, { statusCode: 422, error: 'Unprocessable Entity', message: 'The baseline logs only the latest sounding of a person.' });
    await query('COMMIT', [], client);
    return row.body;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

// ---- the journey: the person and every list of their history in one statement -----------------------
// Each list is built in the API's shape in PostgreSQL; the product's pure buildJourney then orders the
// timeline and works out the stages. Pilots and initiatives (which the scale data leaves empty) are read with
// the product's own selects and mappers: their coalition-member shapes are not restated here.
const buildJourney = product('journeys/build-journey.js', 'buildJourney');
const PILOTS_OF_PERSON = product('pilots/pilots.repository.js', 'PILOTS_SPONSORED_BY_PERSON');
const INITIATIVES_OF_PERSON = product('initiatives/initiatives.repository.js', 'INITIATIVES_HELD_WITH_PERSON');
const mapPilot = product('pilots/pilot.mapper.js', 'mapPilot');
const mapInitiative = product('initiatives/initiative.mapper.js', 'mapInitiative');
const withMoments = product('database/json-rows.js', 'withMoments');
const SOUNDING_REDACTED = `(so.confidential AND NOT ${mayRead('so.author_id', '$2::uuid', '$3::boolean')})`;
const words = (column) => `CASE WHEN ${SOUNDING_REDACTED} THEN NULL ELSE ${column} END`;
const party = (alias, id) => `CASE WHEN ${id} IS NOT NULL THEN json_build_object('id', ${id}, 'name', coalesce(${alias}.name, ''), 'role', ${alias}.role,
    'businessFunction', ${alias}.business_function, 'commitment', ${alias}.commitment) END`;
const BRIEFING_JSON = `json_build_object('id', b.id, 'briefer', ${party('br', 'b.briefer_id')}, 'hr', b.briefer_is_hr,
    'audience', ${party('au', 'b.audience_id')}, 'topTeam', b.audience_is_top_team, 'plannedFor', ${iso('b.planned_for')},
    'day', to_char((b.planned_for AT TIME ZONE 'UTC')::date, 'YYYY-MM-DD'), 'order', b.day_position, 'brief', b.brief, 'status', b.status,
    'outcome', b.outcome,
    'priorities', coalesce((SELECT json_agg(json_build_object('id', p.id, 'businessFunction', p.business_function, 'title', p.title)
                                            ORDER BY lower(p.business_function), lower(p.title), p.id)
                              FROM briefing_priorities bp JOIN priorities p ON p.id = bp.priority_id WHERE bp.briefing_id = b.id), '[]'::json),
    'createdAt', ${iso('b.created_at')}, 'updatedAt', ${iso('b.updated_at')}, 'version', b.version)`;
const PLAN_ORDER = `(b.planned_for AT TIME ZONE 'UTC')::date, b.day_position, b.planned_for, b.created_at, b.id`;
const JOURNEY_SQL = `WITH person AS (SELECT * FROM stakeholders WHERE id = $1),
  fear_rows AS (
    SELECT f.*, ${FEAR_REDACTED.replaceAll('$4', '$2').replaceAll('$5', '$3')} AS hidden, coalesce(so.confidential, false) AS confidential
      FROM fears f LEFT JOIN soundings so ON so.id = f.sounding_id WHERE f.stakeholder_id = $1),
  fear_json AS (
    SELECT f.id, f.sounding_id, f.voiced_on, f.created_at, ${FEAR_JSON('f.hidden')} AS j
      FROM fear_rows f, person s),
  sounding_rows AS (SELECT so.*, ${SOUNDING_REDACTED} AS hidden FROM soundings so WHERE so.stakeholder_id = $1)
  SELECT (SELECT ${STAKEHOLDER_JSON} FROM person s CROSS JOIN (SELECT org_today() AS today) t
            LEFT JOIN stakeholders m ON m.id = s.reports_to_id LEFT JOIN cadence_rules r ON r.role = s.role) AS stakeholder,
    coalesce((SELECT json_agg(json_build_object('id', so.id, 'stakeholderId', so.stakeholder_id, 'heldOn', so.held_on, 'channel', so.channel,
        'conductedBy', ${words('so.conducted_by')}, 'conductedById', ${words('so.conducted_by_stakeholder_id')},
        'conductedByPerson', CASE WHEN so.hidden THEN NULL ELSE (SELECT json_build_object('id', c.id, 'name', c.name) FROM stakeholders c WHERE c.id = so.conducted_by_stakeholder_id) END,
        'summary', CASE WHEN so.hidden THEN '' ELSE so.summary END, 'developmentalExperience', ${words('so.developmental_experience')},
        'benefitsSeen', ${words('so.benefits_seen')}, 'personalCost', ${words('so.personal_cost')}, 'prioritiesServed', ${words('so.priorities_served')},
        'commitmentAfter', so.commitment_after, 'nextStep', ${words('so.next_step')}, 'followUpOn', so.follow_up_on, 'confidential', so.confidential,
        'authorId', so.author_id, 'redacted', so.hidden,
        'fears', coalesce((SELECT json_agg(f.j ORDER BY f.voiced_on, f.created_at, f.id) FROM fear_json f WHERE f.sounding_id = so.id), '[]'::json),
        'priorities', CASE WHEN so.hidden THEN '[]'::json ELSE coalesce((
            SELECT json_agg(json_build_object('id', p.id, 'businessFunction', p.business_function, 'title', p.title) ORDER BY lower(p.business_function), lower(p.title), p.id)
              FROM sounding_priorities sp JOIN priorities p ON p.id = sp.priority_id WHERE sp.sounding_id = so.id), '[]'::json) END,
        'narratives', CASE WHEN so.hidden THEN '[]'::json ELSE coalesce((
            SELECT json_agg(json_build_object('narrative', json_build_object('id', n.id, 'title', n.title), 'response', sn.response) ORDER BY lower(n.title), n.id)
              FROM sounding_narratives sn JOIN narratives n ON n.id = sn.narrative_id WHERE sn.sounding_id = so.id), '[]'::json) END,
        'createdAt', ${iso('so.created_at')}, 'updatedAt', ${iso('so.updated_at')}, 'version', so.version)
        ORDER BY so.held_on DESC, so.created_at DESC) FROM sounding_rows so), '[]'::json) AS soundings,
    coalesce((SELECT json_agg(f.j ORDER BY f.voiced_on, f.created_at, f.id) FROM fear_json f), '[]'::json) AS fears,
    coalesce((SELECT json_agg(json_build_object('id', c.id, 'stakeholderId', c.stakeholder_id, 'fromLevel', c.from_level, 'toLevel', c.to_level,
        'on', c.changed_on, 'reason', c.reason, 'soundingId', c.sounding_id, 'createdAt', ${iso('c.created_at')}) ORDER BY c.changed_on, c.created_at)
        FROM (SELECT c.*, lag(c.to_level, 1, 'not_sounded') OVER (ORDER BY c.changed_on, c.created_at) AS from_level
                FROM commitment_changes c WHERE c.stakeholder_id = $1) c), '[]'::json) AS history,
    coalesce((SELECT json_agg(${BRIEFING_JSON}
        ORDER BY (b.planned_for AT TIME ZONE 'UTC')::date, b.day_position, b.planned_for, b.created_at, b.id)
        FROM briefings b LEFT JOIN stakeholders br ON br.id = b.briefer_id LEFT JOIN stakeholders au ON au.id = b.audience_id
       WHERE b.status = 'done' AND b.outcome IS NOT NULL
         AND (b.briefer_id = $1 OR b.audience_id = $1
              OR (b.audience_is_top_team AND b.briefer_id IS DISTINCT FROM $1 AND (SELECT role FROM person) = 'top_team'))), '[]'::json) AS briefings,
    (SELECT coalesce(json_agg(q), '[]'::json) FROM (${PILOTS_OF_PERSON}) q) AS pilots,
    (SELECT coalesce(json_agg(q), '[]'::json) FROM (${INITIATIVES_OF_PERSON}) q) AS initiatives,
    (SELECT coalesce(array_agg(so.id), '{}') FROM sounding_rows so WHERE so.confidential AND NOT so.hidden) AS shown_soundings,
    (SELECT coalesce(array_agg(f.id), '{}') FROM fear_rows f WHERE f.confidential AND NOT f.hidden) AS shown_fears
  FROM person`;

async function journey(actor, params, [id]) {
  const [row] = await query(JOURNEY_SQL, [id, actor.user.id, actor.user.role === 'admin']);
  if (!row) throw notFound('Stakeholder');
  await recordShown(actor, { soundings: row.shown_soundings, fears: row.shown_fears, people: [id] });
  const pilots = withMoments(row.pilots, ['created_at', 'updated_at']).map(mapPilot);
  const initiatives = withMoments(row.initiatives, ['created_at', 'updated_at']).map(mapInitiative);
  return buildJourney(row.stakeholder, row.soundings, row.fears, row.history, row.briefings, pilots, initiatives);
}


// ---- the briefing plan: every briefing with what its warnings weigh, and the top team ---------------
// The priorities of each business function are gathered once and joined by function, not looked up per briefing.
const buildBriefingPlan = product('briefings/briefing-plan.js', 'buildBriefingPlan');
const sounded = (id) => `EXISTS (SELECT 1 FROM soundings so WHERE so.stakeholder_id = ${id})`;
const windowsOf = (id) => `coalesce((SELECT json_agg(json_build_object('id', w.id, 'kind', w.kind, 'startsOn', w.starts_on, 'endsOn', w.ends_on) ORDER BY w.starts_on, w.id)
    FROM timing_windows w WHERE w.stakeholder_id = ${id}), '[]'::json)`;
const PLAN_SQL = `WITH fp AS (
    SELECT lower(btrim(p.business_function)) AS fn,
           json_agg(json_build_object('id', p.id, 'businessFunction', p.business_function, 'title', p.title) ORDER BY lower(p.business_function), lower(p.title), p.id) AS refs
      FROM priorities p GROUP BY 1)
  SELECT coalesce((SELECT json_agg(json_build_object('briefing', ${BRIEFING_JSON},
      'brieferId', b.briefer_id, 'brieferSounded', ${sounded('b.briefer_id')}, 'audienceId', b.audience_id, 'audienceSounded', ${sounded('b.audience_id')},
      'avoids', CASE WHEN b.status = 'planned' THEN ARRAY(SELECT r.stakeholder_id::text FROM relationships r
                                                           WHERE r.holder_stakeholder_id = b.briefer_id AND r.quality = 'avoid') ELSE '{}' END,
      'windows', CASE WHEN b.status = 'planned' AND b.audience_id IS NOT NULL THEN ${windowsOf('b.audience_id')} ELSE '[]'::json END,
      'audiencePriorities', CASE WHEN b.status = 'planned' THEN coalesce(fp.refs, '[]'::json) ELSE '[]'::json END)
      ORDER BY ${PLAN_ORDER})
      FROM briefings b LEFT JOIN stakeholders br ON br.id = b.briefer_id LEFT JOIN stakeholders au ON au.id = b.audience_id
      LEFT JOIN fp ON fp.fn = lower(btrim(au.business_function))), '[]'::json) AS briefings,
    coalesce((SELECT json_agg(json_build_object('id', s.id, 'name', s.name, 'sounded', ${sounded('s.id')}, 'windows', ${windowsOf('s.id')})
                              ORDER BY lower(s.name), s.id)
                FROM stakeholders s WHERE s.role = 'top_team'), '[]'::json) AS top_team`;

async function plan() {
  const [{ briefings: rows, top_team: topTeam }] = await query(PLAN_SQL);
  const seen = new Set();
  for (const row of rows) {
    if (row.brieferId && row.brieferSounded) seen.add(row.brieferId);
    if (row.audienceId && row.audienceSounded) seen.add(row.audienceId);
  }
  for (const member of topTeam) if (member.sounded) seen.add(member.id);
  const avoids = new Map();
  for (const row of rows) {
    if (!row.brieferId || row.avoids.length === 0) continue;
    const avoided = avoids.get(row.brieferId) ?? new Set();
    for (const id of row.avoids) avoided.add(id);
    avoids.set(row.brieferId, avoided);
  }
  const windows = new Map(topTeam.map((member) => [member.id, member.windows]));
  for (const row of rows) if (row.audienceId && row.windows.length > 0) windows.set(row.audienceId, row.windows);
  const priorities = new Map(rows.map((row) => [row.briefing.id, row.audiencePriorities]));
  return buildBriefingPlan(rows.map((row) => row.briefing), seen, topTeam.map(({ id, name }) => ({ id, name })), avoids, windows, priorities);
}

// ---- meeting readiness: its own statement, the product's pure builder ------------------------------
const legacy = await import('./product-builders.mjs');

// ---- routing ----------------------------------------------------------------------------------------
const UUID = '([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})';
const routes = [
  ['GET', /^\/api\/stakeholders$/, stakeholders],
  ['GET', new RegExp(`^/api/stakeholders/${UUID}/journey$`), journey],
  ['GET', new RegExp(`^/api/meetings/${UUID}/readiness$`), legacy.readiness],
  ['GET', /^\/api\/briefings\/plan$/, plan],
  ['GET', /^\/api\/dashboard$/, dashboard],
  ['GET', /^\/api\/fears$/, fears],
  ['POST', new RegExp(`^/api/stakeholders/${UUID}/soundings$`), logSounding, 201],
];

function send(response, status, body) {
  const text = typeof body?.text === 'string' ? body.text : JSON.stringify(body);
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
  response.end(text);
}

async function readBody(request) {
  if (request.method !== 'POST') return undefined;
  const chunks = [];
  for await (const chunk of request) chunks.push(chunk);
  try {
    return chunks.length ? JSON.parse(Buffer.concat(chunks).toString('utf8')) : {};
  } catch {
    throw new HttpError(400, { statusCode: 400, error: 'Bad Request', message: 'The body is not valid JSON.' });
  }
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
    send(response, status, await handle(actor, url.searchParams, pattern.exec(url.pathname).slice(1), body, response, { query, recordShown, notFound }));
  } catch (error) {
    const status = error instanceof HttpError ? error.status : (error?.getStatus?.() ?? 500);
    send(response, status, error instanceof HttpError ? error.body : (error?.getResponse?.() ?? { statusCode: 500, message: String(error?.message ?? error) }));
    // A client that hung up mid-body (the load generator stopping) is no server error.
    if (status >= 500 && error?.code !== 'ECONNRESET') console.error(error);
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
