import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { coalitionMemberColumns } from '../coalition/coalition-member';
import type { TellerRef } from './expectation-rules';

export interface ExpectationRow {
  id: string;
  expectation: string;
  told_on: string;
  told_by_user_id: string | null;
  told_by_stakeholder_id: string | null;
  /** The champion's name, else the account's display name (its email when it has none); null when neither is left. */
  teller_name: string | null;
  realistic: boolean;
  status: string;
  note: string | null;
  created_at: Date;
  updated_at: Date;
  version: number;
  /** The person, as `coalitionMemberColumns('s', 'subject')` (`subject_id`, `subject_name`, …). */
  [subjectColumn: string]: unknown;
}

export interface ExpectationColumns {
  expectation?: string;
  told_on?: string;
  teller?: TellerRef;
  realistic?: boolean;
  status?: string;
  note?: string | null;
}

export interface ExpectationFilter {
  stakeholderId?: string;
  status?: string;
  realistic?: boolean;
}

/** An account is named by its display name, else its email. */
export const ACCOUNT_NAME = (alias: string) => `coalesce(nullif(btrim(${alias}.display_name), ''), ${alias}.email)`;

const EXPECTATION_SELECT = `
  SELECT e.id, e.expectation, e.told_on, e.told_by_user_id, e.told_by_stakeholder_id, e.realistic, e.status, e.note,
         e.created_at, e.updated_at, e.version,
         ${coalitionMemberColumns('s', 'subject')},
         coalesce(t.name, ${ACCOUNT_NAME('u')}) AS teller_name
    FROM expectations e
    JOIN stakeholders s ON s.id = e.stakeholder_id
    LEFT JOIN stakeholders t ON t.id = e.told_by_stakeholder_id
    LEFT JOIN users u ON u.id = e.told_by_user_id`;

// The register reads the top team first, then by person; each person's newest first.
const EXPECTATION_ORDER = `s.role <> 'top_team', lower(s.name), s.id, e.told_on DESC, e.created_at DESC, e.id`;

@Injectable()
export class ExpectationsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** One statement: the page and the total together. */
  async list(filter: ExpectationFilter, page: number, pageSize: number): Promise<{ rows: ExpectationRow[]; total: number }> {
    const clauses: string[] = [];
    const params: unknown[] = [];
    if (filter.stakeholderId) clauses.push(`e.stakeholder_id = $${params.push(filter.stakeholderId)}`);
    if (filter.status) clauses.push(`e.status = $${params.push(filter.status)}`);
    if (filter.realistic !== undefined) clauses.push(`e.realistic = $${params.push(filter.realistic)}`);
    const whereSql = clauses.length ? `WHERE ${clauses.join(' AND ')}` : '';
    const rows: (ExpectationRow & { total: number })[] = await this.dataSource.query(
      `${EXPECTATION_SELECT.replace('e.version,', `e.version, (SELECT count(*)::int FROM expectations e ${whereSql}) AS total,`)}
        ${whereSql} ORDER BY ${EXPECTATION_ORDER} LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, pageSize, (page - 1) * pageSize],
    );
    if (rows.length > 0 || page === 1) return { rows, total: rows[0]?.total ?? 0 };
    const [{ total }] = await this.dataSource.query(`SELECT count(*)::int AS total FROM expectations e ${whereSql}`, params);
    return { rows, total };
  }

  async findById(id: string, manager: EntityManager = this.dataSource.manager): Promise<ExpectationRow | null> {
    const rows = await manager.query(`${EXPECTATION_SELECT} WHERE e.id = $1`, [id]);
    return rows[0] ?? null;
  }

  /** What the person was told to expect, newest first (for their subject-access export). */
  forStakeholder(stakeholderId: string): Promise<ExpectationRow[]> {
    return this.dataSource.query(`${EXPECTATION_SELECT} WHERE e.stakeholder_id = $1 ORDER BY e.told_on DESC, e.created_at DESC, e.id`, [stakeholderId]);
  }

  /** The account, share-locked so it cannot be deactivated before this transaction commits. */
  async lockAccount(manager: EntityManager, userId: string): Promise<{ id: string; active: boolean } | null> {
    const rows = await manager.query(`SELECT id, active FROM users WHERE id = $1 FOR SHARE`, [userId]);
    return rows[0] ?? null;
  }

  async insert(
    manager: EntityManager,
    stakeholderId: string,
    columns: Required<Omit<ExpectationColumns, 'note'>> & { note: string | null },
    createdBy: string,
  ): Promise<string> {
    const rows = await manager.query(
      `INSERT INTO expectations (stakeholder_id, expectation, told_on, told_by_user_id, told_by_stakeholder_id, realistic, status, note, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
      [
        stakeholderId,
        columns.expectation,
        columns.told_on,
        columns.teller.type === 'account' ? columns.teller.userId : null,
        columns.teller.type === 'champion' ? columns.teller.stakeholderId : null,
        columns.realistic,
        columns.status,
        columns.note,
        createdBy,
      ],
    );
    return rows[0].id;
  }

  /** Compare-and-set; false when no row matched (missing, or changed since). */
  async updateIfVersion(manager: EntityManager, id: string, version: number, columns: ExpectationColumns): Promise<boolean> {
    const params: unknown[] = [id, version];
    const { teller, ...plain } = columns;
    const sets = Object.entries(plain)
      .filter(([, value]) => value !== undefined)
      .map(([column, value]) => `${column} = $${params.push(value)}`);
    if (teller) {
      sets.push(`told_by_user_id = $${params.push(teller.type === 'account' ? teller.userId : null)}`);
      sets.push(`told_by_stakeholder_id = $${params.push(teller.type === 'champion' ? teller.stakeholderId : null)}`);
    }
    const result = await manager.query(
      `UPDATE expectations SET ${[...sets, 'updated_at = now()', 'version = version + 1'].join(', ')}
        WHERE id = $1 AND version = $2 RETURNING id`,
      params,
    );
    return result[0].length > 0;
  }

  async delete(manager: EntityManager, id: string): Promise<boolean> {
    const [rows] = await manager.query(`DELETE FROM expectations WHERE id = $1 RETURNING id`, [id]);
    return rows.length > 0;
  }
}
