import { Inject, Injectable } from '@nestjs/common';
import type { UserRole } from '@soundings/shared';
import type { Actor, RequestWithActor } from './actor';
import { ApiTokensRepository } from './api-tokens.repository';
import { AUTH_CONFIG } from './auth.config';
import type { AuthConfig } from './auth.config';
import { readCookie, SESSION_COOKIE } from './cookies';
import { SessionsRepository } from './sessions.repository';
import { digest } from './tokens';

/**
 * Who a request's credential belongs to. `refusal` is set when a bearer token was sent but is
 * malformed or not valid: the auth guard answers 401 with it, while the rate limit counts the caller
 * by address.
 */
export interface CallerIdentification {
  actor: Actor | null;
  refusal: string | null;
}

const IDENTIFIED = Symbol('soundings:identified');
type IdentifiedRequest = RequestWithActor & { [IDENTIFIED]?: Promise<CallerIdentification> };

/**
 * Looks the credential up once per request: the rate limit (which runs first and counts per user)
 * and the auth guard share the answer, so a request pays one lookup, not two.
 */
@Injectable()
export class CallerIdentity {
  constructor(
    private readonly sessions: SessionsRepository,
    private readonly tokens: ApiTokensRepository,
    @Inject(AUTH_CONFIG) private readonly config: AuthConfig,
  ) {}

  identify(request: RequestWithActor): Promise<CallerIdentification> {
    const memo = request as IdentifiedRequest;
    memo[IDENTIFIED] ??= this.lookUp(request);
    return memo[IDENTIFIED];
  }

  private async lookUp(request: RequestWithActor): Promise<CallerIdentification> {
    const base = { requestId: String(request.id), clientAddress: request.ip };
    const authorization = request.headers.authorization;
    if (authorization) {
      const match = /^Bearer\s+(\S+)$/i.exec(authorization);
      if (!match) return { actor: null, refusal: 'The Authorization header must be "Bearer <token>".' };
      const owner = await this.tokens.findOwner(digest(match[1]));
      if (!owner) return { actor: null, refusal: 'This API token is not valid (revoked, or its owner was deactivated).' };
      // Last use is kept to the minute: one write a minute per token, not one per request.
      if (!owner.last_used_at || Date.now() - owner.last_used_at.getTime() > 60_000) void this.tokens.touch(owner.token_id).catch(() => undefined);
      request.actor = { user: { id: owner.user_id, email: owner.email, role: owner.role as UserRole }, via: 'token', ...base };
      return { actor: request.actor, refusal: null };
    }
    const cookie = readCookie(request, SESSION_COOKIE);
    if (!cookie) return { actor: null, refusal: null };
    const session = await this.sessions.findLive(digest(cookie), this.config.sessionIdleSeconds);
    if (!session) return { actor: null, refusal: null };
    if (Date.now() - session.last_seen_at.getTime() > 60_000) void this.sessions.touch(session.session_id).catch(() => undefined);
    request.sessionId = session.session_id;
    request.csrfToken = session.csrf_token;
    request.actor = { user: { id: session.user_id, email: session.email, role: session.role as UserRole }, via: 'session', ...base };
    return { actor: request.actor, refusal: null };
  }
}
