import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { RATE_LIMIT_SYNC_MS } from './rate-limit.config';

interface WindowTally {
  bucket: string;
  start: Date;
  expiresAt: number;
  /** The window's total across every instance at the last reconciliation (this instance's sent hits included). */
  global: number;
  /** Sent in the reconciliation under way, not yet in `global`. */
  sending: number;
  /** Counted here since the last reconciliation. */
  pending: number;
}

/** Lets a test file tell this statement apart from the ones a request sends. */
export const RECONCILE_MARKER = '/* rate limit reconciliation */';

/**
 * The general per-request limit, counted in memory and reconciled with `rate_limit_windows` about
 * once a second: each instance adds its new hits to the shared rows and reads back the totals of
 * every window it has seen, in one statement. A request is refused when the last known total plus
 * what this instance has counted since exceeds the limit, so the limit holds across instances to
 * within about one interval's traffic per instance, without a write per request.
 */
@Injectable()
export class SharedRequestCounts implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(SharedRequestCounts.name);
  private readonly windows = new Map<string, WindowTally>();
  private timer: NodeJS.Timeout | undefined;
  private reconciling: Promise<void> | undefined;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(RATE_LIMIT_SYNC_MS) private readonly intervalMs: number,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.reconcile(), this.intervalMs);
    // A pending reconciliation must not keep a finished process alive.
    this.timer.unref();
  }

  /** Before the database connection closes: hits counted since the last reconciliation are not lost. */
  async beforeApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.reconcile();
  }

  /** Counts a hit in the current window and returns the window's total as this instance knows it. */
  hit(bucket: string, windowSeconds: number, now = Date.now()): { hits: number; retryAfterSeconds: number } {
    const length = windowSeconds * 1000;
    const startMs = Math.floor(now / length) * length;
    const key = `${bucket}@${startMs}`;
    let tally = this.windows.get(key);
    if (!tally) {
      tally = { bucket, start: new Date(startMs), expiresAt: startMs + length, global: 0, sending: 0, pending: 0 };
      this.windows.set(key, tally);
    }
    tally.pending += 1;
    return { hits: tally.global + tally.sending + tally.pending, retryAfterSeconds: Math.max(1, Math.ceil((tally.expiresAt - now) / 1000)) };
  }

  /** One reconciliation at a time; a call while one runs waits for it and then runs its own. */
  async reconcile(): Promise<void> {
    while (this.reconciling) await this.reconciling;
    this.reconciling = this.send().finally(() => (this.reconciling = undefined));
    await this.reconciling;
  }

  private async send(): Promise<void> {
    const now = Date.now();
    const toAdd: WindowTally[] = [];
    const toRead: WindowTally[] = [];
    for (const [key, tally] of this.windows) {
      if (tally.pending > 0) {
        tally.sending = tally.pending;
        tally.pending = 0;
        toAdd.push(tally);
      } else if (tally.expiresAt <= now) {
        this.windows.delete(key);
      } else {
        toRead.push(tally);
      }
    }
    if (toAdd.length === 0 && toRead.length === 0) return;
    try {
      // The read of windows with nothing to add sees the rows as they were before the insert; none
      // of them is among the ones inserted, so the two halves never overlap.
      const rows: { bucket: string; start: Date; hits: number }[] = await this.dataSource.query(
        `${RECONCILE_MARKER}
         WITH added AS (
           INSERT INTO rate_limit_windows AS w (bucket, window_start, expires_at, hits)
           SELECT * FROM unnest($1::text[], $2::timestamptz[], $3::timestamptz[], $4::int[])
           ON CONFLICT (bucket, window_start) DO UPDATE SET hits = w.hits + excluded.hits
           RETURNING w.bucket, w.window_start, w.hits
         )
         SELECT bucket, window_start AS start, hits FROM added
         UNION ALL
         SELECT w.bucket, w.window_start, w.hits
           FROM rate_limit_windows w JOIN unnest($5::text[], $6::timestamptz[]) AS seen(bucket, window_start) USING (bucket, window_start)`,
        [
          toAdd.map((t) => t.bucket),
          toAdd.map((t) => t.start),
          toAdd.map((t) => new Date(t.expiresAt)),
          toAdd.map((t) => t.sending),
          toRead.map((t) => t.bucket),
          toRead.map((t) => t.start),
        ],
      );
      for (const tally of toAdd) tally.sending = 0;
      for (const row of rows) {
        const tally = this.windows.get(`${row.bucket}@${new Date(row.start).getTime()}`);
        if (tally) tally.global = Math.max(tally.global, row.hits);
      }
    } catch (error) {
      // The database is away: keep counting here and send everything next time.
      for (const tally of toAdd) {
        tally.pending += tally.sending;
        tally.sending = 0;
      }
      this.logger.warn(`Could not reconcile request counts: ${(error as Error).message}`);
    }
  }
}
