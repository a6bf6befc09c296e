import type { StakeholderRole } from './enums';
import type { IsoDate } from '../types/api';

// ---- Business priorities, narratives and values ---------------------------

/** How a narrative landed with the person in a sounding. */
export const NARRATIVE_RESPONSES = ['resonated', 'jarred'] as const;
export type NarrativeResponse = (typeof NARRATIVE_RESPONSES)[number];
export const NARRATIVE_RESPONSE_LABELS: Record<NarrativeResponse, string> = {
  resonated: 'Resonated',
  jarred: 'Jarred',
};

// ---- Pilots and proof -------------------------------------------------------

export const PILOT_STATUSES = ['proposed', 'running', 'done', 'stopped'] as const;
export type PilotStatus = (typeof PILOT_STATUSES)[number];
export const PILOT_STATUS_LABELS: Record<PilotStatus, string> = {
  proposed: 'Proposed',
  running: 'Running',
  done: 'Done',
  stopped: 'Stopped',
};

// ---- The rolling programme --------------------------------------------------

export const INITIATIVE_KINDS = ['update', 'event', 'showcase', 'workshop', 'other'] as const;
export type InitiativeKind = (typeof INITIATIVE_KINDS)[number];
export const INITIATIVE_KIND_LABELS: Record<InitiativeKind, string> = {
  update: 'Update',
  event: 'Event',
  showcase: 'Showcase',
  workshop: 'Workshop',
  other: 'Other',
};

/**
 * Whose responsibility: the share of briefings, initiatives and pilots led by HR above which a period
 * is flagged. The culture is the leadership team's to own; HR coaches the leaders.
 */
export const HR_LED_SHARE_WARNING = 0.5;

/** How many months the whose-responsibility report covers, the current one included. */
export const RESPONSIBILITY_MONTHS_DEFAULT = 6;
export const RESPONSIBILITY_MONTHS_MAX = 36;
/** How many people one initiative may involve. */
export const INITIATIVE_PEOPLE_MAX = 200;

// ---- Cadence: keeping it on the leaders' radar -----------------------------

/** How often a person should hear from the campaign: amber past `idealDays`, red past `maxDays`. */
export interface Cadence {
  idealDays: number;
  maxDays: number;
}

/** The cadence by role until Settings say otherwise: the top team closer, everyone else less often. */
export const DEFAULT_CADENCE: Record<StakeholderRole, Cadence> = {
  top_team: { idealDays: 21, maxDays: 45 },
  senior_leader: { idealDays: 45, maxDays: 90 },
  line_manager: { idealDays: 45, maxDays: 90 },
  hr: { idealDays: 45, maxDays: 90 },
  other: { idealDays: 45, maxDays: 90 },
};
export const CADENCE_DAYS_MIN = 1;
export const CADENCE_DAYS_MAX = 365;

/**
 * never: no contact recorded yet; on_track: within the ideal interval; due (amber): past the ideal;
 * overdue (red): past the maximum.
 */
export const CADENCE_STATES = ['never', 'on_track', 'due', 'overdue'] as const;
export type CadenceState = (typeof CADENCE_STATES)[number];
export const CADENCE_STATE_LABELS: Record<CadenceState, string> = {
  never: 'No contact yet',
  on_track: 'In touch',
  due: 'Due a contact',
  overdue: 'Gone quiet',
};

/**
 * The one cadence rule. "Past" is strictly more days than the interval: with an ideal of 21 days, day 21
 * is on track and day 22 is due. Days are whole calendar days in the organisation's time zone.
 */
export function cadenceState(daysSinceContact: number | null, cadence: Cadence): CadenceState {
  if (daysSinceContact === null) return 'never';
  if (daysSinceContact > cadence.maxDays) return 'overdue';
  if (daysSinceContact > cadence.idealDays) return 'due';
  return 'on_track';
}

/** Cooling, wherever the product says it: contact has slipped past the ideal interval. */
export function isCoolingState(state: CadenceState): boolean {
  return state === 'due' || state === 'overdue';
}

/** The organisation's time zone until an admin sets one. */
export const DEFAULT_TIME_ZONE = 'UTC';

/** The calendar date at `now` in an IANA time zone: the one notion of "today". */
export function todayIn(timeZone: string, now: Date = new Date()): IsoDate {
  // en-CA formats as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/** Whole calendar days from one date to another (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

// ---- Timing -----------------------------------------------------------------

/** best: a dated window when the person is most receptive; not_now: one to keep clear of. */
export const TIMING_WINDOW_KINDS = ['best', 'not_now'] as const;
export type TimingWindowKind = (typeof TIMING_WINDOW_KINDS)[number];
export const TIMING_WINDOW_KIND_LABELS: Record<TimingWindowKind, string> = {
  best: 'Best time',
  not_now: 'Not now',
};

// ---- Expectations register --------------------------------------------------

export const EXPECTATION_STATUSES = ['open', 'met', 'at_risk', 'withdrawn'] as const;
export type ExpectationStatus = (typeof EXPECTATION_STATUSES)[number];
export const EXPECTATION_STATUS_LABELS: Record<ExpectationStatus, string> = {
  open: 'Open',
  met: 'Met',
  at_risk: 'At risk',
  withdrawn: 'Withdrawn',
};
