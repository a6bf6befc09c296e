import { BRIEFING_STATUS_LABELS } from './briefings';
import { EXPECTATION_STATUS_LABELS, INITIATIVE_KIND_LABELS, PILOT_STATUS_LABELS, TIMING_WINDOW_KIND_LABELS } from './campaign';
import { INFLUENCE_KIND_LABELS, INFLUENCE_STRENGTH_LABELS, RELATIONSHIP_QUALITY_LABELS } from './coalition';
import { COMMITMENT_LADDER, isCommitmentLevel } from './commitment-ladder';
import { DELETED_ITEM_KINDS, DELETED_ITEM_KIND_LABELS } from '../types/deleted-items';
import { FEAR_CATEGORY_LABELS, FEAR_STATUS_LABELS, SOUNDING_CHANNEL_LABELS, STAKEHOLDER_ROLE_LABELS, USER_ROLE_LABELS } from './enums';

/**
 * Each recorded action as a short label and as what the actor did, with `{person}` where the stakeholder
 * the entry is about goes ("logged a sounding with {person}") and `{record}` where the named record goes
 * (an account, for sign-ins). An action not listed reads as its label, or as recorded.
 */
export const AUDIT_ACTIONS: Record<string, { label: string; did: string }> = {
  'auth.login': { label: 'Signed in', did: 'signed in' },
  'auth.login_failed': { label: 'Sign-in failed', did: 'failed to sign in as {record}' },
  'auth.logout': { label: 'Signed out', did: 'signed out' },
  'auth.logout_everywhere': { label: 'Signed out everywhere', did: 'signed out everywhere' },
  'auth.password_change': { label: 'Password changed', did: 'changed their password' },
  'auth.password_change_failed': { label: 'Password change failed', did: 'failed to change their password' },
  'auth.password_reset': { label: 'Password reset', did: 'reset the password of {record} through a reset link' },
  'auth.password_reset_failed': { label: 'Password reset failed', did: 'failed to use a password reset link' },
  'access.denied': { label: 'Access denied', did: 'was refused access' },
  'user.create_first_admin': { label: 'First admin created', did: 'set up Soundings as its first admin' },
  'user.create': { label: 'User added', did: 'added the account of {record}' },
  'user.update': { label: 'User changed', did: 'changed the account of {record}' },
  'user.role_change': { label: 'Role changed', did: 'changed the role of {record}' },
  'user.password_reset_issue': { label: 'Reset link issued', did: 'issued a password reset link for {record}' },
  'token.create': { label: 'API token created', did: 'created an API token' },
  'token.delete': { label: 'API token revoked', did: 'revoked an API token' },
  'stakeholder.create': { label: 'Stakeholder added', did: 'added {person}' },
  'stakeholder.update': { label: 'Stakeholder edited', did: 'edited {person}' },
  'stakeholder.delete': { label: 'Stakeholder deleted', did: 'deleted {person}' },
  'stakeholder.export': { label: 'Stakeholder data exported', did: 'exported everything held about {person}' },
  'stakeholder.erase': { label: 'Stakeholder erased', did: 'erased the personal data of {person}' },
  'sounding.create': { label: 'Sounding logged', did: 'logged a sounding with {person}' },
  'sounding.update': { label: 'Sounding edited', did: 'edited a sounding with {person}' },
  'sounding.read_confidential': { label: 'Confidential sounding read', did: 'read a confidential sounding with {person}' },
  'commitment.record': { label: 'Level change recorded', did: 'recorded a level change for {person}' },
  'fear.update': { label: 'Fear updated', did: 'updated a fear {person} voiced' },
  'briefing.create': { label: 'Briefing planned', did: 'planned a briefing for {person}' },
  'briefing.update': { label: 'Briefing changed', did: 'changed a briefing for {person}' },
  'briefing.delete': { label: 'Briefing deleted', did: 'deleted a briefing for {person}' },
  'briefing.reorder': { label: 'Briefings reordered', did: 'reordered a day of briefings' },
  'meeting.create': { label: 'Meeting created', did: 'created a meeting' },
  'meeting.update': { label: 'Meeting changed', did: 'changed a meeting' },
  'meeting.delete': { label: 'Meeting deleted', did: 'deleted a meeting' },
  'meeting.spoke_for': { label: 'Spoke for it recorded', did: 'recorded that {person} spoke for it in a meeting' },
  'influence.create': { label: 'Influence link added', did: 'added an influence link for {person}' },
  'influence.update': { label: 'Influence link changed', did: 'changed an influence link for {person}' },
  'influence.delete': { label: 'Influence link removed', did: 'removed an influence link for {person}' },
  'relationship.create': { label: 'Relationship added', did: 'recorded who holds the relationship with {person}' },
  'relationship.update': { label: 'Relationship changed', did: 'changed who holds the relationship with {person}' },
  'relationship.delete': { label: 'Relationship removed', did: 'removed a relationship with {person}' },
  'champion_evidence.create': { label: 'Champion evidence recorded', did: 'recorded champion evidence for {person}' },
  'champion_evidence.update': { label: 'Champion evidence changed', did: 'changed champion evidence for {person}' },
  'champion_evidence.delete': { label: 'Champion evidence removed', did: 'removed champion evidence for {person}' },
  'timing_window.create': { label: 'Timing window added', did: 'added a timing window for {person}' },
  'timing_window.update': { label: 'Timing window changed', did: 'changed a timing window for {person}' },
  'timing_window.delete': { label: 'Timing window removed', did: 'removed a timing window for {person}' },
  'expectation.create': { label: 'Expectation recorded', did: 'recorded what {person} was told to expect' },
  'expectation.update': { label: 'Expectation changed', did: 'changed an expectation of {person}' },
  'expectation.delete': { label: 'Expectation deleted', did: 'deleted an expectation of {person}' },
  'priority.create': { label: 'Priority added', did: 'added a business priority' },
  'priority.update': { label: 'Priority changed', did: 'changed a business priority' },
  'priority.delete': { label: 'Priority deleted', did: 'deleted a business priority' },
  'narrative.create': { label: 'Narrative added', did: 'added a narrative' },
  'narrative.update': { label: 'Narrative changed', did: 'changed a narrative' },
  'narrative.delete': { label: 'Narrative deleted', did: 'deleted a narrative' },
  'pilot.create': { label: 'Pilot proposed', did: 'proposed a pilot' },
  'pilot.update': { label: 'Pilot changed', did: 'changed a pilot' },
  'pilot.delete': { label: 'Pilot deleted', did: 'deleted a pilot' },
  'pilot.told': { label: 'Asker told', did: 'recorded that {person} was told the pilot’s result' },
  'pilot_proof_point.create': { label: 'Proof point added', did: 'added a proof point to a pilot' },
  'pilot_proof_point.update': { label: 'Proof point changed', did: 'changed a proof point of a pilot' },
  'pilot_proof_point.delete': { label: 'Proof point removed', did: 'removed a proof point from a pilot' },
  'initiative.create': { label: 'Initiative added', did: 'added an initiative' },
  'initiative.update': { label: 'Initiative changed', did: 'changed an initiative' },
  'initiative.delete': { label: 'Initiative deleted', did: 'deleted an initiative' },
  'settings.update': { label: 'Settings changed', did: 'changed the settings' },
  'retention.remove_text': { label: 'Old note text removed', did: 'removed the words of old notes, as the retention rule says' },
  'audit.chain_keyed': { label: 'Audit chain keyed', did: 'started chaining the audit trail under a key' },
  'deleted_item.purge': { label: 'Deleted for good', did: 'deleted a held record for good' },
  'stakeholder.restore': { label: 'Stakeholder restored', did: 'restored {person} from Recently deleted' },
  ...Object.fromEntries(
    DELETED_ITEM_KINDS.filter((kind) => kind !== 'stakeholder').map((kind) => [
      `${kind === 'proof_point' ? 'pilot_proof_point' : kind}.restore`,
      { label: `${DELETED_ITEM_KIND_LABELS[kind]} restored`, did: `restored a deleted ${DELETED_ITEM_KIND_LABELS[kind].toLowerCase()}` },
    ]),
  ),
};

