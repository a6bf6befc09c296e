import { HttpException, HttpStatus, Inject, Injectable } from '@nestjs/common';
import { ApiErrorBody, ERROR_CODES } from '@soundings/shared';
import { AUTH_CONFIG } from './auth.config';
import type { AuthConfig } from './auth.config';
import { RateLimitRepository } from './rate-limit.repository';

/** A password check counted against the failed sign-in limit, to take back if the password was right. */
export interface SignInAttempt {
  email: string;
  addressAttempts: { bucket: string; ctid: string }[];
}

/**
 * The failed sign-in limit, for every check of a password: the sign-in form and the current
 * password when changing it count in the same per-account and per-address buckets, so a stolen
 * session cannot be used to guess the password at leisure.
 */
@Injectable()
export class SignInThrottle {
  constructor(
    @Inject(AUTH_CONFIG) private readonly config: AuthConfig,
    private readonly rateLimits: RateLimitRepository,
  ) {}

  private accountBucket(email: string): string {
    return `login:account:${email.trim().toLowerCase()}`;
  }

  /**
   * Counts one password check against the account and the address before the password is verified
   * (429 when either is full), so guesses sent in parallel cannot all pass a count read first.
   */
  async admit(email: string, clientAddress: string, refusal = 'Too many failed sign-ins.'): Promise<SignInAttempt> {
    const addressBucket = `login:address:${clientAddress}`;
    const limits = new Map([
      [this.accountBucket(email), this.config.loginFailuresPerAccount],
      [addressBucket, this.config.loginFailuresPerAddress],
    ]);
    const admission = await this.rateLimits.admitAttempt(limits, this.config.loginWindowSeconds);
    if (!admission.admitted) {
      const retryAfterSeconds = admission.retryAfterSeconds;
      throw new HttpException(
        {
          statusCode: HttpStatus.TOO_MANY_REQUESTS,
          error: 'Too Many Requests',
          code: ERROR_CODES.tooManyRequests,
          message: `${refusal} Try again in ${Math.ceil(retryAfterSeconds / 60)} minute(s).`,
          retryAfterSeconds,
        } satisfies ApiErrorBody & { retryAfterSeconds: number },
        HttpStatus.TOO_MANY_REQUESTS,
      );
    }
    return { email, addressAttempts: admission.attempts.filter((attempt) => attempt.bucket === addressBucket) };
  }

  /**
   * The password was right: the account's failures no longer count, and this attempt is taken back
   * from the address, so colleagues behind one office address do not lock each other out.
   */
  async succeeded(attempt: SignInAttempt): Promise<void> {
    await this.rateLimits.clear(this.accountBucket(attempt.email));
    for (const counted of attempt.addressAttempts) await this.rateLimits.forgive(counted);
  }

  /** After a password was set anew, earlier failures for the account no longer count. */
  forgetFailures(email: string): Promise<void> {
    return this.rateLimits.clear(this.accountBucket(email));
  }
}
