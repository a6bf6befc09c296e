import { COOLING_AFTER_DAYS } from './enums';

/** What meeting readiness flags per attendee; computed, never stored. */
export const READINESS_WARNING_CODES = ['not_sounded_individually', 'resistant', 'open_fears', 'cooling'] as const;
export type ReadinessWarningCode = (typeof READINESS_WARNING_CODES)[number];
export const READINESS_WARNING_LABELS: Record<ReadinessWarningCode, string> = {
  not_sounded_individually: 'Never sounded one to one before the meeting',
  resistant: 'Has voiced opposition',
  open_fears: 'Has fears still open',
  cooling: `No contact for more than ${COOLING_AFTER_DAYS} days`,
};

/** A meeting may have any realistic number of attendees: a whole leadership conference fits. */
export const MEETING_ATTENDEES_MAX = 1000;