export function auditActionLabel(action: string): string {
  return AUDIT_ACTIONS[action]?.label ?? action;
}

/** What the trail needs to say an entry as a sentence. */
export interface AuditSentenceParts {
  action: string;
  /** Who did it (a display name or email); null when no one was signed in. */
  actorName: string | null;
  /** The stakeholder the entry is about. */
  stakeholderName: string | null;
  /** The record's own name, when it is a person or an account. */
  recordName: string | null;
}

/** "Hana Lead logged a sounding with Priya Shah." */
export function auditSentence({ action, actorName, stakeholderName, recordName }: AuditSentenceParts): string {
  const known = AUDIT_ACTIONS[action];
  const who = actorName ?? (action === 'audit.chain_keyed' || action === 'retention.remove_text' || action === 'deleted_item.purge' ? 'Soundings' : 'Someone not signed in');
  if (!known) return `${who}: ${action}.`;
  const did = known.did
    .replace('{person}', stakeholderName ?? 'a stakeholder')
    .replace('{record}', recordName ?? 'an account');
  return `${who} ${did}.`;
}

/** Field labels where the words are not simply the field's name spelt out. */
const FIELD_LABELS: Record<string, string> = {
  reportsToId: 'Reports to',
  requiredCommitment: 'Required level',
  commitmentAfter: 'Level after',
  followUpOn: 'Follow up by',
  cadence: 'Contact cadence',
  sponsorId: 'Sponsor',
  startOn: 'Starts',
  endOn: 'Ends',
  askedBy: 'Asked for proof',
  pilotId: 'Pilot',
  proofPointId: 'Proof point',
  fromId: 'Person',
  toId: 'Looks to',
  stakeholderId: 'Person',
  tellerType: 'Told by',
  tellerId: 'Teller',
  holderType: 'Held by',
  holderId: 'Holder',
  scheduledFor: 'When',
  attendeeCount: 'Attendees',
  level: 'Level',
  on: 'Date',
  spokeFor: 'Spoke for it',
  briefingIds: 'Order',
  redactSoundingsAfterMonths: 'Remove note words after (months)',
  timeZone: 'Time zone',
  sessionsEnded: 'Sessions ended',
  expiresAt: 'Expires',
  toldLatest: 'Told the latest result',
  latest: 'Told the latest result',
  benefitsSeen: 'Benefits seen',
  developmentalRelationship: 'Own developmental relationship',
  timingNotes: 'Timing notes',
  keyId: 'Key',
  reason: 'Reason',
  email: 'Email',
};

