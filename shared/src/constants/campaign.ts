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
/** How many listed priorities, and how many narratives, one sounding may cite. */
export const PRIORITIES_PER_SOUNDING_MAX = 50;
export const NARRATIVES_PER_SOUNDING_MAX = 50;

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

/** The kinds of contact the `contact_events` view records. */
export const CONTACT_KINDS = ['sounding', 'briefing_given', 'briefing_received', 'meeting', 'initiative'] as const;
export type ContactKind = (typeof CONTACT_KINDS)[number];
export const CONTACT_KIND_LABELS: Record<ContactKind, string> = {
  sounding: 'sounding',
  briefing_given: 'gave a briefing',
  briefing_received: 'briefing',
  meeting: 'meeting',
  initiative: 'initiative',
};

/** The stakeholder list's `contact` filter: the states worth acting on. */
export const STAKEHOLDER_CONTACT_FILTERS = ['on_track', 'due', 'overdue', 'never'] as const satisfies readonly CadenceState[];
export type StakeholderContactFilter = (typeof STAKEHOLDER_CONTACT_FILTERS)[number];

/** Cooling in words, wherever the product names it. */
export const COOLING_IN_WORDS = 'past their ideal contact interval';

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

/**
 * A best window is relevant to a day when it starts within this many days after it or ended within this many
 * days before it: the person has said when to come, and this day misses it. Further away, their best time says
 * nothing about this day.
 */
export const TIMING_BEST_RELEVANT_DAYS = 60;

/** The dates of a window, as the timing rule reads them. */
export interface DatedTimingWindow {
  kind: TimingWindowKind;
  startsOn: IsoDate;
  endsOn: IsoDate;
}

/**
 * How a day falls for one person. `not_now`: inside one of their not-now windows (the one lasting longest is
 * named). `in_best`: inside a best window. `outside_best`: in none of their best windows while one is relevant
 * (TIMING_BEST_RELEVANT_DAYS; the nearest is named). `clear`: nothing to say. First and last days are inside.
 */
export type TimingFit<W extends DatedTimingWindow = DatedTimingWindow> =
  | { fit: 'not_now' | 'in_best' | 'outside_best'; window: W }
  | { fit: 'clear'; window: null };

export function timingFitOn<W extends DatedTimingWindow>(day: IsoDate, windows: readonly W[]): TimingFit<W> {
  const containing = (kind: TimingWindowKind) =>
    windows
      .filter((window) => window.kind === kind && window.startsOn <= day && day <= window.endsOn)
      .sort((a, b) => (a.endsOn < b.endsOn ? 1 : a.endsOn > b.endsOn ? -1 : 0))[0];
  const notNow = containing('not_now');
  if (notNow) return { fit: 'not_now', window: notNow };
  const best = containing('best');
  if (best) return { fit: 'in_best', window: best };
  const distance = (window: W) => (window.startsOn > day ? daysBetween(day, window.startsOn) : daysBetween(window.endsOn, day));
  const nearest = windows
    .filter((window) => window.kind === 'best' && distance(window) <= TIMING_BEST_RELEVANT_DAYS)
    .sort((a, b) => distance(a) - distance(b) || (a.startsOn < b.startsOn ? -1 : 1))[0];
  return nearest ? { fit: 'outside_best', window: nearest } : { fit: 'clear', window: null };
}

const timingDayFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' });
const timingDayWithYearFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });

/** "14 Jan", or "14 Jan 2027" when its year is not the year of `reference`. */
export function timingDay(day: IsoDate, reference: IsoDate): string {
  const format = day.slice(0, 4) === reference.slice(0, 4) ? timingDayFormat : timingDayWithYearFormat;
  return format.format(new Date(`${day}T00:00:00Z`));
}

/** "1 Dec – 14 Jan", years shown where they differ from `reference`'s. */
export function timingSpan(window: DatedTimingWindow, reference: IsoDate): string {
  return window.startsOn === window.endsOn
    ? timingDay(window.startsOn, reference)
    : `${timingDay(window.startsOn, reference)} – ${timingDay(window.endsOn, reference)}`;
}

/**
 * The concern in words, for `name` on `day`: "Dana Lee asked not to be approached until 14 Jan (1 Dec – 14 Jan)",
 * "Dana Lee is best approached 5 Jan – 30 Jan, not on 3 Dec". Null when the day falls well.
 */
export function timingConcernText(name: string, day: IsoDate, fit: TimingFit): string | null {
  if (fit.fit === 'not_now') {
    return `${name} asked not to be approached until ${timingDay(fit.window.endsOn, day)} (${timingSpan(fit.window, day)}).`;
  }
  if (fit.fit === 'outside_best') {
    return `${name} is best approached ${timingSpan(fit.window, day)}, not on ${timingDay(day, day)}.`;
  }
  return null;
}

// ---- Expectations register --------------------------------------------------

export const EXPECTATION_STATUSES = ['open', 'met', 'at_risk', 'withdrawn'] as const;
export type ExpectationStatus = (typeof EXPECTATION_STATUSES)[number];
export const EXPECTATION_STATUS_LABELS: Record<ExpectationStatus, string> = {
  open: 'Open',
  met: 'Met',
  at_risk: 'At risk',
  withdrawn: 'Withdrawn',
};

/**
 * The one rule for an expectation that needs attention (meeting readiness flags it, the register and the
 * stakeholder page mark it): any at risk, or one still open that was never realistic.
 */
export function expectationNeedsAttention(expectation: { status: ExpectationStatus; realistic: boolean }): boolean {
  return expectation.status === 'at_risk' || (expectation.status === 'open' && !expectation.realistic);
}
