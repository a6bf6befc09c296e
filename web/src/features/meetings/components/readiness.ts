import { ladderRank, type AttendeeReadiness, type MeetingReadiness, type ReadinessExpectation, type ReadinessFear } from '@soundings/shared';

export type Stance = 'on_board' | 'undecided' | 'resistant';

export function stanceOf(attendee: AttendeeReadiness): Stance {
  if (attendee.commitment === 'resistant') return 'resistant';
  return attendee.onBoard ? 'on_board' : 'undecided';
}

export const STANCE_LABELS: Record<Stance, string> = {
  on_board: 'On board',
  undecided: 'Undecided',
  resistant: 'Resistant',
};

/** Highest on the ladder first, then by name: the room as it leans. */
export function byStanding(a: AttendeeReadiness, b: AttendeeReadiness): number {
  return ladderRank(b.commitment) - ladderRank(a.commitment) || a.stakeholder.name.localeCompare(b.stakeholder.name);
}

export interface BeforeTheMeeting {
  /** Never asked for support one to one: do that first, never in the group. */
  notSounded: AttendeeReadiness[];
  /** Oldest first, so the fear left waiting longest leads. */
  openFears: { attendee: AttendeeReadiness; fear: ReadinessFear }[];
  resistant: AttendeeReadiness[];
  cooling: AttendeeReadiness[];
  /** The meeting's day falls in a time they asked to be left alone, or misses their best time. */
  timing: AttendeeReadiness[];
  /** Told to expect something at risk or unrealistic: reset it with them before the room hears it. */
  expectations: { attendee: AttendeeReadiness; expectation: ReadinessExpectation }[];
}

export function beforeTheMeeting(readiness: MeetingReadiness): BeforeTheMeeting {
  const attendees = readiness.attendees;
  return {
    notSounded: attendees.filter((attendee) => attendee.warnings.includes('not_sounded_individually')),
    openFears: attendees
      .flatMap((attendee) => attendee.openFears.map((fear) => ({ attendee, fear })))
      .sort((a, b) => a.fear.voicedOn.localeCompare(b.fear.voicedOn)),
    resistant: attendees.filter((attendee) => attendee.warnings.includes('resistant')),
    cooling: attendees.filter((attendee) => attendee.warnings.includes('cooling') && !attendee.warnings.includes('not_sounded_individually')),
    timing: attendees.filter((attendee) => attendee.timing !== null),
    expectations: attendees.flatMap((attendee) => attendee.expectations.map((expectation) => ({ attendee, expectation }))),
  };
}

export function nothingToDo(todo: BeforeTheMeeting): boolean {
  return todo.notSounded.length + todo.openFears.length + todo.resistant.length + todo.cooling.length + todo.timing.length + todo.expectations.length === 0;
}

/** "6 of 9 on board". */
export function onBoardLine(summary: MeetingReadiness['summary']): string {
  return `${summary.onBoard} of ${summary.attendees} on board`;
}

/** Why an expectation is flagged, in words: at risk, or open and unrealistic. */
export function expectationConcern(expectation: ReadinessExpectation): string {
  return expectation.status === 'at_risk' ? 'at risk' : 'unrealistic';
}

export type LooksToAdvice = 'speak_first' | 'word_beforehand' | 'win_first' | 'not_yet_absent' | 'no_one_recorded';

/** The undecided who look to the same person, with the one thing to do about that person. */
export interface LooksToGroup {
  advice: LooksToAdvice;
  leader: AttendeeReadiness['looksTo'];
  people: AttendeeReadiness[];
}

const ADVICE_ORDER: LooksToAdvice[] = ['speak_first', 'win_first', 'word_beforehand', 'not_yet_absent', 'no_one_recorded'];

function adviceFor(leader: AttendeeReadiness['looksTo']): LooksToAdvice {
  if (!leader) return 'no_one_recorded';
  if (leader.onBoard) return leader.attending ? 'speak_first' : 'word_beforehand';
  return leader.attending ? 'win_first' : 'not_yet_absent';
}

/**
 * The undecided grouped by whom they look to, so advice about one person is given once, naming everyone it
 * concerns ("ask Helen to speak first: four people look to her"); the most useful advice first, then the
 * largest group.
 */
export function groupByWhomTheyLookTo(readiness: MeetingReadiness): LooksToGroup[] {
  const groups = new Map<string, LooksToGroup>();
  for (const attendee of readiness.attendees.filter((candidate) => !candidate.onBoard).sort(byStanding)) {
    const key = attendee.looksTo?.id ?? '';
    const group = groups.get(key) ?? { advice: adviceFor(attendee.looksTo), leader: attendee.looksTo, people: [] };
    group.people.push(attendee);
    groups.set(key, group);
  }
  return [...groups.values()].sort(
    (a, b) =>
      ADVICE_ORDER.indexOf(a.advice) - ADVICE_ORDER.indexOf(b.advice) ||
      b.people.length - a.people.length ||
      (a.leader?.name ?? '').localeCompare(b.leader?.name ?? ''),
  );
}

/** "Ana", "Ana and Ben", "Ana, Ben and Cy". */
export function namesInWords(names: string[]): string {
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}
