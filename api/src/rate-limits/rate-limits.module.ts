import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { RATE_LIMIT_CONFIG, readRateLimitConfig } from './rate-limit.config';
import { RateLimitGuard } from './rate-limits.guard';
import { RequestCountersRepository } from './request-counters.repository';

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
  ],
  // The retention job prunes ended windows.
  exports: [RequestCountersRepository],
})
export class RateLimitsModule {}
