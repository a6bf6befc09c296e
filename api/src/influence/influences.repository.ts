import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { REPORTING_LINE_STRENGTH } from '@soundings/shared';
import type { InfluenceKind } from '@soundings/shared';
import { DataSource, EntityManager } from 'typeorm';
import { coalitionMemberJson } from '../coalition/coalition-member';
import type { CoalitionMemberRow } from '../coalition/coalition-member';

/** A person's columns as the influence reads select them. */
export type MemberColumns = CoalitionMemberRow;

export interface InfluenceRow {
  id: string;
  kind: string;
  strength: number;
  note: string | null;
  created_at: Date;
  updated_at: Date;
  version: number;
  from_member: MemberColumns;
  to_member: MemberColumns;
}

/**
 * One tie of a person, seen from them: `outgoing` when they are the link's `from` (or report to the
 * other person), `incoming` otherwise. `influence_id` is null for a reporting line.
 */
export interface TieRow {
  influence_id: string | null;
  kind: string;
  strength: number;
  note: string | null;
  outgoing: boolean;
  via: 'link' | 'reporting_line';
  person: MemberColumns;
}

export interface InfluenceColumns {
  from_id?: string;
  to_id?: string;
  kind?: InfluenceKind;
  strength?: number;
  note?: string | null;
}

/** A member as one JSON object, so every query shapes people the same way. */
export const MEMBER_JSON = coalitionMemberJson;

const INFLUENCE_SELECT = `
  SELECT i.id, i.kind, i.strength, i.note, i.created_at, i.updated_at, i.version,
         ${MEMBER_JSON('f')} AS from_member, ${MEMBER_JSON('t')} AS to_member
    FROM influences i JOIN stakeholders f ON f.id = i.from_id JOIN stakeholders t ON t.id = i.to_id`;

const LIST_ORDER = `lower(f.name), f.id, lower(t.name), t.id, i.kind, i.id`;

