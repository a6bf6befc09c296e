import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { coalitionMemberColumns } from '../coalition/coalition-member';

export interface PriorityRow extends Record<string, unknown> {
  id: string;
  business_function: string;
  title: string;
  owner_id: string | null;
  coaching_link: string | null;
  created_at: Date;
  updated_at: Date;
  version: number;
}

export interface PriorityColumns {
  business_function?: string;
  title?: string;
  owner_id?: string | null;
  coaching_link?: string | null;
}

/** A business function as it is matched: its name trimmed and in lower case (for grouping and joining on it). */
export const SAME_FUNCTION_KEY = (name: string) => `lower(btrim(${name}))`;
/** The same function whatever the case or surrounding space: "Finance" and "finance " are one function. */
export const SAME_FUNCTION = (left: string, right: string) => `${SAME_FUNCTION_KEY(left)} = ${SAME_FUNCTION_KEY(right)}`;

const PRIORITY_SELECT = `
  SELECT p.id, p.business_function, p.title, p.owner_id, p.coaching_link, p.created_at, p.updated_at, p.version,
         ${coalitionMemberColumns('o', 'owner')}
    FROM priorities p LEFT JOIN stakeholders o ON o.id = p.owner_id`;

/** By function, then title, as the priorities page groups them. */
const LIST_ORDER = `lower(p.business_function), lower(p.title), p.id`;

@Injectable()
export class PrioritiesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async findById(id: string, manager: EntityManager = this.dataSource.manager): Promise<PriorityRow | null> {
    const rows = await manager.query(`${PRIORITY_SELECT} WHERE p.id = $1`, [id]);
    return rows[0] ?? null;
  }

  /** One statement for the page and its total (a second only for a page past the end). */
  async list(filter: { businessFunction?: string; ownerId?: string }, page: number, pageSize: number): Promise<{ rows: PriorityRow[]; total: number }> {
    const clauses: string[] = [];
    const params: unknown[] = [];
    if (filter.businessFunction) clauses.push(SAME_FUNCTION('p.business_function', `$${params.push(filter.businessFunction)}`));
    if (filter.ownerId) clauses.push(`p.owner_id = $${params.push(filter.ownerId)}`);
    const whereSql = clauses.length ? `WHERE ${clauses.join(' AND ')}` : '';
    const rows: (PriorityRow & { total: number })[] = await this.dataSource.query(
      `${PRIORITY_SELECT.replace('p.version,', `p.version, (SELECT count(*)::int FROM priorities p ${whereSql}) AS total,`)}
        ${whereSql} ORDER BY ${LIST_ORDER} LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, pageSize, (page - 1) * pageSize],
    );
    if (rows.length > 0 || page === 1) return { rows, total: rows[0]?.total ?? 0 };
    const [{ total }] = await this.dataSource.query(`SELECT count(*)::int AS total FROM priorities p ${whereSql}`, params);
    return { rows, total };
  }

  /** The priority already holding this title in this function (ignoring case), other than `exceptId`. */
  async findSameTitle(manager: EntityManager, businessFunction: string, title: string, exceptId?: string): Promise<PriorityRow | null> {
    const rows = await manager.query(
      `${PRIORITY_SELECT} WHERE lower(p.business_function) = lower($1) AND lower(p.title) = lower($2) AND p.id IS DISTINCT FROM $3::uuid`,
      [businessFunction, title, exceptId ?? null],
    );
    return rows[0] ?? null;
  }

  /** Priorities this person owns, by function and title (for their subject-access export). */
  async ownedBy(stakeholderId: string): Promise<PriorityRow[]> {
    return this.dataSource.query(`${PRIORITY_SELECT} WHERE p.owner_id = $1 ORDER BY ${LIST_ORDER}`, [stakeholderId]);
  }

  /** Null when a concurrent write took the title first (the unique index decides). */
  async insert(manager: EntityManager, columns: Required<PriorityColumns>): Promise<string | null> {
    const rows = await manager.query(
      `INSERT INTO priorities (business_function, title, owner_id, coaching_link) VALUES ($1, $2, $3, $4)
       ON CONFLICT DO NOTHING RETURNING id`,
      [columns.business_function, columns.title, columns.owner_id, columns.coaching_link],
    );
    return rows[0]?.id ?? null;
  }

  /** Compare-and-set update; false when no row matched (missing, or changed since). */
  async updateIfVersion(manager: EntityManager, id: string, version: number, columns: PriorityColumns): Promise<boolean> {
    const params: unknown[] = [id, version];
    const sets = Object.entries(columns)
      .filter(([, value]) => value !== undefined)
      .map(([column, value]) => `${column} = $${params.push(value)}`);
    const result = await manager.query(
      `UPDATE priorities SET ${[...sets, 'updated_at = now()', 'version = version + 1'].join(', ')}
        WHERE id = $1 AND version = $2 RETURNING id`,
      params,
    );
    return result[0].length > 0;
  }

  async delete(manager: EntityManager, id: string): Promise<boolean> {
    const [rows] = await manager.query(`DELETE FROM priorities WHERE id = $1 RETURNING id`, [id]);
    return rows.length > 0;
  }

  /** Which of these ids are priorities; the rest are for the caller to refuse. */
  async existing(manager: EntityManager, ids: string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const rows: { id: string }[] = await manager.query(`SELECT id FROM priorities WHERE id = ANY($1::uuid[])`, [ids]);
    return new Set(rows.map((row) => row.id));
  }
}
