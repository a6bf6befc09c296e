import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { InitiativeKind } from '@soundings/shared';
import { DataSource, EntityManager } from 'typeorm';
import type { CoalitionMemberRow } from '../coalition/coalition-member';
import { MEMBER_JSON } from '../influence/influences.repository';

export interface InitiativeRow {
  id: string;
  title: string;
  kind: string;
  held_on: string;
  description: string | null;
  created_at: Date;
  updated_at: Date;
  version: number;
  owner: CoalitionMemberRow | null;
  /** By name. */
  involved: CoalitionMemberRow[];
}

export interface InitiativeColumns {
  title?: string;
  kind?: InitiativeKind;
  held_on?: string;
  owner_id?: string | null;
  description?: string | null;
}

export interface InitiativeFilter {
  from?: string;
  to?: string;
  ownerId?: string;
  stakeholderId?: string;
  kind?: string;
}

/** An initiative with its owner and everyone involved, in one row. */
const INITIATIVE_SELECT = `
  SELECT i.id, i.title, i.kind, i.held_on, i.description, i.created_at, i.updated_at, i.version,
         CASE WHEN o.id IS NULL THEN NULL ELSE ${MEMBER_JSON('o')} END AS owner,
         coalesce((SELECT json_agg(${MEMBER_JSON('p')} ORDER BY lower(p.name), p.id)
                     FROM initiative_people ip JOIN stakeholders p ON p.id = ip.stakeholder_id
                    WHERE ip.initiative_id = i.id), '[]'::json) AS involved
    FROM initiatives i LEFT JOIN stakeholders o ON o.id = i.owner_id`;

// Newest first, as the index reads them.
const LIST_ORDER = `i.held_on DESC, i.created_at DESC, i.id`;

/** Initiatives whose day has come that the person (`$1`) owned or was involved in, oldest first. */
export const INITIATIVES_HELD_WITH_PERSON = `${INITIATIVE_SELECT}
  WHERE i.held_on <= org_today()
    AND (i.owner_id = $1 OR EXISTS (SELECT 1 FROM initiative_people f WHERE f.initiative_id = i.id AND f.stakeholder_id = $1))
  ORDER BY i.held_on, i.created_at, i.id`;

/** The timestamp columns of an initiative row, for rows read back from JSON. */
export const INITIATIVE_MOMENTS = ['created_at', 'updated_at'] as const;

@Injectable()
export class InitiativesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async findById(id: string, manager: EntityManager = this.dataSource.manager): Promise<InitiativeRow | null> {
    const rows = await manager.query(`${INITIATIVE_SELECT} WHERE i.id = $1`, [id]);
    return rows[0] ?? null;
  }

  /** One statement: the page and the total. */
  async list(filter: InitiativeFilter, page: number, pageSize: number): Promise<{ rows: InitiativeRow[]; total: number }> {
    const clauses: string[] = [];
    const params: unknown[] = [];
    if (filter.from) clauses.push(`i.held_on >= $${params.push(filter.from)}::date`);
    if (filter.to) clauses.push(`i.held_on <= $${params.push(filter.to)}::date`);
    if (filter.ownerId) clauses.push(`i.owner_id = $${params.push(filter.ownerId)}`);
    if (filter.kind) clauses.push(`i.kind = $${params.push(filter.kind)}`);
    if (filter.stakeholderId) {
      clauses.push(`EXISTS (SELECT 1 FROM initiative_people f WHERE f.initiative_id = i.id AND f.stakeholder_id = $${params.push(filter.stakeholderId)})`);
    }
    const whereSql = clauses.length ? `WHERE ${clauses.join(' AND ')}` : '';
    const rows: (InitiativeRow & { total: number })[] = await this.dataSource.query(
      `WITH matching AS (SELECT i.id, i.held_on, i.created_at FROM initiatives i ${whereSql}),
            paged AS (SELECT i.id FROM matching i ORDER BY ${LIST_ORDER} LIMIT $${params.length + 1} OFFSET $${params.length + 2})
       SELECT counted.total, page.*
         FROM (SELECT count(*)::int AS total FROM matching) counted
         LEFT JOIN LATERAL (${INITIATIVE_SELECT} WHERE i.id IN (SELECT id FROM paged) ORDER BY ${LIST_ORDER}) page ON true`,
      [...params, pageSize, (page - 1) * pageSize],
    );
    const total = rows[0]?.total ?? 0;
    return { rows: rows.filter((row) => row.id !== null), total };
  }

  /** Initiatives the person owns or is involved in, newest first (for their subject-access export). */
  async concerning(stakeholderId: string): Promise<InitiativeRow[]> {
    return this.dataSource.query(
      `${INITIATIVE_SELECT}
        WHERE i.owner_id = $1 OR EXISTS (SELECT 1 FROM initiative_people f WHERE f.initiative_id = i.id AND f.stakeholder_id = $1)
        ORDER BY ${LIST_ORDER}`,
      [stakeholderId],
    );
  }

  async insert(manager: EntityManager, columns: Required<InitiativeColumns>): Promise<string> {
    const rows = await manager.query(
      `INSERT INTO initiatives (title, kind, held_on, owner_id, description) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
      [columns.title, columns.kind, columns.held_on, columns.owner_id, columns.description],
    );
    return rows[0].id;
  }

  /** Locks the initiative for the rest of the transaction; null when there is none. */
  async lock(manager: EntityManager, id: string): Promise<{ held_on: string; owner_id: string | null; version: number } | null> {
    const rows = await manager.query(`SELECT held_on, owner_id, version FROM initiatives WHERE id = $1 FOR UPDATE`, [id]);
    return rows[0] ?? null;
  }

  /** Compare-and-set update; false when no row matched (missing, or changed since). */
  async updateIfVersion(manager: EntityManager, id: string, version: number, columns: InitiativeColumns): Promise<boolean> {
    const params: unknown[] = [id, version];
    const sets = Object.entries(columns)
      .filter(([, value]) => value !== undefined)
      .map(([column, value]) => `${column} = $${params.push(value)}`);
    const [rows] = await manager.query(
      `UPDATE initiatives SET ${[...sets, 'updated_at = now()', 'version = version + 1'].join(', ')}
        WHERE id = $1 AND version = $2 RETURNING id`,
      params,
    );
    return rows.length > 0;
  }

  /** The people involved, by id. */
  async involvedIds(manager: EntityManager, id: string): Promise<string[]> {
    const rows: { stakeholder_id: string }[] = await manager.query(
      `SELECT stakeholder_id FROM initiative_people WHERE initiative_id = $1 ORDER BY stakeholder_id`,
      [id],
    );
    return rows.map((row) => row.stakeholder_id);
  }

  /** Writes the list of people involved as given, in two statements. */
  async replaceInvolved(manager: EntityManager, id: string, stakeholderIds: string[]): Promise<void> {
    await manager.query(`DELETE FROM initiative_people WHERE initiative_id = $1 AND NOT (stakeholder_id = ANY($2::uuid[]))`, [id, stakeholderIds]);
    if (stakeholderIds.length === 0) return;
    await manager.query(
      `INSERT INTO initiative_people (initiative_id, stakeholder_id) SELECT $1, unnest($2::uuid[]) ON CONFLICT DO NOTHING`,
      [id, stakeholderIds],
    );
  }

  async delete(manager: EntityManager, id: string): Promise<boolean> {
    const [rows] = await manager.query(`DELETE FROM initiatives WHERE id = $1 RETURNING id`, [id]);
    return rows.length > 0;
  }
}
