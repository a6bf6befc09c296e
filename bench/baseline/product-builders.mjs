// The journey, meeting readiness and the briefing plan.
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const dist = path.join(here, '..', '..', 'api', 'dist', 'api', 'src');
const require = createRequire(path.join(dist, 'main.js'));
require('reflect-metadata');
const pg = require('pg');
const { DataSource } = require('typeorm');
const { createHash } = require('node:crypto');
const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 4 });
const names = new Map();
function named(text) {
  let name = names.get(text);
  if (!name) names.set(text, (name = 'p' + createHash('sha1').update(text).digest('hex').slice(0, 20)));
  return name;
}
function shaped(result) {
  return result.command === 'UPDATE' || result.command === 'DELETE' ? [result.rows, result.rowCount] : result.rows;
}
class Queryable {
  constructor(client) { this.client = client; this.manager = this; }
  async query(text, values = []) { return shaped(await (this.client ?? pool).query({ name: named(text), text, values })); }
}
const db = new Queryable(null);
const tokens = new Map([[DataSource, db]]);
const instances = new Map();
function make(Class) {
  if (instances.has(Class)) return instances.get(Class);
  const types = Reflect.getMetadata('design:paramtypes', Class) ?? [];
  const injected = Reflect.getMetadata('self:paramtypes', Class) ?? [];
  const args = types.map((type, index) => {
    const token = injected.find((entry) => entry.index === index)?.param;
    if (token !== undefined) return tokens.get(token);
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
const JourneysService = product('journeys/journeys.service.js', 'JourneysService');
const MeetingsService = product('meetings/meetings.service.js', 'MeetingsService');
const BriefingsService = product('briefings/briefings.service.js', 'BriefingsService');

export const journey = (actor, params, [id]) => make(JourneysService).journey(actor, id);
export const readiness = (actor, params, [id]) => make(MeetingsService).readiness(actor, id);
export const plan = () => make(BriefingsService).plan();
