import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { RateLimitPolicy } from './rate-limit.config';

/** A counter to add this request to: `bucket` names the policy and who is counted (a user or an address). */
export interface CountedHit {
  policy: RateLimitPolicy;
  bucket: string;
  windowSeconds: number;
}

export interface WindowCount {
  policy: RateLimitPolicy;
  hits: number;
  retryAfterSeconds: number;
}

/**
 * Fixed-window request counters in PostgreSQL, so every API instance enforces the same limits.
 */
@Injectable()
export class RequestCountersRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Counts this request in the current window of each bucket and returns the counts, in one statement. */
  async hit(hits: CountedHit[]): Promise<WindowCount[]> {
    return this.dataSource.query(
      `WITH windows AS (
         SELECT hit.policy, hit.bucket, date_bin(make_interval(secs => hit.seconds), now(), timestamptz 'epoch') AS start,
                make_interval(secs => hit.seconds) AS length
           FROM unnest($1::text[], $2::text[], $3::int[]) AS hit(policy, bucket, seconds)
       )
       INSERT INTO rate_limit_windows AS w (bucket, window_start, expires_at, hits)
       SELECT windows.policy || ':' || windows.bucket, windows.start, windows.start + windows.length, 1
         FROM windows
       ON CONFLICT (bucket, window_start) DO UPDATE SET hits = w.hits + 1
       RETURNING split_part(w.bucket, ':', 1) AS policy, w.hits,
                 greatest(1, ceil(extract(epoch FROM w.expires_at - now())))::int AS "retryAfterSeconds"`,
      [hits.map(({ policy }) => policy), hits.map(({ bucket }) => bucket), hits.map(({ windowSeconds }) => windowSeconds)],
    );
  }

  /**
   * Drops ended windows, and failed sign-ins long past the 15-minute window they count in (their
   * buckets name an email address or a client address). Run by the retention job.
   */
  async pruneExpired(manager: EntityManager = this.dataSource.manager): Promise<{ windows: number; failedSignIns: number }> {
    const [windows] = await manager.query(`DELETE FROM rate_limit_windows WHERE expires_at < now() RETURNING 1`);
    const [failedSignIns] = await manager.query(`DELETE FROM rate_limit_hits WHERE hit_at < now() - interval '1 day' RETURNING 1`);
    return { windows: windows.length, failedSignIns: failedSignIns.length };
  }
}