/** `benefitsSeen` → "Benefits seen", `reportsToId` → "Reports to". */
export function auditFieldLabel(field: string): string {
  const known = FIELD_LABELS[field];
  if (known) return known;
  const words = field
    .replace(/Ids?$/, '')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/_/g, ' ')
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

// Enum values in words, by field; `status` and `kind` depend on what the record is.
const VALUE_LABELS: Record<string, Record<string, string>> = {
  channel: SOUNDING_CHANNEL_LABELS,
  category: FEAR_CATEGORY_LABELS,
  quality: RELATIONSHIP_QUALITY_LABELS,
  strength: INFLUENCE_STRENGTH_LABELS as Record<string, string>,
  holderType: { account: 'HR (an account)', champion: 'A champion' },
  tellerType: { account: 'HR (an account)', user: 'HR (an account)', stakeholder: 'A stakeholder', champion: 'A champion' },
  method: { sso: 'Single sign-on', password: 'Password' },
};
const STATUS_LABELS: Record<string, Record<string, string>> = {
  fear: FEAR_STATUS_LABELS,
  pilot: PILOT_STATUS_LABELS,
  briefing: BRIEFING_STATUS_LABELS,
  expectation: EXPECTATION_STATUS_LABELS,
};
const KIND_LABELS: Record<string, Record<string, string>> = {
  influence: INFLUENCE_KIND_LABELS,
  initiative: INITIATIVE_KIND_LABELS,
  timing_window: TIMING_WINDOW_KIND_LABELS,
};

/** An enum value in words (`in_person` → "In person"); null when the value is not an enum this field knows. */
export function auditEnumLabel(field: string, value: string, entityType: string | null): string | null {
  if (['level', 'commitmentAfter', 'requiredCommitment', 'fromLevel', 'toLevel'].includes(field) && isCommitmentLevel(value)) {
    return COMMITMENT_LADDER[value].label;
  }
  if (field === 'role') return (entityType === 'user' ? USER_ROLE_LABELS : STAKEHOLDER_ROLE_LABELS)[value as never] ?? null;
  if (field === 'status') return STATUS_LABELS[entityType ?? '']?.[value] ?? null;
  if (field === 'kind') return KIND_LABELS[entityType ?? '']?.[value] ?? null;
  return VALUE_LABELS[field]?.[value] ?? null;
}

export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
