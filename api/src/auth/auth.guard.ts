import { CanActivate, ExecutionContext, ForbiddenException, Injectable, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ApiErrorBody, CSRF_HEADER, ERROR_CODES, UserRole } from '@soundings/shared';
import { AuditService } from '../audit/audit.service';
import { Actor, ALLOWED_ROLES, IS_PUBLIC, isReadMethod, needsCsrfToken, RequestWithActor } from './actor';
import { CallerIdentity } from './caller-identity';
import { sameSecret } from './tokens';

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
    private readonly identity: CallerIdentity,
    private readonly audit: AuditService,
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

  private async identify(request: RequestWithActor): Promise<Actor | null> {
    const { actor, refusal } = await this.identity.identify(request);
    if (refusal) throw unauthenticated(refusal);
    return actor;
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
