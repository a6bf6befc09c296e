import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { coalitionMemberColumns } from '../coalition/coalition-member';
import type { HolderRef } from './relationship-rules';

export interface RelationshipRow {
  id: string;
  holder_user_id: string | null;
  holder_stakeholder_id: string | null;
  holder_name: string;
  holder_commitment: string | null;
  quality: string;
  note: string | null;
  created_at: Date;
  updated_at: Date;
  version: number;
  /** The person, as `coalitionMemberColumns('s', 'subject')` (`subject_id`, `subject_name`, …). */
  [subjectColumn: string]: unknown;
}

export interface HolderRow {
  type: 'account' | 'champion';
  id: string;
  name: string;
  commitment: string | null;
}

export interface MatrixCellRow {
  id: string;
  stakeholder_id: string;
  holder_user_id: string | null;
  holder_stakeholder_id: string | null;
  quality: string;
  note: string | null;
  version: number;
}

export interface AccountRow {
  id: string;
  active: boolean;
}

/** An account is named by its display name, else its email. */
const ACCOUNT_NAME = (alias: string) => `coalesce(nullif(btrim(${alias}.display_name), ''), ${alias}.email)`;

const RELATIONSHIP_SELECT = `
  SELECT r.id, r.holder_user_id, r.holder_stakeholder_id, r.quality, r.note, r.created_at, r.updated_at, r.version,
         ${coalitionMemberColumns('s', 'subject')},
         coalesce(h.name, ${ACCOUNT_NAME('u')}) AS holder_name, h.commitment AS holder_commitment
    FROM relationships r
    JOIN stakeholders s ON s.id = r.stakeholder_id
    LEFT JOIN stakeholders h ON h.id = r.holder_stakeholder_id
    LEFT JOIN users u ON u.id = r.holder_user_id`;

// Champions before accounts in every list, as in the matrix.
const RELATIONSHIP_ORDER = `lower(s.name), s.id, r.holder_user_id IS NOT NULL, lower(coalesce(h.name, ${ACCOUNT_NAME('u')})), r.id`;

export interface RelationshipFilter {
  stakeholderId?: string;
  holderUserId?: string;
  holderStakeholderId?: string;
  quality?: string;
}

