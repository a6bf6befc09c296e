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
   * Whether this installation has ever had an account anyone could sign in with: a durable fact the
   * database records with the first such account (see the FirstAccountMarker migration), so
   * deactivating or deleting every account never reopens first-run setup. The demo data's author is
   * inactive and does not count.
   */
  async everHadAnAccount(manager: EntityManager = this.dataSource.manager, options: { lock?: boolean } = {}): Promise<boolean> {
    const [{ had }] = await manager.query(`SELECT first_account_at IS NOT NULL AS had FROM settings${options.lock ? ' FOR UPDATE' : ''}`);
    return had;
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
   * Creates the first admin only while no account has ever existed. The settings row's lock makes
   * two simultaneous first-run requests (or API instances) agree on a single winner; every other
   * account insert marks that same row, so it waits for the lock too.
   */
  async insertFirstAdmin(
    manager: EntityManager,
    user: { email: string; displayName?: string | null; passwordHash: string },
  ): Promise<string | null> {
    if (await this.everHadAnAccount(manager, { lock: true })) return null;
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

  /** A password change is not an edit an admin could conflict with, so the version stays. */
  async setPasswordHash(manager: EntityManager, id: string, passwordHash: string): Promise<void> {
    await manager.query(`UPDATE users SET password_hash = $2, updated_at = now() WHERE id = $1`, [id, passwordHash]);
  }

  /**
   * Locks the rows of every active admin and of `id`, in id order, until the transaction ends. Any
   * change that could remove an admin takes these locks before it writes, so two such changes run
   * one after the other and the second sees the first's result (two admins demoting or deactivating
   * each other at once cannot both win); the fixed order means they never deadlock.
   */
  async lockActiveAdminsAnd(manager: EntityManager, id: string): Promise<void> {
    await manager.query(`SELECT id FROM users WHERE (role = 'admin' AND active) OR id = $1 ORDER BY id FOR UPDATE`, [id]);
  }

  async activeAdminCount(manager: EntityManager): Promise<number> {
    const [{ count }] = await manager.query(`SELECT count(*) FROM users WHERE role = 'admin' AND active`);
    return count;
  }
}
