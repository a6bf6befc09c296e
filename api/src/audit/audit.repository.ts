import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AuditVerification } from '@soundings/shared';
import { DataSource, EntityManager } from 'typeorm';
import { AuditContent, auditKeyId, keyedAuditHash, legacyAuditHash } from './audit-chain';

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

export interface AuditRow extends AuditContent {
  prev_hash: string | null;
  hash: string;
}

/** A row as the trail's readers see it: with the names of the people and accounts it points at. */
export interface NamedAuditRow extends AuditRow {
  actor_name: string | null;
  stakeholder_name: string | null;
  names: Record<string, string> | null;
}

const UUID_TEXT = `'^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'`;

// Names for a page of entries in the same statement: the actor's display name, the stakeholder's name, and
// every uuid the entry holds (its record id, and any value before or after, in arrays too) that names a
// stakeholder or an account today.
const NAMED_COLUMNS = `actor.display_name AS actor_name, subject.name AS stakeholder_name,
       (SELECT jsonb_object_agg(ref.id, ref.name)
          FROM (SELECT DISTINCT ids.id, coalesce(person.name, account.display_name, account.email) AS name
                  FROM (SELECT lower(value #>> '{}')::uuid AS id
                          FROM jsonb_path_query(jsonb_build_array(page.entity_id, page.before, page.after), 'strict $.**') AS value
                         WHERE jsonb_typeof(value) = 'string' AND (value #>> '{}') ~* ${UUID_TEXT}) AS ids
                  LEFT JOIN stakeholders person ON person.id = ids.id
                  LEFT JOIN users account ON account.id = ids.id
                 WHERE person.id IS NOT NULL OR account.id IS NOT NULL) AS ref) AS names`;
const NAMED_JOINS = `LEFT JOIN users actor ON actor.id = page.actor_id LEFT JOIN stakeholders subject ON subject.id = page.stakeholder_id`;

/** Provides the HMAC key of the audit chain (a Buffer). */
export const AUDIT_KEY = Symbol('AUDIT_KEY');

const KEYED_ANCHOR_ACTION = 'audit.chain_keyed';

