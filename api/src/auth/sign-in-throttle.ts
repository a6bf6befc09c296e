import { HttpException, HttpStatus, Inject, Injectable } from '@nestjs/common';
import { ApiErrorBody, ERROR_CODES } from '@soundings/shared';
import { AUTH_CONFIG } from './auth.config';
import type { AuthConfig } from './auth.config';
import { RateLimitRepository } from './rate-limit.repository';

/**
 * The failed sign-in limit, for every check of a password outside the sign-in form itself (the
 * current password when changing it): it counts in the same per-account and per-address buckets as
 * a failed sign-in, so a stolen session cannot be used to guess the password at leisure.
 */
@Injectable()
export class SignInThrottle {
  constructor(
    @Inject(AUTH_CONFIG) private readonly config: AuthConfig,
    private readonly rateLimits: RateLimitRepository,
  ) {}

  private limits(email: string, clientAddress: string): Map<string, number> {
    return new Map([
      [`login:account:${email.trim().toLowerCase()}`, this.config.loginFailuresPerAccount],
      [`login:address:${clientAddress}`, this.config.loginFailuresPerAddress],
    ]);
  }

  /** 429 while either bucket is full. */
  async assertNotBlocked(email: string, clientAddress: string): Promise<void> {
    const limits = this.limits(email, clientAddress);
    const usage = await this.rateLimits.usage([...limits.keys()], this.config.loginWindowSeconds);
    const waits = [...usage].filter(([bucket, { hits }]) => hits >= limits.get(bucket)!).map(([, { retryAfterSeconds }]) => retryAfterSeconds);
    if (waits.length === 0) return;
    const retryAfterSeconds = Math.max(...waits);
    throw new HttpException(
      {
        statusCode: HttpStatus.TOO_MANY_REQUESTS,
        error: 'Too Many Requests',
        code: ERROR_CODES.tooManyRequests,
        message: `Too many wrong passwords. Try again in ${Math.ceil(retryAfterSeconds / 60)} minute(s).`,
        retryAfterSeconds,
      } satisfies ApiErrorBody & { retryAfterSeconds: number },
      HttpStatus.TOO_MANY_REQUESTS,
    );
  }

  recordFailure(email: string, clientAddress: string): Promise<void> {
    return this.rateLimits.hit([...this.limits(email, clientAddress).keys()]);
  }

  /** After a password was set anew, earlier failures for the account no longer count. */
  forgetFailures(email: string): Promise<void> {
    return this.rateLimits.clear(`login:account:${email.trim().toLowerCase()}`);
  }
}
