import { BeforeApplicationShutdown, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { LastContactRepository } from './last-contact.repository';

const CHECK_EVERY_MS = 60 * 60 * 1000;
// One instance does the work at a time; the others skip that round (the result would be the same).
const CATCH_UP_LOCK = 7_401_131;

/**
 * A meeting or an initiative dated ahead counts as contact once its day comes, but nothing is written on that
 * day. At start and then hourly, last contact moves forward for everyone whose contact has come due since.
 * Safe with several instances: the update is idempotent and runs under a try-lock. The timer never keeps the
 * process alive on its own.
 */
@Injectable()
export class LastContactCatchUp implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('LastContact');
  private timer?: NodeJS.Timeout;
  private checking: Promise<void> = Promise.resolve();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly lastContact: LastContactRepository,
  ) {}

  onApplicationBootstrap(): void {
    this.checking = this.check();
    this.timer = setInterval(() => (this.checking = this.check()), CHECK_EVERY_MS).unref();
  }

  /** Before the database connection closes: a catch-up under way finishes instead of being cut off. */
  async beforeApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.checking;
  }

  /** Returns how many people's last contact moved, or null when another instance held the lock. */
  run(): Promise<number | null> {
    return this.dataSource.transaction(async (manager) => {
      const [{ locked }] = await manager.query(`SELECT pg_try_advisory_xact_lock($1) AS locked`, [CATCH_UP_LOCK]);
      return locked ? this.lastContact.catchUp(manager) : null;
    });
  }

  private async check(): Promise<void> {
    try {
      const moved = await this.run();
      if (moved) this.logger.log(`Last contact moved forward for ${moved} people whose meetings or initiatives came due`);
    } catch (error) {
      this.logger.warn(`Catching up last contact failed and will be retried within the hour: ${(error as Error).message}`);
    }
  }
}
