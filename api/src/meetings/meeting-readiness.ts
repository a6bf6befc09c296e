import {
  AttendeeReadiness,
  Cadence,
  cadenceState,
  commitmentGap,
  CommitmentLevel,
  daysBetween,
  expectationNeedsAttention,
  ExpectationStatus,
  isCoolingState,
  FearCategory,
  FearStatus,
  isAtLeast,
  isOnBoard,
  MeetingReadiness,
  MeetingReadinessCounts,
  meetingVerdict,
  MeetingSummary,
  ReadinessExpectation,
  ReadinessFear,
  ReadinessWarningCode,
  StakeholderRole,
  TimingConcern,
} from '@soundings/shared';
import type { ConfidentialView } from '../confidentiality/confidential-view';
import { timingConcern } from '../timing/timing-concern';
import { LooksToCandidateRow, ReadinessAttendeeRow, ReadinessExpectationRow, ReadinessFearRow } from './meetings.repository';

/**
 * Cooling as everywhere else (the shared cadence rule: past their ideal contact interval), counted to the
 * meeting's day when it is still ahead: what matters is how cold they will be in the room.
 * Someone never contacted is not cooling; they are not sounded.
 */
export function isCoolingBy(lastContactAt: string | null, cadence: Cadence, meetingDay: string, today: string): boolean {
  if (!lastContactAt) return false;
  const reference = meetingDay > today ? meetingDay : today;
  return isCoolingState(cadenceState(daysBetween(lastContactAt, reference), cadence));
}

export function readinessWarnings(attendee: {
  soundedIndividually: boolean;
  commitment: CommitmentLevel;
  openFears: number;
  cooling: boolean;
  timing?: TimingConcern | null;
  /** Told to expect something at risk, or open and unrealistic. */
  expectationAtRisk: boolean;
}): ReadinessWarningCode[] {
  const warnings: ReadinessWarningCode[] = [];
  if (!attendee.soundedIndividually) warnings.push('not_sounded_individually');
  if (attendee.commitment === 'resistant') warnings.push('resistant');
  if (attendee.openFears > 0) warnings.push('open_fears');
  if (attendee.cooling) warnings.push('cooling');
  if (attendee.timing) warnings.push(attendee.timing.code);
  if (attendee.expectationAtRisk) warnings.push('expectation_at_risk');
  return warnings;
}

/** Of what they were told to expect (open or at risk), the ones readiness flags, in words. */
export function flaggedExpectations(rows: ReadinessExpectationRow[]): ReadinessExpectation[] {
  return rows
    .map((row) => ({ ...row, status: row.status as ExpectationStatus }))
    .filter(expectationNeedsAttention)
    .map((row) => ({ id: row.id, expectation: row.expectation, toldOn: row.told_on, toldByName: row.teller_name, realistic: row.realistic, status: row.status }));
}

/** A fear voiced in a confidential sounding keeps its words from everyone but the author and admins. */
export function mapReadinessFear(row: ReadinessFearRow, view: ConfidentialView): ReadinessFear {
  const redacted = !view.shows({ kind: 'fear', id: row.id, stakeholderId: row.stakeholder_id, confidential: row.confidential, authorId: row.author_id });
  return {
    id: row.id,
    statement: redacted ? null : row.statement,
    redacted,
    category: row.category as FearCategory,
    status: row.status as FearStatus,
    voicedOn: row.voiced_on,
  };
}

/**
 * Who an attendee looks to, for the room: of the people they look to (links or their manager) who are
 * in the room or on board, the one in the room first, then the strongest, then on board, then by name.
 * Null when none of them is either: nobody there to sway them.
 */
export function pickLooksTo(candidates: LooksToCandidateRow[]): AttendeeReadiness['looksTo'] {
  const ranked = candidates
    .map((candidate) => ({ ...candidate, commitment: candidate.commitment as CommitmentLevel, onBoard: isOnBoard(candidate.commitment as CommitmentLevel) }))
    .filter((candidate) => candidate.attending || candidate.onBoard)
    .sort(
      (a, b) =>
        Number(b.attending) - Number(a.attending) ||
        b.strength - a.strength ||
        Number(b.onBoard) - Number(a.onBoard) ||
        a.name.localeCompare(b.name, 'en', { sensitivity: 'base' }) ||
        a.id.localeCompare(b.id),
    );
  const best = ranked[0];
  return best ? { id: best.id, name: best.name, commitment: best.commitment, onBoard: best.onBoard, attending: best.attending } : null;
}

export function buildMeetingReadiness(
  meeting: MeetingSummary & { day: string },
  attendees: ReadinessAttendeeRow[],
  fears: ReadinessFearRow[],
  view: ConfidentialView,
): MeetingReadiness {
  const fearsByPerson = new Map<string, ReadinessFear[]>();
  for (const row of fears) {
    const list = fearsByPerson.get(row.stakeholder_id) ?? [];
    list.push(mapReadinessFear(row, view));
    fearsByPerson.set(row.stakeholder_id, list);
  }
  const rows: AttendeeReadiness[] = attendees.map((row) => {
    const commitment = row.commitment as CommitmentLevel;
    const requiredCommitment = row.required_commitment as CommitmentLevel | null;
    const openFears = fearsByPerson.get(row.id) ?? [];
    const timing = timingConcern(row.name, meeting.day, row.timing_windows);
    const expectations = flaggedExpectations(row.expectations);
    return {
      stakeholder: {
        id: row.id,
        name: row.name,
        title: row.title,
        role: row.role as StakeholderRole,
        businessFunction: row.business_function,
        influence: row.influence,
      },
      commitment,
      requiredCommitment,
      commitmentGap: commitmentGap(commitment, requiredCommitment),
      onBoard: isOnBoard(commitment),
      soundedIndividually: row.sounded_before,
      lastContactAt: row.last_contact_at,
      openFears,
      warnings: readinessWarnings({
        soundedIndividually: row.sounded_before,
        commitment,
        openFears: openFears.length,
        cooling: isCoolingBy(row.last_contact_at, { idealDays: row.contact_ideal_days, maxDays: row.contact_max_days }, meeting.day, row.today),
        timing,
        expectationAtRisk: expectations.length > 0,
      }),
      looksTo: pickLooksTo(row.looks_to),
      spokeFor: row.spoke_for,
      timing,
      expectations,
    };
  });
  const { day: _day, ...summaryOfMeeting } = meeting;
  // "Resistant" as a required level asks for nothing to climb to: it counts as none, as commitmentGap says.
  const withRequired = rows.filter((row) => row.requiredCommitment !== null && row.requiredCommitment !== 'resistant');
  const counts: MeetingReadinessCounts = {
    attendees: rows.length,
    onBoard: rows.filter((row) => row.onBoard).length,
    atRequired: withRequired.filter((row) => isAtLeast(row.commitment, row.requiredCommitment!)).length,
    withRequired: withRequired.length,
    notSounded: rows.filter((row) => !row.soundedIndividually).length,
    resistant: rows.filter((row) => row.commitment === 'resistant').length,
  };
  return {
    meeting: summaryOfMeeting,
    summary: { ...counts, openFears: rows.reduce((sum, row) => sum + row.openFears.length, 0), verdict: meetingVerdict(counts) },
    attendees: rows,
  };
}