@Injectable()
export class InfluencesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async findById(id: string, manager: EntityManager = this.dataSource.manager): Promise<InfluenceRow | null> {
    const rows = await manager.query(`${INFLUENCE_SELECT} WHERE i.id = $1`, [id]);
    return rows[0] ?? null;
  }

  async list(filter: { stakeholderId?: string; kind?: string }, page: number, pageSize: number): Promise<{ rows: InfluenceRow[]; total: number }> {
    const clauses: string[] = [];
    const params: unknown[] = [];
    if (filter.stakeholderId) {
      const param = `$${params.push(filter.stakeholderId)}`;
      clauses.push(`(i.from_id = ${param} OR i.to_id = ${param})`);
    }
    if (filter.kind) clauses.push(`i.kind = $${params.push(filter.kind)}`);
    const whereSql = clauses.length ? `WHERE ${clauses.join(' AND ')}` : '';
    const rows: (InfluenceRow & { total: number })[] = await this.dataSource.query(
      `${INFLUENCE_SELECT.replace('i.version,', `i.version, (SELECT count(*)::int FROM influences i ${whereSql}) AS total,`)}
        ${whereSql} ORDER BY ${LIST_ORDER} LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, pageSize, (page - 1) * pageSize],
    );
    if (rows.length > 0 || page === 1) return { rows, total: rows[0]?.total ?? 0 };
    const [{ total }] = await this.dataSource.query(`SELECT count(*)::int AS total FROM influences i ${whereSql}`, params);
    return { rows, total };
  }

  /**
   * The link that already holds this pair and kind, if any: for ally and conflict the reversed pair
   * is the same pair. `exceptId` leaves out the link being edited.
   */
  async findSame(manager: EntityManager, link: { fromId: string; toId: string; kind: InfluenceKind }, symmetric: boolean, exceptId?: string): Promise<InfluenceRow | null> {
    const rows = await manager.query(
      `${INFLUENCE_SELECT}
        WHERE i.kind = $3 AND ((i.from_id = $1 AND i.to_id = $2) OR ($4 AND i.from_id = $2 AND i.to_id = $1))
          AND i.id IS DISTINCT FROM $5::uuid
        LIMIT 1`,
      [link.fromId, link.toId, link.kind, symmetric, exceptId ?? null],
    );
    return rows[0] ?? null;
  }

  /** Every link with this person at either end, in list order (for their subject-access export). */
  async atEitherEnd(stakeholderId: string): Promise<InfluenceRow[]> {
    return this.dataSource.query(`${INFLUENCE_SELECT} WHERE i.from_id = $1 OR i.to_id = $1 ORDER BY ${LIST_ORDER}`, [stakeholderId]);
  }

  /** Null when a concurrent write took the pair first (the unique indexes decide). */
  async insert(manager: EntityManager, columns: Required<InfluenceColumns>, createdBy: string): Promise<string | null> {
    const rows = await manager.query(
      `INSERT INTO influences (from_id, to_id, kind, strength, note, created_by) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT DO NOTHING RETURNING id`,
      [columns.from_id, columns.to_id, columns.kind, columns.strength, columns.note, createdBy],
    );
    return rows[0]?.id ?? null;
  }

  /** Compare-and-set update; false when no row matched (missing, or changed since). */
  async updateIfVersion(manager: EntityManager, id: string, version: number, columns: InfluenceColumns): Promise<boolean> {
    const params: unknown[] = [id, version];
    const sets = Object.entries(columns)
      .filter(([, value]) => value !== undefined)
      .map(([column, value]) => `${column} = $${params.push(value)}`);
    const result = await manager.query(
      `UPDATE influences SET ${[...sets, 'updated_at = now()', 'version = version + 1'].join(', ')}
        WHERE id = $1 AND version = $2 RETURNING id`,
      params,
    );
    return result[0].length > 0;
  }

  async delete(manager: EntityManager, id: string): Promise<boolean> {
    const [rows] = await manager.query(`DELETE FROM influences WHERE id = $1 RETURNING id`, [id]);
    return rows.length > 0;
  }

  /** The person as a member, with whether they were erased; null when there is no such person. */
  async member(id: string): Promise<(MemberColumns & { erased: boolean }) | null> {
    const rows: { member: MemberColumns; erased: boolean }[] = await this.dataSource.query(
      `SELECT ${MEMBER_JSON('s')} AS member, s.erased_at IS NOT NULL AS erased FROM stakeholders s WHERE s.id = $1`,
      [id],
    );
    return rows[0] ? { ...rows[0].member, erased: rows[0].erased } : null;
  }

  /**
   * Every tie of one person in one statement, whatever their number: links at either end, the person
   * they report to and the people who report to them. People erased at the other end are left out.
   */
  async ties(stakeholderId: string): Promise<TieRow[]> {
    return this.dataSource.query(
      `SELECT tie.influence_id, tie.kind, tie.strength, tie.note, tie.outgoing, tie.via, ${MEMBER_JSON('p')} AS person
         FROM (
           SELECT i.id AS influence_id, i.kind, i.strength::int AS strength, i.note, true AS outgoing, 'link' AS via, i.to_id AS person_id
             FROM influences i WHERE i.from_id = $1
           UNION ALL
           SELECT i.id, i.kind, i.strength::int, i.note, false, 'link', i.from_id FROM influences i WHERE i.to_id = $1
           UNION ALL
           SELECT NULL, 'looks_to', $2::int, NULL, true, 'reporting_line', s.reports_to_id
             FROM stakeholders s WHERE s.id = $1 AND s.reports_to_id IS NOT NULL
           UNION ALL
           SELECT NULL, 'looks_to', $2::int, NULL, false, 'reporting_line', r.id FROM stakeholders r WHERE r.reports_to_id = $1
         ) tie
         JOIN stakeholders p ON p.id = tie.person_id AND p.erased_at IS NULL`,
      [stakeholderId, REPORTING_LINE_STRENGTH],
    );
  }
}
