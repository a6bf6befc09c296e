import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
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

export const ALLOWED_ROLES = 'soundings:roles';
/** Roles allowed on a route. Without it: reads for every role, writes for practitioners and admins. */
export const Roles = (...roles: UserRole[]) => SetMetadata(ALLOWED_ROLES, roles);
