
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

/**
 * Whether a meeting is ready to ask the group for support. Ready only when there is someone in the room,
 * everyone has been sounded one to one before it, no one is resistant, and everyone who has a required
 * level stands at it: never ask for support in a group first.
 */
export const MEETING_VERDICTS = ['ready', 'not_ready', 'no_attendees'] as const;
export type MeetingVerdict = (typeof MEETING_VERDICTS)[number];
export const MEETING_VERDICT_LABELS: Record<MeetingVerdict, string> = {
  ready: 'Ready',
  not_ready: 'Not ready',
  no_attendees: 'No one invited',
};

/** The counts a verdict is drawn from, for one meeting. */
export interface MeetingReadinessCounts {
  attendees: number;
  onBoard: number;
  /** Attendees with a required level who stand at it or above. */
  atRequired: number;
  /** Attendees who have a required level at all. */
  withRequired: number;
  /** Attendees never sounded one to one before the meeting. */
  notSounded: number;
  resistant: number;
}

export function meetingVerdict(counts: MeetingReadinessCounts): MeetingVerdict {
  if (counts.attendees === 0) return 'no_attendees';
  return counts.notSounded === 0 && counts.resistant === 0 && counts.atRequired === counts.withRequired ? 'ready' : 'not_ready';
}

/** What stands between a meeting and "ready", in words ("2 never sounded one to one"); empty when ready. */
export function meetingVerdictReasons(counts: MeetingReadinessCounts): string[] {
  const reasons: string[] = [];
  if (counts.notSounded > 0) reasons.push(`${counts.notSounded} never sounded one to one`);
  if (counts.resistant > 0) reasons.push(`${counts.resistant} resistant`);
  const below = counts.withRequired - counts.atRequired;
  if (below > 0) reasons.push(`${below} below their required level`);
  return reasons;
}
