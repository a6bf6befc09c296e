import { Global, Inject, Injectable, Logger, Module, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { RATE_LIMIT_CONFIG, readRateLimitConfig } from './rate-limit.config';
import { RateLimitGuard } from './rate-limits.guard';
import { RequestCountersRepository } from './request-counters.repository';

const PRUNE_EVERY_MS = 10 * 60 * 1000;

/** Drops ended windows now and then; any instance may do it, and doing it twice is harmless. */
@Injectable()
export class RequestCountersPruner implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('RateLimits');
  private timer?: NodeJS.Timeout;

  constructor(@Inject(RequestCountersRepository) private readonly counters: RequestCountersRepository) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => {
      this.counters.pruneExpired().catch((error: Error) => this.logger.warn(`Pruning request counters failed: ${error.message}`));
    }, PRUNE_EVERY_MS);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.timer);
  }
}

/**
 * Rate limits for the whole API. Import it before AuthModule: global guards run in the order their
 * modules are registered, and this one must run first.
 */
@Global()
@Module({
  providers: [
    { provide: RATE_LIMIT_CONFIG, useFactory: () => readRateLimitConfig() },
    { provide: APP_GUARD, useClass: RateLimitGuard },
    RequestCountersRepository,
    RequestCountersPruner,
  ],
})
export class RateLimitsModule {}