@Injectable()
export class AuditRepository {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(AUDIT_KEY) private readonly key: Buffer,
  ) {}

  /**
   * Appends one entry chained to the previous one. Pass the caller's transaction manager so the
   * entry commits (or rolls back) with the change it describes.
   */
  async append(record: AuditRecord, manager?: EntityManager): Promise<void> {
    if (!manager) return this.dataSource.transaction((own) => this.append(record, own));
    // Locks the head until commit (so the chain never forks and ids stay gapless) and hands every value
    // back as its column stores it: uuids in lower case, jsonb re-read, time to the millisecond. The hash
    // then covers exactly what verify will read, however the request spelled an id.
    const [row]: (AuditContent & { prev_hash: string | null })[] = await manager.query(
      `SELECT (head.last_id + 1)::text AS id, head.last_hash AS prev_hash, date_trunc('milliseconds', clock_timestamp()) AS at,
              $1::uuid AS actor_id, $2::text AS actor_email, $3::text AS action, $4::text AS entity_type, $5::text AS entity_id,
              $6::uuid AS stakeholder_id, $7::jsonb AS before, $8::jsonb AS after, $9::text AS request_id, $10::text AS client_address
         FROM audit_head_for_append() AS head`,
      [
        record.actorId,
        record.actorEmail,
        record.action,
        record.entityType ?? null,
        record.entityId ?? null,
        record.stakeholderId ?? null,
        record.before == null ? null : JSON.stringify(record.before),
        record.after == null ? null : JSON.stringify(record.after),
        record.requestId ?? null,
        record.clientAddress ?? null,
      ],
    );
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
        row.prev_hash,
        keyedAuditHash(this.key, row.prev_hash, row),
      ],
    );
  }

  /**
   * The first keyed entry names its key (by id, not value). An instance started with another key would
   * write entries no other instance can verify, so it is refused; the first one to start records its key.
   */
  async claimKey(): Promise<void> {
    const keyId = auditKeyId(this.key);
    await this.dataSource.transaction(async (manager) => {
      await manager.query(`SELECT 1 FROM audit_head_for_append()`);
      const [anchor] = await manager.query(
        `SELECT after->>'keyId' AS key_id FROM audit_log WHERE action = $1 ORDER BY id LIMIT 1`,
        [KEYED_ANCHOR_ACTION],
      );
      if (!anchor) {
        await this.append({ actorId: null, actorEmail: null, action: KEYED_ANCHOR_ACTION, after: { keyId } }, manager);
      } else if (anchor.key_id !== keyId) {
        throw new Error(
          `The audit trail is chained with another key (id ${anchor.key_id}; this instance's key has id ${keyId}). ` +
            'Every instance must use the key the trail was written with: restore it (AUDIT_HMAC_KEY, or the audit-hmac.key file in DATA_DIR) and start again.',
        );
      }
    });
  }

  async list(
    filter: { action?: string; actorId?: string; entityId?: string; stakeholderId?: string },
    page: number,
    pageSize: number,
  ): Promise<{ rows: NamedAuditRow[]; total: number }> {
    const clauses: string[] = [];
    const params: unknown[] = [];
    if (filter.action) clauses.push(`action = $${params.push(filter.action)}`);
    if (filter.actorId) clauses.push(`actor_id = $${params.push(filter.actorId)}`);
    if (filter.entityId) clauses.push(`entity_id = $${params.push(filter.entityId)}`);
    if (filter.stakeholderId) clauses.push(`stakeholder_id = $${params.push(filter.stakeholderId)}`);
    const where = clauses.length ? `WHERE ${clauses.join(' AND ')}` : '';
    const rows = await this.dataSource.query(
      `SELECT page.*, page.id::text AS id, ${NAMED_COLUMNS}
         FROM (SELECT audit_log.*, (SELECT count(*) FROM audit_log ${where}) AS total FROM audit_log ${where}
                ORDER BY audit_log.id DESC LIMIT $${params.length + 1} OFFSET $${params.length + 2}) AS page
         ${NAMED_JOINS}
        ORDER BY page.id DESC`,
      [...params, pageSize, (page - 1) * pageSize],
    );
    if (rows.length > 0 || page === 1) return { rows, total: rows[0]?.total ?? 0 };
    const [{ total }] = await this.dataSource.query(`SELECT count(*) AS total FROM audit_log ${where}`, params);
    return { rows, total };
  }

  /** Every entry about one person, oldest first. */
  forStakeholder(stakeholderId: string): Promise<NamedAuditRow[]> {
    return this.dataSource.query(
      `SELECT page.*, page.id::text AS id, ${NAMED_COLUMNS} FROM audit_log AS page ${NAMED_JOINS}
        WHERE page.stakeholder_id = $1 ORDER BY page.id`,
      [stakeholderId],
    );
  }

  /**
   * Walks the whole chain in id order, in batches, recomputing every hash, and checks that it ends at
   * the head: all in one snapshot, so entries appended meanwhile do not look like a broken tail.
   */
  verify(): Promise<AuditVerification> {
    return this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      const [head] = await manager.query(`SELECT last_id, last_hash, entries, keyed_from_id FROM audit_head`);
      const headId = Number(head.last_id);
      const keyedFrom = Number(head.keyed_from_id);
      const summary = { id: headId > 0 ? String(headId) : null, hash: head.last_hash as string | null, entries: Number(head.entries) };
      let prevHash: string | null = null;
      let lastId = 0;
      let checked = 0;
      const broken = (at: number): AuditVerification => ({ ok: false, checked, brokenAt: String(at), head: summary });
      for (;;) {
        const rows: AuditRow[] = await manager.query(
          `SELECT *, id::text AS id FROM audit_log WHERE audit_log.id > $1::bigint ORDER BY audit_log.id LIMIT 5000`,
          [lastId],
        );
        if (rows.length === 0) break;
        for (const row of rows) {
          const id = Number(row.id);
          // Keyed entries take the head's id + 1, so a gap among them is a removed entry.
          const keyed = id >= keyedFrom;
          if (keyed && id !== Math.max(lastId + 1, keyedFrom)) return broken(Math.max(lastId + 1, keyedFrom));
          if (id > headId) return broken(id);
          const expected: string = keyed ? keyedAuditHash(this.key, prevHash, row) : legacyAuditHash(prevHash, row);
          if (row.prev_hash !== prevHash || row.hash !== expected) return broken(id);
          prevHash = row.hash;
          lastId = id;
          checked += 1;
        }
      }
      if (lastId !== headId || prevHash !== summary.hash || checked !== summary.entries) {
        return broken(lastId < headId ? lastId + 1 : headId);
      }
      return { ok: true, checked, brokenAt: null, head: summary };
    });
  }
}
