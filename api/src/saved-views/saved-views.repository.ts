import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { StakeholderViewFilters } from '@soundings/shared';
import { DataSource, EntityManager } from 'typeorm';

export interface SavedViewRow {
  id: string;
  user_id: string;
  name: string;
  search: string | null;
  /** Every filter but the search, which has its own column. */
  filters: Omit<StakeholderViewFilters, 'q'>;
  created_at: Date;
  updated_at: Date;
  version: number;
}

export interface SavedViewColumns {
  name?: string;
  search?: string | null;
  filters?: Omit<StakeholderViewFilters, 'q'>;
}

const COLUMNS = `id, user_id, name, search, filters, created_at, updated_at, version`;

/** Every query is scoped to the account that owns the views: no one reads or changes another's. */
@Injectable()
export class SavedViewsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async listFor(userId: string): Promise<SavedViewRow[]> {
    return this.dataSource.query(`SELECT ${COLUMNS} FROM saved_views WHERE user_id = $1 ORDER BY lower(name), id`, [userId]);
  }

  async find(manager: EntityManager, userId: string, id: string, lock = false): Promise<SavedViewRow | null> {
    const rows = await manager.query(`SELECT ${COLUMNS} FROM saved_views WHERE id = $1 AND user_id = $2${lock ? ' FOR UPDATE' : ''}`, [id, userId]);
    return rows[0] ?? null;
  }

  async findByName(manager: EntityManager, userId: string, name: string, exceptId: string | null): Promise<SavedViewRow | null> {
    const rows = await manager.query(
      `SELECT ${COLUMNS} FROM saved_views WHERE user_id = $1 AND lower(name) = lower($2) AND id IS DISTINCT FROM $3::uuid`,
      [userId, name, exceptId],
    );
    return rows[0] ?? null;
  }

  /**
   * Inserts a view unless the account already holds `max`; the count and the insert are one statement
   * under the account's row lock, so two saves at once cannot both pass the limit. Null when full.
   */
  async insertWithin(manager: EntityManager, userId: string, max: number, columns: Required<SavedViewColumns>): Promise<string | null> {
    await manager.query(`SELECT 1 FROM users WHERE id = $1 FOR UPDATE`, [userId]);
    const rows = await manager.query(
      `INSERT INTO saved_views (user_id, name, search, filters)
       SELECT $1, $2, $3, $4::jsonb WHERE (SELECT count(*) FROM saved_views WHERE user_id = $1) < $5
       RETURNING id`,
      [userId, columns.name, columns.search, JSON.stringify(columns.filters), max],
    );
    return rows[0]?.id ?? null;
  }

  async updateIfVersion(manager: EntityManager, userId: string, id: string, version: number, columns: SavedViewColumns): Promise<boolean> {
    const params: unknown[] = [id, userId, version];
    const sets: string[] = [];
    if (columns.name !== undefined) sets.push(`name = $${params.push(columns.name)}`);
    if (columns.search !== undefined) sets.push(`search = $${params.push(columns.search)}`);
    if (columns.filters !== undefined) sets.push(`filters = $${params.push(JSON.stringify(columns.filters))}::jsonb`);
    const [rows] = await manager.query(
      `UPDATE saved_views SET ${[...sets, 'updated_at = now()', 'version = version + 1'].join(', ')}
        WHERE id = $1 AND user_id = $2 AND version = $3 RETURNING id`,
      params,
    );
    return rows.length > 0;
  }

  async delete(manager: EntityManager, userId: string, id: string): Promise<void> {
    await manager.query(`DELETE FROM saved_views WHERE id = $1 AND user_id = $2`, [id, userId]);
  }
}

export interface AccountRow {
  id: string;
  email: string;
  display_name: string | null;
  role: string;
  created_at: Date;
}

/** The account itself, for its owner's export. */
export async function findAccount(manager: EntityManager, userId: string): Promise<AccountRow | null> {
  const rows = await manager.query(`SELECT id, email, display_name, role, created_at FROM users WHERE id = $1`, [userId]);
  return rows[0] ?? null;
}
