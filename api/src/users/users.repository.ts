import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

export interface UserRow {
  id: string;
  email: string;
  display_name: string | null;
  password_hash: string | null;
  role: string;
  active: boolean;
  created_at: Date;
  version: number;
}

@Injectable()
export class UsersRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Whether anyone can administer Soundings. Counting admins rather than all accounts keeps the
   * first-run step open when only system accounts exist (the demo data's author, for one).
   */
  async activeAdminExists(manager: EntityManager = this.dataSource.manager): Promise<boolean> {
    const rows = await manager.query(`SELECT 1 FROM users WHERE role = 'admin' AND active LIMIT 1`);
    return rows.length > 0;
  }

  async findByEmail(email: string): Promise<UserRow | null> {
    const rows = await this.dataSource.query(`SELECT * FROM users WHERE lower(email) = lower($1)`, [email]);
    return rows[0] ?? null;
  }

  async findById(id: string, manager: EntityManager = this.dataSource.manager): Promise<UserRow | null> {
    const rows = await manager.query(`SELECT * FROM users WHERE id = $1`, [id]);
    return rows[0] ?? null;
  }

  async list(): Promise<UserRow[]> {
    return this.dataSource.query(`SELECT * FROM users ORDER BY lower(email)`);
  }

  async insert(
    manager: EntityManager,
    user: { email: string; displayName?: string | null; passwordHash: string | null; role: string },
  ): Promise<string> {
    const rows = await manager.query(
      `INSERT INTO users (email, display_name, password_hash, role) VALUES ($1, $2, $3, $4) RETURNING id`,
      [user.email, user.displayName ?? null, user.passwordHash, user.role],
    );
    return rows[0].id;
  }

  /**
   * Creates the first admin only while there is no active admin. The table lock makes two
   * simultaneous first-run requests (or API instances) agree on a single winner.
   */
  async insertFirstAdmin(
    manager: EntityManager,
    user: { email: string; displayName?: string | null; passwordHash: string },
  ): Promise<string | null> {
    await manager.query(`LOCK TABLE users IN SHARE ROW EXCLUSIVE MODE`);
    if (await this.activeAdminExists(manager)) return null;
    return this.insert(manager, { ...user, role: 'admin' });
  }

  async updateIfVersion(
    manager: EntityManager,
    id: string,
    version: number,
    changes: { displayName?: string | null; role?: string; active?: boolean },
  ): Promise<boolean> {
    const columns: Record<string, string> = { displayName: 'display_name', role: 'role', active: 'active' };
    const params: unknown[] = [id, version];
    const sets = Object.entries(changes)
      .filter(([key, value]) => value !== undefined && key in columns)
      .map(([key, value]) => `${columns[key]} = $${params.push(value)}`);
    const result = await manager.query(
      `UPDATE users SET ${[...sets, 'updated_at = now()', 'version = version + 1'].join(', ')}
        WHERE id = $1 AND version = $2 RETURNING id`,
      params,
    );
    return result[0].length > 0;
  }

  async activeAdminCount(manager: EntityManager): Promise<number> {
    const [{ count }] = await manager.query(`SELECT count(*) FROM users WHERE role = 'admin' AND active`);
    return count;
  }
}
