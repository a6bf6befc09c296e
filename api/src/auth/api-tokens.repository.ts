import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

export interface ApiTokenRow {
  id: string;
  name: string;
  created_at: Date;
  last_used_at: Date | null;
}

@Injectable()
export class ApiTokensRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insert(manager: EntityManager, token: { userId: string; name: string; tokenHash: string }): Promise<ApiTokenRow> {
    const rows = await manager.query(
      `INSERT INTO api_tokens (user_id, name, token_hash) VALUES ($1, $2, $3) RETURNING id, name, created_at, last_used_at`,
      [token.userId, token.name, token.tokenHash],
    );
    return rows[0];
  }

  /** The owner of a token, only while the owner is active: a token dies with its owner's deactivation. */
  async findOwner(tokenHash: string): Promise<{ token_id: string; user_id: string; email: string; role: string; last_used_at: Date | null } | null> {
    const rows = await this.dataSource.query(
      `SELECT t.id AS token_id, t.last_used_at, u.id AS user_id, u.email, u.role
         FROM api_tokens t JOIN users u ON u.id = t.user_id WHERE t.token_hash = $1 AND u.active`,
      [tokenHash],
    );
    return rows[0] ?? null;
  }

  async touch(tokenId: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE api_tokens SET last_used_at = now() WHERE id = $1`,
      [tokenId],
    );
  }

  listForUser(userId: string): Promise<ApiTokenRow[]> {
    return this.dataSource.query(`SELECT id, name, created_at, last_used_at FROM api_tokens WHERE user_id = $1 ORDER BY created_at DESC`, [userId]);
  }

  /** Deletes only the caller's own token: another user's id answers as not found. */
  async deleteOwn(manager: EntityManager, userId: string, id: string): Promise<boolean> {
    const result = await manager.query(`DELETE FROM api_tokens WHERE id = $1 AND user_id = $2 RETURNING id`, [id, userId]);
    return result[0].length > 0;
  }
}
