import type { UserRole } from '@soundings/shared';
import { createContext, useContext, type ReactNode } from 'react';

/**
 * What each role may do in the web app. The API enforces the same rules (a viewer's write is a 403);
 * the screens use this only so nobody is offered a button that would be refused.
 */
const POLICY = {
  /** Stakeholders, soundings, fears, levels, briefings, meetings. */
  'campaign:write': ['admin', 'practitioner'],
  'users:manage': ['admin'],
  'audit:read': ['admin'],
  /** Subject-access export: everything held about one person. */
  'subjects:export': ['admin', 'practitioner'],
  'subjects:erase': ['admin'],
  'settings:manage': ['admin'],
  /** Recently deleted: whoever may delete may restore. */
  'deleted:restore': ['admin', 'practitioner'],
} as const satisfies Record<string, readonly UserRole[]>;

export type Permission = keyof typeof POLICY;

export function roleCan(role: UserRole | null, permission: Permission): boolean {
  return role !== null && (POLICY[permission] as readonly UserRole[]).includes(role);
}

// Null outside a signed-in session: nothing is allowed.
const RoleContext = createContext<UserRole | null>(null);

/** Set once by the app from the signed-in session, so features can ask without importing the auth feature. */
export function RoleProvider({ role, children }: { role: UserRole | null; children: ReactNode }) {
  return <RoleContext.Provider value={role}>{children}</RoleContext.Provider>;
}

export function useRole(): UserRole | null {
  return useContext(RoleContext);
}

export function useCan(permission: Permission): boolean {
  return roleCan(useRole(), permission);
}

/** Renders `children` only for roles with `permission`; `fallback` for everyone else. */
export function Can({ permission, children, fallback = null }: { permission: Permission; children: ReactNode; fallback?: ReactNode }) {
  return <>{useCan(permission) ? children : fallback}</>;
}
