import { CanActivate, ExecutionContext, HttpException, HttpStatus, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { CSRF_HEADER, ERROR_CODES } from '@soundings/shared';
import { needsCsrfToken } from '../auth/actor';
import type { RequestWithActor } from '../auth/actor';
import { CallerIdentity } from '../auth/caller-identity';
import { readCookie, SESSION_COOKIE } from '../auth/cookies';
import { RATE_LIMIT_CONFIG, RATE_LIMIT_POLICY, RateLimitPolicy } from './rate-limit.config';
import type { RateLimitConfig } from './rate-limit.config';
import { RequestCountersRepository, WindowCount } from './request-counters.repository';
import { SharedRequestCounts } from './shared-request-counts';

const COUNTED: Record<RateLimitPolicy, string> = { requests: 'requests', login: 'sign-in attempts', export: 'exports' };

/**
 * Runs before the auth guard, so floods are refused before they cost an audit row for a denied
 * access or a password hash. The credential lookup it needs to count per user is the auth guard's too.
 * The general limit is counted in memory and reconciled across instances (SharedRequestCounts).
 */
@Injectable()
export class RateLimitGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly counters: RequestCountersRepository,
    private readonly identity: CallerIdentity,
    private readonly shared: SharedRequestCounts,
    @Inject(RATE_LIMIT_CONFIG) private readonly config: RateLimitConfig,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const routePolicy = this.reflector.getAllAndOverride<Exclude<RateLimitPolicy, 'requests'> | 'none'>(RATE_LIMIT_POLICY, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (routePolicy === 'none') return true;
    const request = context.switchToHttp().getRequest<RequestWithActor>();
    // An unknown credential counts against its address, as an anonymous caller does.
    const { actor } = await this.identity.identify(request);
    const caller = actor ? `user:${actor.user.id}` : `address:${request.ip}`;
    // A session caller without the CSRF token is refused next (a cross-site link, say): it must not
    // spend the user's export allowance, only count as a request.
    const hasSessionCookie = !request.headers.authorization && readCookie(request, SESSION_COOKIE) !== undefined;
    const refusedNext = hasSessionCookie && request.headers[CSRF_HEADER] === undefined && needsCsrfToken(this.reflector, context);
    const counts: WindowCount[] = [{ policy: 'requests', ...this.shared.hit(`requests:${caller}`, this.config.requests.windowSeconds) }];
    // Sign-in attempts and exports are rare and guard secrets: they are counted exactly, in the database.
    if (routePolicy && !refusedNext) {
      const rule = this.config[routePolicy];
      counts.push(...(await this.counters.hit([{ policy: routePolicy, bucket: rule.perAddress ? `address:${request.ip}` : caller, windowSeconds: rule.windowSeconds }])));
    }
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
