/** The actions the API records, in words; an action not listed here shows as recorded. */
export const AUDIT_ACTION_LABELS: Record<string, string> = {
  'auth.login': 'Signed in',
  'auth.login_failed': 'Sign-in failed',
  'auth.logout': 'Signed out',
  'auth.logout_everywhere': 'Signed out everywhere',
  'access.denied': 'Access denied',
  'user.create_first_admin': 'First admin created',
  'user.create': 'User added',
  'user.update': 'User changed',
  'user.role_change': 'Role changed',
  'token.create': 'API token created',
  'token.delete': 'API token revoked',
  'stakeholder.create': 'Stakeholder added',
  'stakeholder.update': 'Stakeholder edited',
  'stakeholder.delete': 'Stakeholder deleted',
  'stakeholder.export': 'Stakeholder data exported',
  'stakeholder.erase': 'Stakeholder erased',
  'sounding.create': 'Sounding logged',
  'sounding.update': 'Sounding edited',
  'sounding.read_confidential': 'Confidential sounding read',
  'commitment.record': 'Level change recorded',
  'fear.update': 'Fear updated',
  'briefing.create': 'Briefing planned',
  'briefing.update': 'Briefing changed',
  'briefing.delete': 'Briefing deleted',
  'briefing.reorder': 'Briefings reordered',
  'meeting.create': 'Meeting created',
  'meeting.update': 'Meeting changed',
  'meeting.delete': 'Meeting deleted',
  'meeting.spoke_for': 'Spoke for it recorded',
  'influence.create': 'Influence link added',
  'influence.update': 'Influence link changed',
  'influence.delete': 'Influence link removed',
  'champion_evidence.create': 'Champion evidence recorded',
  'champion_evidence.update': 'Champion evidence changed',
  'champion_evidence.delete': 'Champion evidence removed',
  'timing_window.create': 'Timing window added',
  'timing_window.update': 'Timing window changed',
  'timing_window.delete': 'Timing window removed',
  'expectation.create': 'Expectation recorded',
  'expectation.update': 'Expectation changed',
  'expectation.delete': 'Expectation deleted',
  'settings.update': 'Settings changed',
  'retention.remove_text': 'Old note text removed',
  'audit.chain_keyed': 'Audit chain keyed',
};

export function auditActionLabel(action: string): string {
  return AUDIT_ACTION_LABELS[action] ?? action;
}

/** Failures and refusals stand out in the list. */
export function auditActionColor(action: string): string {
  if (action === 'access.denied' || action === 'auth.login_failed') return 'red';
  if (action === 'sounding.read_confidential') return 'violet';
  if (action.endsWith('.delete') || action.endsWith('.erase')) return 'orange';
  if (action.startsWith('auth.')) return 'gray';
  return 'indigo';
}
