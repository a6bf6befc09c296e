import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Reflector } from '@nestjs/core';
import type { UserRole } from '@soundings/shared';
import type { FastifyRequest } from 'fastify';

export interface AuthUser {
  id: string;
  email: string;
  role: UserRole;
}

/** Who is acting and from where: what access checks and the audit trail need about a request. */
export interface Actor {
  user: AuthUser;
  via: 'session' | 'token';
  requestId: string;
  clientAddress: string;
}

export type RequestWithActor = FastifyRequest & { actor?: Actor; sessionId?: string; csrfToken?: string };

export const ActorParam = createParamDecorator((_data: unknown, context: ExecutionContext): Actor => {
  const request = context.switchToHttp().getRequest<RequestWithActor>();
  if (!request.actor) throw new Error('ActorParam used on a public route');
  return request.actor;
});

export const IS_PUBLIC = 'soundings:public';
/** Reachable without signing in (login, first-run setup, health). */
export const Public = () => SetMetadata(IS_PUBLIC, true);

export const CSRF_ON_READ = 'soundings:csrf-on-read';
/**
 * A read with side effects (an audit entry, a quota): a cookie-authenticated caller must echo the
 * CSRF token as for a write, since a SameSite=Lax cookie rides along on a link from another site.
 */
export const RequiresCsrf = () => SetMetadata(CSRF_ON_READ, true);

const READ_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function isReadMethod(method: string): boolean {
  return READ_METHODS.has(method);
}

/** Whether a session-cookie caller must send the session's CSRF token on this route. */
export function needsCsrfToken(reflector: Reflector, context: ExecutionContext): boolean {
  const request = context.switchToHttp().getRequest<FastifyRequest>();
  return !isReadMethod(request.method) || reflector.getAllAndOverride<boolean>(CSRF_ON_READ, [context.getHandler(), context.getClass()]) === true;
}

export const ALLOWED_ROLES = 'soundings:roles';
/** Roles allowed on a route. Without it: reads for every role, writes for practitioners and admins. */
export const Roles = (...roles: UserRole[]) => SetMetadata(ALLOWED_ROLES, roles);