@Injectable()
export class RelationshipsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(filter: RelationshipFilter, page: number, pageSize: number): Promise<{ rows: RelationshipRow[]; total: number }> {
    const clauses: string[] = [];
    const params: unknown[] = [];
    if (filter.stakeholderId) clauses.push(`r.stakeholder_id = $${params.push(filter.stakeholderId)}`);
    if (filter.holderUserId) clauses.push(`r.holder_user_id = $${params.push(filter.holderUserId)}`);
    if (filter.holderStakeholderId) clauses.push(`r.holder_stakeholder_id = $${params.push(filter.holderStakeholderId)}`);
    if (filter.quality) clauses.push(`r.quality = $${params.push(filter.quality)}`);
    const whereSql = clauses.length ? `WHERE ${clauses.join(' AND ')}` : '';
    const rows: (RelationshipRow & { total: number })[] = await this.dataSource.query(
      `${RELATIONSHIP_SELECT.replace('r.version,', `r.version, (SELECT count(*)::int FROM relationships r ${whereSql}) AS total,`)}
        ${whereSql} ORDER BY ${RELATIONSHIP_ORDER} LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, pageSize, (page - 1) * pageSize],
    );
    if (rows.length > 0 || page === 1) return { rows, total: rows[0]?.total ?? 0 };
    const [{ total }] = await this.dataSource.query(`SELECT count(*)::int AS total FROM relationships r ${whereSql}`, params);
    return { rows, total };
  }

  async findById(id: string, manager: EntityManager = this.dataSource.manager): Promise<RelationshipRow | null> {
    const rows = await manager.query(`${RELATIONSHIP_SELECT} WHERE r.id = $1`, [id]);
    return rows[0] ?? null;
  }

  /** The relationship this holder already has with this person, if any. */
  async findExisting(manager: EntityManager, stakeholderId: string, holder: HolderRef): Promise<RelationshipRow | null> {
    const column = holder.type === 'account' ? 'r.holder_user_id' : 'r.holder_stakeholder_id';
    const holderId = holder.type === 'account' ? holder.userId : holder.stakeholderId;
    const rows = await manager.query(`${RELATIONSHIP_SELECT} WHERE r.stakeholder_id = $1 AND ${column} = $2`, [stakeholderId, holderId]);
    return rows[0] ?? null;
  }

  /** The account, share-locked so it cannot be deactivated before this transaction commits. */
  async lockAccount(manager: EntityManager, userId: string): Promise<AccountRow | null> {
    const rows = await manager.query(`SELECT id, active FROM users WHERE id = $1 FOR SHARE`, [userId]);
    return rows[0] ?? null;
  }

  async insert(
    manager: EntityManager,
    columns: { stakeholderId: string; holder: HolderRef; quality: string; note: string | null; createdBy: string },
  ): Promise<string> {
    const rows = await manager.query(
      `INSERT INTO relationships (stakeholder_id, holder_user_id, holder_stakeholder_id, quality, note, created_by)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [
        columns.stakeholderId,
        columns.holder.type === 'account' ? columns.holder.userId : null,
        columns.holder.type === 'champion' ? columns.holder.stakeholderId : null,
        columns.quality,
        columns.note,
        columns.createdBy,
      ],
    );
    return rows[0].id;
  }

  /** Compare-and-set; false when no row matched (missing, or changed since). */
  async updateIfVersion(manager: EntityManager, id: string, version: number, changes: { quality?: string; note?: string | null }): Promise<boolean> {
    const params: unknown[] = [id, version];
    const sets: string[] = [];
    if (changes.quality !== undefined) sets.push(`quality = $${params.push(changes.quality)}`);
    if (changes.note !== undefined) sets.push(`note = $${params.push(changes.note)}`);
    const result = await manager.query(
      `UPDATE relationships SET ${[...sets, 'updated_at = now()', 'version = version + 1'].join(', ')}
        WHERE id = $1 AND version = $2 RETURNING id`,
      params,
    );
    return result[0].length > 0;
  }

  async delete(manager: EntityManager, id: string): Promise<boolean> {
    const [rows] = await manager.query(`DELETE FROM relationships WHERE id = $1 RETURNING id`, [id]);
    return rows.length > 0;
  }

  /** Every relationship with this person or held by them as a champion (for their subject-access export). */
  async concerning(stakeholderId: string): Promise<RelationshipRow[]> {
    return this.dataSource.query(
      `${RELATIONSHIP_SELECT} WHERE r.stakeholder_id = $1 OR r.holder_stakeholder_id = $1 ORDER BY r.created_at, r.id`,
      [stakeholderId],
    );
  }

  /** Every active account, by name: who on the HR side may be named as a holder. */
  async activeAccounts(): Promise<HolderRow[]> {
    return this.dataSource.query(
      `SELECT 'account' AS type, u.id, ${ACCOUNT_NAME('u')} AS name, NULL AS commitment
         FROM users u WHERE u.active ORDER BY lower(${ACCOUNT_NAME('u')}), u.id`,
    );
  }

  // ---- The matrix: three statements whatever the campaign's size ----

  /** Rows: every top-team member still on record, by name. */
  async topTeam(): Promise<Record<string, unknown>[]> {
    return this.dataSource.query(
      `SELECT ${coalitionMemberColumns('s', 'member')} FROM stakeholders s
        WHERE s.role = 'top_team' AND s.erased_at IS NULL ORDER BY lower(s.name), s.id`,
    );
  }

  /** Columns: champions (potential champions and anyone holding a relationship), then accounts holding any; by name. */
  async holders(): Promise<HolderRow[]> {
    return this.dataSource.query(
      `SELECT * FROM (
         SELECT 'champion' AS type, s.id, s.name, s.commitment
           FROM stakeholders s
          WHERE s.erased_at IS NULL
            AND (s.potential_champion OR EXISTS (SELECT 1 FROM relationships r WHERE r.holder_stakeholder_id = s.id))
         UNION ALL
         SELECT 'account', u.id, ${ACCOUNT_NAME('u')}, NULL
           FROM users u
          WHERE EXISTS (SELECT 1 FROM relationships r WHERE r.holder_user_id = u.id)
       ) holders
       ORDER BY type = 'account', lower(name), id`,
    );
  }

  /** Cells: every relationship with a top-team member still on record. */
  async topTeamCells(): Promise<MatrixCellRow[]> {
    return this.dataSource.query(
      `SELECT r.id, r.stakeholder_id, r.holder_user_id, r.holder_stakeholder_id, r.quality, r.note, r.version
         FROM relationships r JOIN stakeholders s ON s.id = r.stakeholder_id
        WHERE s.role = 'top_team' AND s.erased_at IS NULL
        ORDER BY r.stakeholder_id, r.id`,
    );
  }
}
