import { BeforeApplicationShutdown, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { RetentionService } from './retention.service';

const CHECK_EVERY_MS = 60 * 60 * 1000;
const FIRST_CHECK_AFTER_MS = 60 * 1000;

/**
 * Runs the retention rule daily, and prunes ended sessions, spent reset links and old rate-limit rows
 * hourly. Each instance checks hourly whether a day has passed since the last run by any instance, so
 * restarts neither skip nor repeat a day; the timers never keep the process alive on their own.
 */
@Injectable()
export class RetentionScheduler implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Retention');
  private readonly timers: NodeJS.Timeout[] = [];
  private checking: Promise<void> = Promise.resolve();

  constructor(private readonly retention: RetentionService) {}

  onApplicationBootstrap(): void {
    this.timers.push(setTimeout(() => (this.checking = this.check()), FIRST_CHECK_AFTER_MS).unref());
    this.timers.push(setInterval(() => (this.checking = this.check()), CHECK_EVERY_MS).unref());
  }

  /** Before the database connection closes: a run under way finishes instead of being cut off. */
  async beforeApplicationShutdown(): Promise<void> {
    for (const timer of this.timers) clearTimeout(timer);
    await this.checking;
  }

  private async check(): Promise<void> {
    try {
      const pruned = await this.retention.pruneExpired();
      if (pruned.sessions + pruned.resetLinks > 0) this.logger.log(`Pruned ${pruned.sessions} ended sessions and ${pruned.resetLinks} spent reset links`);
      const result = await this.retention.runIfDue();
      if (result.ran) this.logger.log(`Removed the words of ${result.soundings} soundings and ${result.fears} fears from before ${result.cutoff}`);
    } catch (error) {
      this.logger.warn(`The retention job failed and will be retried within the hour: ${(error as Error).message}`);
    }
  }
}
