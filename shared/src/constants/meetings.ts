
/** What meeting readiness flags per attendee; computed, never stored. */
export const READINESS_WARNING_CODES = ['not_sounded_individually', 'resistant', 'open_fears', 'cooling', 'timing_not_now', 'timing_outside_best', 'expectation_at_risk'] as const;
export type ReadinessWarningCode = (typeof READINESS_WARNING_CODES)[number];
export const READINESS_WARNING_LABELS: Record<ReadinessWarningCode, string> = {
  not_sounded_individually: 'Never sounded one to one before the meeting',
  resistant: 'Has voiced opposition',
  open_fears: 'Has fears still open',
  cooling: 'Past their ideal contact interval',
  timing_not_now: 'The meeting falls in a time they asked not to be approached',
  timing_outside_best: 'The meeting falls outside their best time to be approached (a best window starts or ended within 60 days)',
  expectation_at_risk: 'Was told to expect something unrealistic or now at risk',
};

/** A meeting may have any realistic number of attendees: a whole leadership conference fits. */
export const MEETING_ATTENDEES_MAX = 1000;
