import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

/**
 * Sliding-window counters kept in PostgreSQL, so every API instance enforces the same limits.
 */
@Injectable()
export class RateLimitRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Hits in the window, and seconds until the oldest of them leaves it. */
  async usage(buckets: string[], windowSeconds: number): Promise<Map<string, { hits: number; retryAfterSeconds: number }>> {
    const rows: { bucket: string; hits: number; retry_after: number }[] = await this.dataSource.query(
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
