import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DeletedItemKind, RESTORE_WINDOW_DAYS } from '@soundings/shared';
import { DataSource, EntityManager } from 'typeorm';
import { Catalog, ClearedLink, DeletionPlan, ForeignKey, ident, planDeletion, TableShape } from './deletion-plan';

/** The table each kind of delete starts from. */
export const ROOT_TABLE_OF: Record<DeletedItemKind, string> = {
  stakeholder: 'stakeholders',
  meeting: 'meetings',
  briefing: 'briefings',
  influence: 'influences',
  relationship: 'relationships',
  timing_window: 'timing_windows',
  expectation: 'expectations',
  priority: 'priorities',
  narrative: 'narratives',
  pilot: 'pilots',
  proof_point: 'pilot_proof_points',
  initiative: 'initiatives',
  champion_evidence: 'champion_evidence',
  saved_view: 'saved_views',
};

/** As stored: the deleted rows by table, the order to put them back in, and the links the delete cleared. */
export interface Snapshot {
  tables: string[];
  rows: Record<string, Record<string, unknown>[]>;
  links: (ClearedLink & { rows: Record<string, unknown>[] })[];
}

export interface DeletedItemRow {
  id: string;
  kind: DeletedItemKind;
  label: string;
  snapshot?: Snapshot;
  /** Rows held, by table (the list's summary, instead of the snapshot). */
  counts?: Record<string, number>;
  stakeholder_ids: string[];
  /** Set when only this account may see and restore it (its own saved view); null for the organisation's records. */
  owner_id: string | null;
  deleted_by: string | null;
  deleted_by_name: string | null;
  deleted_at: Date;
  purge_after: Date;
}

const SUMMARY_COLUMNS = `d.id, d.kind, d.label, d.stakeholder_ids, d.owner_id, d.deleted_by, d.deleted_at, d.purge_after,
  COALESCE(u.display_name, u.email) AS deleted_by_name`;

@Injectable()
export class DeletedItemsRepository {
  private catalog?: Promise<Catalog>;
  private readonly plans = new Map<string, DeletionPlan>();

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The schema's foreign keys and tables, read once: the schema only changes by a migration, before start. */
  loadCatalog(): Promise<Catalog> {
    this.catalog ??= this.readCatalog().catch((error) => {
      this.catalog = undefined;
      throw error;
    });
    return this.catalog;
  }

  async plan(root: string): Promise<DeletionPlan> {
    const catalog = await this.loadCatalog();
    let plan = this.plans.get(root);
    if (!plan) {
      plan = planDeletion(catalog, root);
      this.plans.set(root, plan);
    }
    return plan;
  }

  /** The row `id` of `root` with everything its delete would take, read in the delete's transaction. */
  async snapshot(manager: EntityManager, root: string, id: string): Promise<Snapshot> {
    const plan = await this.plan(root);
    const [{ snapshot }] = await manager.query(plan.snapshotSql, [id]);
    return {
      tables: plan.tables,
      rows: snapshot.rows,
      links: plan.links.map((link, i) => ({ ...link, rows: snapshot.links[i] })).filter((link) => link.rows.length > 0),
    };
  }

  /** Columns of `table` that point at stakeholders, so the people a snapshot names can be listed. */
  async stakeholderColumns(table: string): Promise<string[]> {
    const catalog = await this.loadCatalog();
    const columns = catalog.foreignKeys.filter((fk) => fk.table === table && fk.refTable === 'stakeholders' && fk.columns.length === 1).map((fk) => fk.columns[0]);
    return table === 'stakeholders' ? ['id', ...columns] : columns;
  }

  async stakeholderName(manager: EntityManager, id: string): Promise<string | null> {
    const rows = await manager.query(`SELECT name FROM stakeholders WHERE id = $1`, [id]);
    return rows[0]?.name ?? null;
  }

