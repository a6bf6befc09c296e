import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

export interface SessionPrincipalRow {
  session_id: string;
  csrf_token: string;
  user_id: string;
  email: string;
  role: string;
  last_seen_at: Date;
}

@Injectable()
export class SessionsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async create(
    manager: EntityManager,
    session: { id: string; userId: string; csrfToken: string; absoluteSeconds: number; clientAddress: string; userAgent: string | null },
  ): Promise<void> {
    await manager.query(
      `INSERT INTO sessions (id, user_id, csrf_token, expires_at, client_address, user_agent)
       VALUES ($1, $2, $3, now() + make_interval(secs => $4), $5, $6)`,
      [session.id, session.userId, session.csrfToken, session.absoluteSeconds, session.clientAddress, session.userAgent],
    );
  }

  /** A live session of an active user: within both its absolute and its idle lifetime. */
  async findLive(id: string, idleSeconds: number): Promise<SessionPrincipalRow | null> {
    const rows = await this.dataSource.query(
      `SELECT se.id AS session_id, se.csrf_token, se.last_seen_at, u.id AS user_id, u.email, u.role
         FROM sessions se JOIN users u ON u.id = se.user_id
        WHERE se.id = $1 AND u.active AND se.expires_at > now() AND se.last_seen_at > now() - make_interval(secs => $2)`,
      [id, idleSeconds],
    );
    return rows[0] ?? null;
  }

  /** Sliding idle expiry; written at most once a minute per session to spare the database. */
  async touch(id: string): Promise<void> {
    await this.dataSource.query(`UPDATE sessions SET last_seen_at = now() WHERE id = $1 AND last_seen_at < now() - interval '1 minute'`, [id]);
  }

  async delete(id: string, manager: EntityManager = this.dataSource.manager): Promise<void> {
    await manager.query(`DELETE FROM sessions WHERE id = $1`, [id]);
  }

  async deleteForUser(manager: EntityManager, userId: string): Promise<number> {
    const result = await manager.query(`DELETE FROM sessions WHERE user_id = $1 RETURNING id`, [userId]);
    return result[0].length;
  }

  /** Every session of the user but `keepId` (the one making the request). */
  async deleteOthersForUser(manager: EntityManager, userId: string, keepId: string): Promise<number> {
    const result = await manager.query(`DELETE FROM sessions WHERE user_id = $1 AND id <> $2 RETURNING id`, [userId, keepId]);
    return result[0].length;
  }

  /** Sessions past their absolute or idle lifetime, with the addresses and user agents they kept. */
  async deleteExpired(manager: EntityManager, idleSeconds: number): Promise<number> {
    const [rows] = await manager.query(
      `DELETE FROM sessions WHERE expires_at < now() OR last_seen_at < now() - make_interval(secs => $1) RETURNING 1`,
      [idleSeconds],
    );
    return rows.length;
  }
}
