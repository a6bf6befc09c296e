import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';

export interface AuditRecord {
  actorId: string | null;
  actorEmail: string | null;
  action: string;
  entityType?: string | null;
  entityId?: string | null;
  stakeholderId?: string | null;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
  requestId?: string | null;
  clientAddress?: string | null;
}

export interface AuditRow {
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
  prev_hash: string | null;
  hash: string;
}

// Any fixed number: every writer takes this transaction-scoped lock, so the chain never forks.
const AUDIT_CHAIN_LOCK = 7_401_126;

/** Stable JSON: keys sorted at every level, so the same content always hashes the same. */
function canonical(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  return `{${Object.keys(value as object)
    .sort()
    .map((key) => `${JSON.stringify(key)}:${canonical((value as Record<string, unknown>)[key])}`)
    .join(',')}}`;
}

export function auditHash(prevHash: string | null, row: Omit<AuditRow, 'id' | 'prev_hash' | 'hash'> & { id: string }): string {
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
  return createHash('sha256').update(`${prevHash ?? ''}\n${content}`).digest('hex');
}

/**
 * The value as jsonb will hand it back: hashing anything else (an `undefined` field, a Date) would
 * make a faithfully stored row fail verification.
 */
function asStored(value: Record<string, unknown> | null | undefined): Record<string, unknown> | null {
  return value == null ? null : JSON.parse(JSON.stringify(value));
}

@Injectable()
export class AuditRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Appends one entry chained to the previous one. Pass the caller's transaction manager so the
   * entry commits (or rolls back) with the change it describes.
   */
  async append(record: AuditRecord, manager?: EntityManager): Promise<void> {
    if (!manager) return this.dataSource.transaction((own) => this.append(record, own));
    await manager.query(`SELECT pg_advisory_xact_lock($1)`, [AUDIT_CHAIN_LOCK]);
    const [previous] = await manager.query(`SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1`);
    const [{ id, at }] = await manager.query(`SELECT nextval('audit_log_id_seq')::text AS id, clock_timestamp() AS at`);
    const row = {
      id,
      at: at as Date,
      actor_id: record.actorId,
      actor_email: record.actorEmail,
      action: record.action,
      entity_type: record.entityType ?? null,
      entity_id: record.entityId ?? null,
      stakeholder_id: record.stakeholderId ?? null,
      before: asStored(record.before),
      after: asStored(record.after),
      request_id: record.requestId ?? null,
      client_address: record.clientAddress ?? null,
    };
    const prevHash: string | null = previous?.hash ?? null;
    await manager.query(
      `INSERT INTO audit_log (id, at, actor_id, actor_email, action, entity_type, entity_id, stakeholder_id, before, after,
                              request_id, client_address, prev_hash, hash)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)`,
      [
        row.id,
        row.at,
        row.actor_id,
        row.actor_email,
        row.action,
        row.entity_type,
        row.entity_id,
        row.stakeholder_id,
        row.before === null ? null : JSON.stringify(row.before),
        row.after === null ? null : JSON.stringify(row.after),
        row.request_id,
        row.client_address,
        prevHash,
        auditHash(prevHash, row),
      ],
    );
  }

  async list(
    filter: { action?: string; actorId?: string; entityId?: string; stakeholderId?: string },
    page: number,
    pageSize: number,
  ): Promise<{ rows: AuditRow[]; total: number }> {
    const clauses: string[] = [];
    const params: unknown[] = [];
    if (filter.action) clauses.push(`action = $${params.push(filter.action)}`);
    if (filter.actorId) clauses.push(`actor_id = $${params.push(filter.actorId)}`);
    if (filter.entityId) clauses.push(`entity_id = $${params.push(filter.entityId)}`);
    if (filter.stakeholderId) clauses.push(`stakeholder_id = $${params.push(filter.stakeholderId)}`);
    const where = clauses.length ? `WHERE ${clauses.join(' AND ')}` : '';
    const rows = await this.dataSource.query(
      `SELECT *, id::text AS id, (SELECT count(*) FROM audit_log ${where}) AS total FROM audit_log ${where}
        ORDER BY audit_log.id DESC LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, pageSize, (page - 1) * pageSize],
    );
    if (rows.length > 0 || page === 1) return { rows, total: rows[0]?.total ?? 0 };
    const [{ total }] = await this.dataSource.query(`SELECT count(*) AS total FROM audit_log ${where}`, params);
    return { rows, total };
  }

  /** Every entry about one person, oldest first. */
  forStakeholder(stakeholderId: string): Promise<AuditRow[]> {
    return this.dataSource.query(`SELECT *, id::text AS id FROM audit_log WHERE stakeholder_id = $1 ORDER BY audit_log.id`, [stakeholderId]);
  }

  /** Walks the whole chain in id order, in batches, recomputing every hash. */
  async verify(): Promise<{ ok: boolean; checked: number; brokenAt: string | null }> {
    let prevHash: string | null = null;
    let lastId = '0';
    let checked = 0;
    for (;;) {
      const rows: AuditRow[] = await this.dataSource.query(
        `SELECT *, id::text AS id FROM audit_log WHERE audit_log.id > $1::bigint ORDER BY audit_log.id LIMIT 5000`,
        [lastId],
      );
      if (rows.length === 0) return { ok: true, checked, brokenAt: null };
      for (const row of rows) {
        if (row.prev_hash !== prevHash || auditHash(prevHash, row) !== row.hash) return { ok: false, checked, brokenAt: row.id };
        prevHash = row.hash;
        lastId = row.id;
        checked += 1;
      }
    }
  }
}
