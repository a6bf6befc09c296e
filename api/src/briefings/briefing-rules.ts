import { BriefingStatus, PriorityRef } from '@soundings/shared';
import { latestPossibleToday } from '../common/validation';
import { invalidField } from '../errors/api-exceptions';

export interface BriefingParties {
  brieferId: string | null;
  hr: boolean;
  audienceId: string | null;
  topTeam: boolean;
}

export interface BriefingPartiesInput {
  brieferId?: string | null;
  hr?: boolean;
  audienceId?: string | null;
  topTeam?: boolean;
}

/** One side of a briefing: a named stakeholder or the flag (HR, the whole top team), never both or neither. */
function resolveSide(
  current: { id: string | null; flag: boolean } | null,
  id: string | null | undefined,
  flag: boolean | undefined,
  names: { id: string; flag: string; missing: string },
): { id: string | null; flag: boolean } {
  // Naming one side of the pair replaces the other, so a PATCH can switch from HR to a champion with one field.
  const nextId = id !== undefined ? id : flag === true ? null : (current?.id ?? null);
  const nextFlag = flag !== undefined ? flag : id ? false : (current?.flag ?? false);
  if (nextId && nextFlag) throw invalidField(names.flag, `cannot be true together with ${names.id}; choose one`);
  if (!nextId && !nextFlag) throw invalidField(names.id, `is required unless ${names.flag} is true (${names.missing})`);
  return { id: nextId, flag: nextFlag };
}

/** Who briefs whom after applying `input` to `current` (null when creating). */
export function resolveBriefingParties(current: BriefingParties | null, input: BriefingPartiesInput): BriefingParties {
  const briefer = resolveSide(current && { id: current.brieferId, flag: current.hr }, input.brieferId, input.hr, {
    id: 'brieferId',
    flag: 'hr',
    missing: 'HR presents',
  });
  const audience = resolveSide(current && { id: current.audienceId, flag: current.topTeam }, input.audienceId, input.topTeam, {
    id: 'audienceId',
    flag: 'topTeam',
    missing: 'the whole top team',
  });
  if (briefer.id && briefer.id === audience.id) throw invalidField('audienceId', 'cannot be the briefer themselves');
  return { brieferId: briefer.id, hr: briefer.flag, audienceId: audience.id, topTeam: audience.flag };
}

/** The plan's day for a moment: its UTC date. */
export function planDay(plannedFor: string): string {
  return new Date(plannedFor).toISOString().slice(0, 10);
}

/**
 * A briefing is done only once its day has come, and an outcome is recorded only after the fact
 * (done, or cancelled with the reason).
 */
export function assertStatusFits(state: { status: BriefingStatus; plannedFor: string; outcome: string | null }, now = new Date()): void {
  if (state.status === 'done' && planDay(state.plannedFor) > latestPossibleToday(now)) {
    throw invalidField('status', `cannot be done before the day it is planned for (${planDay(state.plannedFor)})`);
  }
  if (state.outcome && state.status === 'planned') {
    throw invalidField('outcome', 'can only be recorded once the briefing is done or cancelled');
  }
}

/**
 * Whether a briefing to a function's leader names one of that function's priorities. Null when the rule does
 * not apply: a briefing of the whole top team, or an audience whose function has no priorities on record.
 */
export function namesAudiencePriority(named: readonly PriorityRef[], audienceFunctionPriorities: readonly PriorityRef[]): boolean | null {
  if (audienceFunctionPriorities.length === 0) return null;
  const theirs = new Set(audienceFunctionPriorities.map((priority) => priority.id));
  return named.some((priority) => theirs.has(priority.id));
}

/**
 * Why a planned briefing's brief falls short, or null when it does not: there is no brief text; or the audience's
 * function has priorities and the briefing names none of them; or, where no such priorities are on record, the brief
 * does not name the briefer's own area (`namesArea`, from briefNamesArea).
 */
export type BriefGap = 'no_brief' | 'no_audience_priority' | 'area_not_named';

export function briefGap(brief: string | null, namesArea: boolean, namesPriority: boolean | null): BriefGap | null {
  if (!brief || !brief.trim()) return 'no_brief';
  if (namesPriority !== null) return namesPriority ? null : 'no_audience_priority';
  return namesArea ? null : 'area_not_named';
}
