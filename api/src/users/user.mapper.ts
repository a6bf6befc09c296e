import type { User, UserRole } from '@soundings/shared';
import type { UserRow } from './users.repository';

export function mapUser(row: UserRow): User {
  return {
    id: row.id,
    email: row.email,
    displayName: row.display_name,
    role: row.role as UserRole,
    active: row.active,
    createdAt: row.created_at.toISOString(),
    version: row.version,
  };
}
