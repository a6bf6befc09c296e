import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

@Injectable()
export class PasswordResetsRepository {
  /** A new link replaces any earlier unused one, so only the latest link handed out works. */
  async replaceForUser(
    manager: EntityManager,
    reset: { userId: string; tokenHash: string; issuedBy: string; validHours: number },
  ): Promise<{ expires_at: Date }> {
    await manager.query(`DELETE FROM password_reset_tokens WHERE user_id = $1 AND used_at IS NULL`, [reset.userId]);
    const rows = await manager.query(
      `INSERT INTO password_reset_tokens (user_id, token_hash, issued_by, expires_at)
       VALUES ($1, $2, $3, now() + make_interval(hours => $4)) RETURNING expires_at`,
      [reset.userId, reset.tokenHash, reset.issuedBy, reset.validHours],
    );
    return rows[0];
  }

  /**
   * Marks a live link used and returns whose it is; null when it is unknown, used or expired. One
   * UPDATE, so of two requests with the same link only one can consume it.
   */
  async consume(manager: EntityManager, tokenHash: string): Promise<{ user_id: string } | null> {
    const [rows] = await manager.query(
      `UPDATE password_reset_tokens SET used_at = now()
        WHERE token_hash = $1 AND used_at IS NULL AND expires_at > now() RETURNING user_id`,
      [tokenHash],
    );
    return rows[0] ?? null;
  }

  /** Used and expired links: they open nothing, and say who was reset when. */
  async pruneSpent(manager: EntityManager): Promise<number> {
    const [rows] = await manager.query(`DELETE FROM password_reset_tokens WHERE used_at IS NOT NULL OR expires_at < now() RETURNING 1`);
    return rows.length;
  }
}
