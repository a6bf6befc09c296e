import { createHash, createHmac } from 'node:crypto';

/** One entry's content as PostgreSQL stores and returns it: the hash covers these values only. */
export interface AuditContent {
  id: string;
  at: Date;
  actor_id: string | null;
  actor_email: string | null;
  action: string;
  entity_type: string | null;
  entity_id: string | null;
  stakeholder_id: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  request_id: string | null;
  client_address: string | null;
}

/** Stable JSON: keys sorted at every level, so the same content always hashes the same. */
function canonical(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  return `{${Object.keys(value as object)
    .sort()
    .map((key) => `${JSON.stringify(key)}:${canonical((value as Record<string, unknown>)[key])}`)
    .join(',')}}`;
}

function chainInput(prevHash: string | null, row: AuditContent): string {
  const content = canonical({
    id: row.id,
    at: row.at.toISOString(),
    actor_id: row.actor_id,
    actor_email: row.actor_email,
    action: row.action,
    entity_type: row.entity_type,
    entity_id: row.entity_id,
    stakeholder_id: row.stakeholder_id,
    before: row.before,
    after: row.after,
    request_id: row.request_id,
    client_address: row.client_address,
  });
  return `${prevHash ?? ''}\n${content}`;
}

/** Entries written before the chain was keyed: plain SHA-256, which anyone holding the rows can recompute. */
export function legacyAuditHash(prevHash: string | null, row: AuditContent): string {
  return createHash('sha256').update(chainInput(prevHash, row)).digest('hex');
}

/** HMAC-SHA256 under a key the database never holds: rewriting an entry needs the key as well as the rows. */
export function keyedAuditHash(key: Buffer, prevHash: string | null, row: AuditContent): string {
  return createHmac('sha256', key).update(chainInput(prevHash, row)).digest('hex');
}

/** Names a key without revealing it, so instances can tell they share the one the trail was written with. */
export function auditKeyId(key: Buffer): string {
  return createHmac('sha256', key).update('soundings audit key id').digest('hex').slice(0, 16);
}