  async hold(
    manager: EntityManager,
    item: { id: string; kind: DeletedItemKind; label: string; snapshot: Snapshot; stakeholderIds: string[]; ownerId: string | null; deletedBy: string | null },
  ): Promise<void> {
    // Deleted, restored and deleted again: the newer deletion is the one to keep.
    await manager.query(
      `INSERT INTO deleted_items (id, kind, label, snapshot, stakeholder_ids, owner_id, deleted_by, purge_after)
       VALUES ($1, $2, $3, $4, $5, $6, $7, now() + make_interval(days => $8))
       ON CONFLICT (id) DO UPDATE SET kind = EXCLUDED.kind, label = EXCLUDED.label, snapshot = EXCLUDED.snapshot,
         stakeholder_ids = EXCLUDED.stakeholder_ids, owner_id = EXCLUDED.owner_id, deleted_by = EXCLUDED.deleted_by,
         deleted_at = now(), purge_after = EXCLUDED.purge_after`,
      [item.id, item.kind, item.label, JSON.stringify(item.snapshot), item.stakeholderIds, item.ownerId, item.deletedBy, RESTORE_WINDOW_DAYS],
    );
  }

  /** The organisation's held records, and the caller's own (`userId`); another account's own are never listed. */
  async list(userId: string, page: number, pageSize: number): Promise<{ rows: DeletedItemRow[]; total: number }> {
    const rows = await this.dataSource.query(
      `SELECT ${SUMMARY_COLUMNS}, count(*) OVER () AS total,
              (SELECT jsonb_object_agg(r.key, jsonb_array_length(r.value)) FROM jsonb_each(d.snapshot->'rows') r) AS counts
         FROM deleted_items d LEFT JOIN users u ON u.id = d.deleted_by
        WHERE d.purge_after > now() AND (d.owner_id IS NULL OR d.owner_id = $3)
        ORDER BY d.deleted_at DESC, d.id
        LIMIT $1 OFFSET $2`,
      [pageSize, (page - 1) * pageSize, userId],
    );
    const total = rows.length > 0 ? Number(rows[0].total) : page === 1 ? 0 : await this.countHeld(userId);
    return { rows, total };
  }

  private async countHeld(userId: string): Promise<number> {
    const [{ total }] = await this.dataSource.query(
      `SELECT count(*)::int AS total FROM deleted_items WHERE purge_after > now() AND (owner_id IS NULL OR owner_id = $1)`,
      [userId],
    );
    return total;
  }

  /** What one account alone may restore (its saved views), for its own export. */
  async ownedBy(userId: string, manager: EntityManager = this.dataSource.manager): Promise<DeletedItemRow[]> {
    return manager.query(
      `SELECT ${SUMMARY_COLUMNS}, d.snapshot
         FROM deleted_items d LEFT JOIN users u ON u.id = d.deleted_by
        WHERE d.owner_id = $1 AND d.purge_after > now()
        ORDER BY d.deleted_at DESC, d.id`,
      [userId],
    );
  }

  /** How many saved views the account has now, with the account locked as creating one locks it. */
  async savedViewCount(manager: EntityManager, userId: string): Promise<number> {
    await manager.query(`SELECT 1 FROM users WHERE id = $1 FOR UPDATE`, [userId]);
    const [{ n }] = await manager.query(`SELECT count(*)::int AS n FROM saved_views WHERE user_id = $1`, [userId]);
    return n;
  }

  /** Locks the item for its restore or purge; null when there is none (or its 30 days are over). */
  async lock(manager: EntityManager, id: string): Promise<DeletedItemRow | null> {
    const rows = await manager.query(
      `SELECT ${SUMMARY_COLUMNS}, d.snapshot
         FROM deleted_items d LEFT JOIN users u ON u.id = d.deleted_by
        WHERE d.id = $1 AND d.purge_after > now()
        FOR UPDATE OF d`,
      [id],
    );
    return rows[0] ?? null;
  }

  async remove(manager: EntityManager, id: string): Promise<void> {
    await manager.query(`DELETE FROM deleted_items WHERE id = $1`, [id]);
  }

