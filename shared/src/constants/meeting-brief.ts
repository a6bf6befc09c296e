import type { AttendeeReadiness, MeetingReadiness, ReadinessFear } from '../types/meetings';
import type { ReadinessExpectation } from '../types/campaign';
import { COMMITMENT_LADDER, ladderRank, type CommitmentLevel } from './commitment-ladder';
import { FEAR_CATEGORY_LABELS, STAKEHOLDER_ROLE_LABELS } from './enums';

/** What a reader sees in place of a confidential note's words that are not theirs to read. */
export const WITHHELD_NOTE = 'Confidential: only its author and admins can read it.';

/** The printed brief's closing line, under who printed it and when. */
export const BRIEF_KEEP_IT_SAFE = 'Notes about named people: keep it with you and shred it after the meeting.';

const dayFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });

/** `2025-03-04` → `4 Mar 2025`, whatever the reader's time zone (a day has none). */
export function formatDay(iso: string | null | undefined): string {
  if (!iso) return '—';
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number);
  return dayFormat.format(new Date(Date.UTC(y, m - 1, d)));
}

/** Words in curly quotes, without doubling quotes the note-taker already typed. */
export function quotedWords(statement: string): string {
  const bare = statement.trim().replace(/^["'“”‘’]+|["'“”‘’]+$/g, '').trim();
  return `“${bare}”`;
}

/** A fear in the speaker's words, quoted; or that its words are withheld from this reader. */
export function fearWordsFor(fear: { statement: string | null; redacted: boolean }): string {
  return fear.redacted || fear.statement === null ? WITHHELD_NOTE : quotedWords(fear.statement);
}

/** Highest on the ladder first, then by name: the room as it leans. */
export function attendeesByStanding(a: AttendeeReadiness, b: AttendeeReadiness): number {
  return ladderRank(b.commitment) - ladderRank(a.commitment) || a.stakeholder.name.localeCompare(b.stakeholder.name);
}

/** What to watch for in one person, in a few words for a printed table. */
export function watchFor(attendee: AttendeeReadiness): string {
  const notes: string[] = [];
  if (attendee.warnings.includes('not_sounded_individually')) notes.push('never sounded one to one');
  if (attendee.warnings.includes('resistant')) notes.push('resistant');
  const fears = attendee.openFears.length;
  if (fears > 0) notes.push(`${fears} open ${fears === 1 ? 'fear' : 'fears'}`);
  if (attendee.warnings.includes('cooling')) notes.push('past their ideal contact interval');
  if (attendee.timing) notes.push(attendee.timing.code === 'timing_not_now' ? 'asked not to be approached now' : 'outside their best time');
  if (attendee.warnings.includes('expectation_at_risk')) notes.push('an expectation to reset');
  if (attendee.spokeFor) notes.push('spoke for it');
  const text = notes.join('; ');
  return text ? text.charAt(0).toUpperCase() + text.slice(1) : '—';
}

/** One line of "Do before the meeting": a bold lead, then names, or a person's words with where they came from. */
export interface BriefTodo {
  key: string;
  lead: string;
  text: string;
  /** The text is a person's words (or that they are withheld), shown in italics. */
  words: boolean;
  /** "(Personal exposure, 4 Mar 2025)". */
  note: string | null;
}

export interface BriefRoomRow {
  id: string;
  name: string;
  /** Title (or role) and function. */
  role: string;
  commitment: CommitmentLevel;
  watchFor: string;
  /** Only for the undecided: whose lead they are likely to follow. */
  looksTo: string;
}

/** Everything the printed brief and its PDF say, in the order they say it. */
export interface MeetingBriefContent {
  figures: { value: string; label: string }[];
  todo: BriefTodo[];
  /** Said instead of the list when there is nothing to do. */
  nothingToDo: string;
  room: BriefRoomRow[];
}

const names = (attendees: AttendeeReadiness[]) => attendees.map((attendee) => attendee.stakeholder.name).join(', ');

function fearLine(attendee: AttendeeReadiness, fear: ReadinessFear): BriefTodo {
  return {
    key: fear.id,
    lead: `Answer ${attendee.stakeholder.name}:`,
    text: fearWordsFor(fear),
    words: true,
    note: `(${FEAR_CATEGORY_LABELS[fear.category]}, ${formatDay(fear.voicedOn)})`,
  };
}

function expectationLine(attendee: AttendeeReadiness, expectation: ReadinessExpectation): BriefTodo {
  return {
    key: expectation.id,
    lead: `Reset with ${attendee.stakeholder.name}:`,
    text: quotedWords(expectation.expectation),
    words: true,
    note: `(${expectation.status === 'at_risk' ? 'at risk' : 'unrealistic'}, ${formatDay(expectation.toldOn)})`,
  };
}

export function meetingBriefContent(readiness: MeetingReadiness): MeetingBriefContent {
  const { summary, attendees } = readiness;
  const flagged = (code: AttendeeReadiness['warnings'][number]) => attendees.filter((attendee) => attendee.warnings.includes(code));
  const notSounded = flagged('not_sounded_individually');
  const resistant = flagged('resistant');
  const cooling = flagged('cooling').filter((attendee) => !attendee.warnings.includes('not_sounded_individually'));
  // Oldest first, so the fear left waiting longest leads.
  const fears = attendees
    .flatMap((attendee) => attendee.openFears.map((fear) => ({ attendee, fear })))
    .sort((a, b) => a.fear.voicedOn.localeCompare(b.fear.voicedOn));

  const todo: BriefTodo[] = [];
  const namesLine = (key: string, lead: string, people: AttendeeReadiness[]) => {
    if (people.length > 0) todo.push({ key, lead, text: names(people), words: false, note: null });
  };
  namesLine('not-sounded', 'Sound out one to one:', notSounded);
  namesLine('resistant', 'Talk to before, not in, the meeting (resistant):', resistant);
  namesLine('cooling', 'Catch up with (past their ideal contact interval):', cooling);
  todo.push(...fears.map(({ attendee, fear }) => fearLine(attendee, fear)));
  todo.push(...attendees.flatMap((attendee) => attendee.expectations.map((expectation) => expectationLine(attendee, expectation))));

  return {
    figures: [
      { value: `${summary.onBoard} of ${summary.attendees} on board`, label: 'supportive or further' },
      { value: String(summary.notSounded), label: 'never sounded one to one' },
      { value: String(summary.resistant), label: 'resistant' },
      { value: String(summary.openFears), label: summary.openFears === 1 ? 'open fear' : 'open fears' },
    ],
    todo,
    nothingToDo: 'Nothing: everyone has been sounded one to one, no fears are open, no one is resistant.',
    room: [...attendees].sort(attendeesByStanding).map((attendee) => ({
      id: attendee.stakeholder.id,
      name: attendee.stakeholder.name,
      role: [attendee.stakeholder.title ?? STAKEHOLDER_ROLE_LABELS[attendee.stakeholder.role], attendee.stakeholder.businessFunction].filter(Boolean).join(', '),
      commitment: attendee.commitment,
      watchFor: watchFor(attendee),
      looksTo:
        !attendee.onBoard && attendee.looksTo
          ? `${attendee.looksTo.name} (${COMMITMENT_LADDER[attendee.looksTo.commitment].label.toLowerCase()}${attendee.looksTo.attending ? ', in the room' : ''})`
          : '—',
    })),
  };
}
