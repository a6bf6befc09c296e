import type { UserRole } from '@soundings/shared';

/** What each role can do, in the words an admin choosing one needs. */
export const ROLE_DESCRIPTIONS: Record<UserRole, string> = {
  admin: 'All campaign work, plus users, the audit trail and every confidential note.',
  practitioner: 'All campaign work: stakeholders, soundings, fears, briefings and meetings. Reads their own confidential notes.',
  viewer: 'Reads the campaign; changes nothing and never sees confidential notes.',
};
