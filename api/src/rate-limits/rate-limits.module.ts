import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { RATE_LIMIT_CONFIG, RATE_LIMIT_SYNC_MS, readRateLimitConfig, readRateLimitSyncMs } from './rate-limit.config';
import { RateLimitGuard } from './rate-limits.guard';
import { RequestCountersRepository } from './request-counters.repository';
import { SharedRequestCounts } from './shared-request-counts';

/**
 * Rate limits for the whole API. Import it before AuthModule: global guards run in the order their
 * modules are registered, and this one must run first.
 */
@Global()
@Module({
  providers: [
    { provide: RATE_LIMIT_CONFIG, useFactory: () => readRateLimitConfig() },
    { provide: RATE_LIMIT_SYNC_MS, useFactory: () => readRateLimitSyncMs() },
    { provide: APP_GUARD, useClass: RateLimitGuard },
    RequestCountersRepository,
    SharedRequestCounts,
  ],
  // The retention job prunes ended windows.
  exports: [RequestCountersRepository, SharedRequestCounts],
})
export class RateLimitsModule {}
