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
// stakeholder, an account, a pilot or a priority today (a proof point's pilot, a briefing's priorities).
const NAMED_COLUMNS = `actor.display_name AS actor_name, subject.name AS stakeholder_name,
       (SELECT jsonb_object_agg(ref.id, ref.name)
          FROM (SELECT DISTINCT ids.id, coalesce(person.name, account.display_name, account.email, pilot.name, priority.title) AS name
                  FROM (SELECT lower(value #>> '{}')::uuid AS id
                          FROM jsonb_path_query(jsonb_build_array(page.entity_id, page.before, page.after), 'strict $.**') AS value
                         WHERE jsonb_typeof(value) = 'string' AND (value #>> '{}') ~* ${UUID_TEXT}) AS ids
                  LEFT JOIN stakeholders person ON person.id = ids.id
                  LEFT JOIN users account ON account.id = ids.id
                  LEFT JOIN pilots pilot ON pilot.id = ids.id
                  LEFT JOIN priorities priority ON priority.id = ids.id
                 WHERE person.id IS NOT NULL OR account.id IS NOT NULL OR pilot.id IS NOT NULL OR priority.id IS NOT NULL) AS ref) AS names`;
const NAMED_JOINS = `LEFT JOIN users actor ON actor.id = page.actor_id LEFT JOIN stakeholders subject ON subject.id = page.stakeholder_id`;

/** Provides the HMAC key of the audit chain (a Buffer). */
export const AUDIT_KEY = Symbol('AUDIT_KEY');

const KEYED_ANCHOR_ACTION = 'audit.chain_keyed';

/** Ids at or above this are entries not sealed yet (see the AuditSealedAfterCommit migration). */
const PENDING_FLOOR = '4611686018427387904';
const SEAL_BATCH = 1000;
/** The advisory lock only the sealer takes: 'audit' in ASCII. */
const AUDIT_SEALER_LOCK = 0x61756469;

/** Values cast to their column types here as well, so what is stored is what the sealer will hash. */
export const APPEND_UNSEALED = `INSERT INTO audit_log (id, at, actor_id, actor_email, action, entity_type, entity_id, stakeholder_id, before, after, request_id, client_address)
  VALUES (nextval('audit_pending_id_seq'), date_trunc('milliseconds', clock_timestamp()), $1::uuid, $2::text, $3::text, $4::text, $5::text,
          $6::uuid, $7::jsonb, $8::jsonb, $9::text, $10::text)`;

export function auditParams(record: AuditRecord): unknown[] {
  return [
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
  ];
}

@Injectable()
export class AuditRepository {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(AUDIT_KEY) private readonly key: Buffer,
  ) {}

  /**
   * Appends one entry, unsealed, in the caller's transaction (pass its manager so the entry commits or
   * rolls back with the change it describes). No lock on the chain: `seal` chains it after commit.
   */
  async append(record: AuditRecord, manager?: EntityManager): Promise<void> {
    await (manager ?? this.dataSource.manager).query(APPEND_UNSEALED, auditParams(record));
  }

  /**
   * Chains every committed unsealed entry, oldest id first, each at the head's next position. One sealer
   * at a time (an advisory lock): `wait` false skips when another is at work (the timer), true waits for
   * it and then seals what is left (before verifying or reading the trail). Hashes what PostgreSQL stored,
   * as verify reads it. Returns how many entries it sealed.
   */
  async seal(wait: boolean): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const [{ locked }] = await manager.query(
        wait ? `SELECT true AS locked FROM pg_advisory_xact_lock($1)` : `SELECT pg_try_advisory_xact_lock($1) AS locked`,
        [AUDIT_SEALER_LOCK],
      );
      if (!locked) return 0;
      let sealed = 0;
      for (;;) {
        const rows: (AuditRow & { last_id: string; last_hash: string | null })[] = await manager.query(
          `SELECT audit_log.*, audit_log.id::text AS id, head.last_id::text AS last_id, head.last_hash
             FROM audit_head_for_append() AS head
             LEFT JOIN LATERAL (SELECT * FROM audit_log WHERE hash IS NULL ORDER BY id LIMIT ${SEAL_BATCH}) audit_log ON true`,
        );
        const pending = rows.filter((row) => row.id !== null);
        if (pending.length === 0) return sealed;
        let position = BigInt(rows[0].last_id);
        let prevHash = rows[0].last_hash;
        const positions: string[] = [];
        const prevHashes: (string | null)[] = [];
        const hashes: string[] = [];
        for (const row of pending) {
          position += 1n;
          const hash = keyedAuditHash(this.key, prevHash, { ...row, id: String(position) });
          positions.push(String(position));
          prevHashes.push(prevHash);
          hashes.push(hash);
          prevHash = hash;
        }
        await manager.query(`SELECT audit_seal($1::bigint[], $2::bigint[], $3::text[], $4::text[])`, [
          pending.map((row) => row.id),
          positions,
          prevHashes,
          hashes,
        ]);
        sealed += pending.length;
        if (pending.length < SEAL_BATCH) return sealed;
      }
    });
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
   * Walks the whole sealed chain in id order (entries not sealed yet are counted as `pending`), in batches, recomputing every hash, and checks that it ends at
   * the head: all in one snapshot, so entries appended meanwhile do not look like a broken tail.
   */
  verify(): Promise<AuditVerification> {
    return this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      const [head] = await manager.query(
        `SELECT last_id, last_hash, entries, keyed_from_id, (SELECT count(*)::int FROM audit_log WHERE hash IS NULL) AS pending FROM audit_head`,
      );
      const pending = Number(head.pending);
      const headId = Number(head.last_id);
      const keyedFrom = Number(head.keyed_from_id);
      const summary = { id: headId > 0 ? String(headId) : null, hash: head.last_hash as string | null, entries: Number(head.entries) };
      let prevHash: string | null = null;
      let lastId = 0;
      let checked = 0;
      const broken = (at: number): AuditVerification => ({ ok: false, checked, brokenAt: String(at), head: summary, pending });
      for (;;) {
        const rows: AuditRow[] = await manager.query(
          `SELECT *, id::text AS id FROM audit_log WHERE audit_log.id > $1::bigint AND audit_log.id < $2::bigint ORDER BY audit_log.id LIMIT 5000`,
          [lastId, PENDING_FLOOR],
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
      return { ok: true, checked, brokenAt: null, head: summary, pending };
    });
  }
}
