import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

// Namespace for the sign-in buckets' advisory locks (the two-key form, apart from single-key locks).
const ATTEMPT_LOCKS = 7_401_127;

export type AttemptAdmission =
  | { admitted: true; attempts: { bucket: string; ctid: string }[] }
  | { admitted: false; retryAfterSeconds: number };

/**
 * Sliding-window counters kept in PostgreSQL, so every API instance enforces the same limits.
 */
@Injectable()
export class RateLimitRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Counts a sign-in attempt in each bucket before its password is checked, unless a bucket is
   * already at its limit. The buckets stay locked from the count to the insert, so attempts sent in
   * parallel queue and each sees the ones before it: no more than `limit` are ever let through.
   */
  async admitAttempt(limits: Map<string, number>, windowSeconds: number): Promise<AttemptAdmission> {
    const buckets = [...limits.keys()].sort();
    return this.dataSource.transaction(async (manager) => {
      // One at a time, in a fixed order, so two attempts never wait on each other's second lock.
      for (const bucket of buckets) await manager.query(`SELECT pg_advisory_xact_lock($1, hashtext($2))`, [ATTEMPT_LOCKS, bucket]);
      const usage = await this.usage(buckets, windowSeconds, manager);
      const blocked = [...usage.entries()].filter(([bucket, u]) => u.hits >= limits.get(bucket)!);
      if (blocked.length > 0) return { admitted: false, retryAfterSeconds: Math.max(...blocked.map(([, u]) => u.retryAfterSeconds)) };
      const attempts: { bucket: string; ctid: string }[] = await manager.query(
        `INSERT INTO rate_limit_hits (bucket) SELECT unnest($1::text[]) RETURNING bucket, ctid::text AS ctid`,
        [buckets],
      );
      return { admitted: true, attempts };
    });
  }

  /** Takes back one counted attempt (a sign-in that succeeded is not held against its address). */
  async forgive(attempt: { bucket: string; ctid: string }): Promise<void> {
    await this.dataSource.query(`DELETE FROM rate_limit_hits WHERE ctid = $1::tid AND bucket = $2`, [attempt.ctid, attempt.bucket]);
  }

  /** Hits in the window, and seconds until the oldest of them leaves it. */
  async usage(
    buckets: string[],
    windowSeconds: number,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<Map<string, { hits: number; retryAfterSeconds: number }>> {
    const rows: { bucket: string; hits: number; retry_after: number }[] = await manager.query(
      `SELECT bucket, count(*) AS hits,
              ceil(extract(epoch FROM (min(hit_at) + make_interval(secs => $2) - now())))::int AS retry_after
         FROM rate_limit_hits
        WHERE bucket = ANY($1) AND hit_at > now() - make_interval(secs => $2)
        GROUP BY bucket`,
      [buckets, windowSeconds],
    );
    return new Map(rows.map((row) => [row.bucket, { hits: row.hits, retryAfterSeconds: Math.max(1, row.retry_after) }]));
  }

  async hit(buckets: string[]): Promise<void> {
    await this.dataSource.query(`INSERT INTO rate_limit_hits (bucket) SELECT unnest($1::text[])`, [buckets]);
  }

  async clear(bucket: string): Promise<void> {
    await this.dataSource.query(`DELETE FROM rate_limit_hits WHERE bucket = $1`, [bucket]);
  }

  async prune(olderThanSeconds: number): Promise<void> {
    await this.dataSource.query(`DELETE FROM rate_limit_hits WHERE hit_at < now() - make_interval(secs => $1)`, [olderThanSeconds]);
  }
}
