export { auditActionLabel } from '@soundings/shared';

/** Failures and refusals stand out in the list. */
export function auditActionColor(action: string): string {
  if (action === 'access.denied' || action === 'auth.login_failed') return 'red';
  if (action === 'sounding.read_confidential') return 'violet';
  if (action.endsWith('.delete') || action.endsWith('.erase')) return 'orange';
  if (action.startsWith('auth.')) return 'gray';
  return 'indigo';
}