  /** Puts a snapshot's rows back, parents first, then re-points the links the delete had cleared. */
  async putBack(manager: EntityManager, snapshot: Snapshot): Promise<number> {
    const catalog = await this.loadCatalog();
    let records = 0;
    for (const table of snapshot.tables) {
      const rows = snapshot.rows[table] ?? [];
      if (rows.length === 0) continue;
      const shape = catalog.tables.get(table);
      if (!shape) continue;
      // Columns added since the delete take their defaults; columns dropped since are left behind.
      const columns = shape.columns.filter((column) => column in rows[0]).map(ident).join(', ');
      await manager.query(
        `INSERT INTO ${ident(table)} (${columns}) ${shape.identityAlways ? 'OVERRIDING SYSTEM VALUE ' : ''}
         SELECT ${columns} FROM json_populate_recordset(NULL::${ident(table)}, $1::json)`,
        [JSON.stringify(rows)],
      );
      records += rows.length;
    }
    for (const link of snapshot.links) {
      if (!catalog.tables.has(link.table)) continue;
      const set = link.columns.map((column) => `${ident(column)} = v.${ident(column)}`).join(', ');
      const match = link.key.map((column) => `x.${ident(column)} = v.${ident(column)}`).join(' AND ');
      // Only where nobody has set the link to something else since.
      const stillCleared = link.columns.map((column) => `x.${ident(column)} IS NULL`).join(' AND ');
      await manager.query(
        `UPDATE ${ident(link.table)} x SET ${set} FROM json_populate_recordset(NULL::${ident(link.table)}, $1::json) v WHERE ${match} AND ${stillCleared}`,
        [JSON.stringify(link.rows)],
      );
    }
    return records;
  }

  /** Everything past its 30 days, gone for good; returns what went, for the audit trail. */
  async purgeExpired(manager: EntityManager): Promise<{ id: string; kind: DeletedItemKind; stakeholder_ids: string[] }[]> {
    const [rows] = await manager.query(`DELETE FROM deleted_items WHERE purge_after <= now() RETURNING id, kind, stakeholder_ids`);
    return rows;
  }

  /**
   * What is held that names this person, or mentions their name or email in its words (the same
   * mentions erasure replaces in live records), deleted; returns how many.
   */
  async removeConcerning(manager: EntityManager, stakeholderId: string, mentions: string[]): Promise<number> {
    const [, removed] = await manager.query(
      `DELETE FROM deleted_items
        WHERE stakeholder_ids @> ARRAY[$1::uuid]
           OR EXISTS (SELECT 1 FROM unnest($2::text[]) m WHERE strpos(lower(snapshot::text), lower(m)) > 0)`,
      [stakeholderId, mentions],
    );
    return Number(removed);
  }

  async concerning(stakeholderId: string): Promise<DeletedItemRow[]> {
    return this.dataSource.query(
      `SELECT ${SUMMARY_COLUMNS}, d.snapshot
         FROM deleted_items d LEFT JOIN users u ON u.id = d.deleted_by
        WHERE d.stakeholder_ids @> ARRAY[$1::uuid] AND d.purge_after > now()
        ORDER BY d.deleted_at DESC, d.id`,
      [stakeholderId],
    );
  }

  private async readCatalog(): Promise<Catalog> {
    const [foreignKeys, shapes]: [ForeignKey[], (TableShape & { table: string })[]] = await Promise.all([
      this.dataSource.query(
        `SELECT c.conrelid::regclass::text AS "table", c.confrelid::regclass::text AS "refTable", c.confdeltype AS "onDelete",
                ARRAY(SELECT a.attname::text FROM unnest(c.conkey) WITH ORDINALITY k(n, i)
                        JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.n ORDER BY k.i) AS columns,
                ARRAY(SELECT a.attname::text FROM unnest(c.confkey) WITH ORDINALITY k(n, i)
                        JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.n ORDER BY k.i) AS "refColumns"
           FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace
          WHERE c.contype = 'f' AND n.nspname = current_schema()
          ORDER BY c.conname`,
      ),
      this.dataSource.query(
        `SELECT t.relname::text AS "table",
                array_agg(a.attname::text ORDER BY a.attnum) FILTER (WHERE a.attgenerated = '') AS columns,
                bool_or(a.attidentity = 'a') AS "identityAlways",
                COALESCE((SELECT array_agg(k.attname::text ORDER BY k.attnum) FROM pg_index i
                            JOIN pg_attribute k ON k.attrelid = i.indrelid AND k.attnum = ANY (i.indkey)
                           WHERE i.indrelid = t.oid AND i.indisprimary), '{}') AS "primaryKey"
           FROM pg_class t JOIN pg_namespace n ON n.oid = t.relnamespace
           JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum > 0 AND NOT a.attisdropped
          WHERE t.relkind IN ('r', 'p') AND n.nspname = current_schema()
          GROUP BY t.oid, t.relname`,
      ),
    ]);
    return { foreignKeys, tables: new Map(shapes.map(({ table, ...shape }) => [table, shape])) };
  }
}
