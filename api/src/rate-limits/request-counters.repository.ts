import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { RateLimitPolicy, RateLimitRule } from './rate-limit.config';

/** How a request identifies itself, before anyone has checked that the credential is valid. */
export interface CallerCredential {
  /** SHA-256 of the session cookie, i.e. the `sessions.id` it would have. */
  sessionId: string | null;
  /** SHA-256 of the bearer token, i.e. the `api_tokens.token_hash` it would have. */
  tokenHash: string | null;
  clientAddress: string;
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

  /**
   * Counts this request in the current window of each policy and returns the counts, in one
   * statement: the caller is resolved to its user through the session or token it presents (an
   * unknown credential counts against its address), then each window's row is upserted.
   */
  async hit(caller: CallerCredential, rules: { policy: RateLimitPolicy; rule: RateLimitRule }[]): Promise<WindowCount[]> {
    return this.dataSource.query(
      `WITH caller AS (
         SELECT coalesce(
                  (SELECT 'user:' || user_id FROM sessions WHERE id = $1::text),
                  (SELECT 'user:' || user_id FROM api_tokens WHERE token_hash = $2::text),
                  'address:' || $3::text) AS who
       ),
       windows AS (
         SELECT rule.policy, rule.per_address, date_bin(make_interval(secs => rule.seconds), now(), timestamptz 'epoch') AS start,
                make_interval(secs => rule.seconds) AS length
           FROM unnest($4::text[], $5::int[], $6::boolean[]) WITH ORDINALITY AS rule(policy, seconds, per_address, position)
          ORDER BY rule.position
       )
       INSERT INTO rate_limit_windows AS w (bucket, window_start, expires_at, hits)
       SELECT windows.policy || ':' || CASE WHEN windows.per_address THEN 'address:' || $3::text ELSE caller.who END,
              windows.start, windows.start + windows.length, 1
         FROM caller, windows
       ON CONFLICT (bucket, window_start) DO UPDATE SET hits = w.hits + 1
       RETURNING split_part(w.bucket, ':', 1) AS policy, w.hits,
                 greatest(1, ceil(extract(epoch FROM w.expires_at - now())))::int AS "retryAfterSeconds"`,
      [
        caller.sessionId,
        caller.tokenHash,
        caller.clientAddress,
        rules.map(({ policy }) => policy),
        rules.map(({ rule }) => rule.windowSeconds),
        rules.map(({ rule }) => rule.perAddress),
      ],
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
