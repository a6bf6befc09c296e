import { CanActivate, ExecutionContext, HttpException, HttpStatus, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { CSRF_HEADER, ERROR_CODES } from '@soundings/shared';
import { needsCsrfToken } from '../auth/actor';
import type { RequestWithActor } from '../auth/actor';
import { readCookie, SESSION_COOKIE } from '../auth/cookies';
import { digest } from '../auth/tokens';
import { RATE_LIMIT_CONFIG, RATE_LIMIT_POLICY, RateLimitPolicy } from './rate-limit.config';
import type { RateLimitConfig } from './rate-limit.config';
import { CallerCredential, RequestCountersRepository } from './request-counters.repository';

const COUNTED: Record<RateLimitPolicy, string> = { requests: 'requests', login: 'sign-in attempts', export: 'exports' };

function credentialOf(request: RequestWithActor): CallerCredential {
  const bearer = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '');
  const cookie = readCookie(request, SESSION_COOKIE);
  return {
    sessionId: !bearer && cookie ? digest(cookie) : null,
    tokenHash: bearer ? digest(bearer[1]) : null,
    clientAddress: request.ip,
  };
}

/**
 * Runs before the auth guard, so floods are refused before they cost a session lookup, an audit row
 * for a denied access, or a password hash: one statement per request counts it and reads the count.
 */
@Injectable()
export class RateLimitGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly counters: RequestCountersRepository,
    @Inject(RATE_LIMIT_CONFIG) private readonly config: RateLimitConfig,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const routePolicy = this.reflector.getAllAndOverride<Exclude<RateLimitPolicy, 'requests'> | 'none'>(RATE_LIMIT_POLICY, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (routePolicy === 'none') return true;
    const request = context.switchToHttp().getRequest<RequestWithActor>();
    const credential = credentialOf(request);
    // A session caller without the CSRF token is refused next (a cross-site link, say): it must not
    // spend the user's export allowance, only count as a request.
    const refusedNext = credential.sessionId !== null && request.headers[CSRF_HEADER] === undefined && needsCsrfToken(this.reflector, context);
    const policies: RateLimitPolicy[] = routePolicy && !refusedNext ? ['requests', routePolicy] : ['requests'];
    const counts = await this.counters.hit(
      credential,
      policies.map((policy) => ({ policy, rule: this.config[policy] })),
    );
    const exceeded = counts.filter((count) => count.hits > this.config[count.policy].limit);
    if (exceeded.length === 0) return true;
    // The caller may retry once every exceeded window has ended.
    const longest = exceeded.reduce((a, b) => (b.retryAfterSeconds > a.retryAfterSeconds ? b : a));
    throw new HttpException(
      {
        statusCode: 429,
        error: 'Too Many Requests',
        code: ERROR_CODES.tooManyRequests,
        message: `Too many ${COUNTED[longest.policy]}. Try again in ${longest.retryAfterSeconds} seconds.`,
        retryAfterSeconds: longest.retryAfterSeconds,
      },
      HttpStatus.TOO_MANY_REQUESTS,
    );
  }
}
