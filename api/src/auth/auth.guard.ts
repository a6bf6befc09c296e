import { CanActivate, ExecutionContext, ForbiddenException, Inject, Injectable, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ApiErrorBody, CSRF_HEADER, ERROR_CODES, UserRole } from '@soundings/shared';
import { AuditService } from '../audit/audit.service';
import { Actor, ALLOWED_ROLES, IS_PUBLIC, isReadMethod, needsCsrfToken, RequestWithActor } from './actor';
import { ApiTokensRepository } from './api-tokens.repository';
import { AUTH_CONFIG } from './auth.config';
import type { AuthConfig } from './auth.config';
import { readCookie, SESSION_COOKIE } from './cookies';
import { SessionsRepository } from './sessions.repository';
import { digest, sameSecret } from './tokens';

const EVERY_ROLE: UserRole[] = ['admin', 'practitioner', 'viewer'];
const WRITER_ROLES: UserRole[] = ['admin', 'practitioner'];

function unauthenticated(message: string): UnauthorizedException {
  return new UnauthorizedException({ statusCode: 401, error: 'Unauthorized', code: ERROR_CODES.unauthenticated, message } satisfies ApiErrorBody);
}

/**
 * Every route is closed unless marked @Public: the caller is identified by an API token
 * (Authorization: Bearer) or a session cookie; cookie-authenticated writes must echo the session's
 * CSRF token (as must the few reads marked @RequiresCsrf); then the route's roles apply (by default:
 * reads for all, writes for practitioners and admins).
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly sessions: SessionsRepository,
    private readonly tokens: ApiTokensRepository,
    private readonly audit: AuditService,
    @Inject(AUTH_CONFIG) private readonly config: AuthConfig,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    const request = context.switchToHttp().getRequest<RequestWithActor>();
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets);
    const actor = await this.identify(request);
    if (isPublic) return true;
    if (!actor) throw unauthenticated('Sign in to continue.');

    if (actor.via === 'session' && needsCsrfToken(this.reflector, context)) {
      const sent = request.headers[CSRF_HEADER];
      if (typeof sent !== 'string' || !request.csrfToken || !sameSecret(sent, request.csrfToken)) {
        await this.deny(actor, request, 'csrf');
        throw new ForbiddenException({
          statusCode: 403,
          error: 'Forbidden',
          code: ERROR_CODES.csrfFailed,
          message: `Missing or wrong ${CSRF_HEADER} header. Reload the page and try again.`,
        } satisfies ApiErrorBody);
      }
    }

    const allowed =
      this.reflector.getAllAndOverride<UserRole[]>(ALLOWED_ROLES, targets) ?? (isReadMethod(request.method) ? EVERY_ROLE : WRITER_ROLES);
    if (!allowed.includes(actor.user.role)) {
      await this.deny(actor, request, 'role');
      throw new ForbiddenException({
        statusCode: 403,
        error: 'Forbidden',
        code: ERROR_CODES.forbidden,
        message: `Your role (${actor.user.role}) cannot do this.`,
      } satisfies ApiErrorBody);
    }
    return true;
  }

  private async identify(request: RequestWithActor & { csrfToken?: string }): Promise<Actor | null> {
    const base = { requestId: String(request.id), clientAddress: request.ip };
    const authorization = request.headers.authorization;
    if (authorization) {
      const match = /^Bearer\s+(\S+)$/i.exec(authorization);
      if (!match) throw unauthenticated('The Authorization header must be "Bearer <token>".');
      const owner = await this.tokens.findOwner(digest(match[1]));
      if (!owner) throw unauthenticated('This API token is not valid (revoked, or its owner was deactivated).');
      // Last use is kept to the minute: one write a minute per token, not one per request.
      if (!owner.last_used_at || Date.now() - owner.last_used_at.getTime() > 60_000) void this.tokens.touch(owner.token_id).catch(() => undefined);
      request.actor = { user: { id: owner.user_id, email: owner.email, role: owner.role as UserRole }, via: 'token', ...base };
      return request.actor;
    }
    const cookie = readCookie(request, SESSION_COOKIE);
    if (!cookie) return null;
    const session = await this.sessions.findLive(digest(cookie), this.config.sessionIdleSeconds);
    if (!session) return null;
    if (Date.now() - session.last_seen_at.getTime() > 60_000) void this.sessions.touch(session.session_id).catch(() => undefined);
    request.sessionId = session.session_id;
    request.csrfToken = session.csrf_token;
    request.actor = { user: { id: session.user_id, email: session.email, role: session.role as UserRole }, via: 'session', ...base };
    return request.actor;
  }

  private deny(actor: Actor, request: RequestWithActor, reason: 'csrf' | 'role'): Promise<void> {
    return this.audit.record(actor, {
      action: 'access.denied',
      entityType: 'route',
      entityId: `${request.method} ${request.routeOptions?.url ?? request.url.split('?')[0]}`.slice(0, 200),
      after: { reason },
    });
  }
}
