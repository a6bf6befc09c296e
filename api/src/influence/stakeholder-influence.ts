import { isSwayingKind } from '@soundings/shared';
import type { CoalitionMember, InfluenceKind, InfluenceStrength, InfluenceTie, StakeholderInfluence } from '@soundings/shared';
import { mapMember } from './influence.mapper';
import { TieRow } from './influences.repository';

/** Strongest first, then by name; a stored link before a reporting line to the same person. */
export function byStrengthThenName(a: InfluenceTie, b: InfluenceTie): number {
  return (
    b.strength - a.strength ||
    a.person.name.localeCompare(b.person.name, 'en', { sensitivity: 'base' }) ||
    a.person.id.localeCompare(b.person.id) ||
    (a.via === b.via ? 0 : a.via === 'link' ? -1 : 1) ||
    a.kind.localeCompare(b.kind)
  );
}

function distinctPeople(ties: InfluenceTie[]): CoalitionMember[] {
  const people = new Map<string, CoalitionMember>();
  for (const tie of ties) people.set(tie.person.id, tie.person);
  return [...people.values()];
}

const people = (n: number) => (n === 1 ? '1 person' : `${n} people`);
const isOrAre = (n: number) => (n === 1 ? 'is' : 'are');

/**
 * Where the people someone looks to stand, in one or two plain sentences:
 * "3 of the 4 people Dana Okafor looks to are on board; 1 is resistant. 2 people look to Dana Okafor."
 */
export function influenceSummaryText(name: string, counts: { looksTo: number; onBoard: number; resistant: number; lookedToBy: number }): string {
  const { looksTo, onBoard, resistant, lookedToBy } = counts;
  let first: string;
  if (looksTo === 0) {
    first = `${name} looks to no one on record yet.`;
  } else if (looksTo === 1) {
    const where = onBoard === 1 ? 'on board' : resistant === 1 ? 'resistant' : 'not on board yet';
    first = `${name} looks to 1 person, who is ${where}.`;
  } else {
    const share =
      onBoard === looksTo
        ? `${looksTo === 2 ? 'Both people' : `All ${looksTo} people`} ${name} looks to are on board`
        : onBoard === 0
          ? `None of the ${looksTo} people ${name} looks to are on board yet`
          : `${onBoard} of the ${looksTo} people ${name} looks to ${isOrAre(onBoard)} on board`;
    first = `${share}${resistant > 0 ? `; ${resistant} ${isOrAre(resistant)} resistant` : ''}.`;
  }
  const second = lookedToBy === 0 ? '' : ` ${people(lookedToBy)} ${lookedToBy === 1 ? 'looks' : 'look'} to ${name}.`;
  return first + second;
}

function tieOf(row: TieRow): InfluenceTie {
  return {
    person: mapMember(row.person),
    kind: row.kind as InfluenceKind,
    strength: row.strength as InfluenceStrength,
    via: row.via,
    influenceId: row.influence_id,
    note: row.note,
  };
}

/**
 * Sorts one person's ties into who sways them (swaying links from them, and their manager), whom they
 * sway (swaying links to them, and their direct reports), allies and conflicts (either direction).
 * A person tied twice (a manager also named as a mentor) appears in each tie but counts once.
 */
export function buildStakeholderInfluence(stakeholder: CoalitionMember, rows: TieRow[]): StakeholderInfluence {
  const looksTo: InfluenceTie[] = [];
  const lookedToBy: InfluenceTie[] = [];
  const allies: InfluenceTie[] = [];
  const conflicts: InfluenceTie[] = [];
  for (const row of rows) {
    const tie = tieOf(row);
    if (tie.kind === 'ally') allies.push(tie);
    else if (tie.kind === 'conflict') conflicts.push(tie);
    else if (isSwayingKind(tie.kind)) (row.outgoing ? looksTo : lookedToBy).push(tie);
  }
  for (const list of [looksTo, lookedToBy, allies, conflicts]) list.sort(byStrengthThenName);
  const swayedBy = distinctPeople(looksTo);
  const counts = {
    looksTo: swayedBy.length,
    onBoard: swayedBy.filter((person) => person.onBoard).length,
    resistant: swayedBy.filter((person) => person.commitment === 'resistant').length,
    lookedToBy: distinctPeople(lookedToBy).length,
  };
  return { stakeholder, looksTo, lookedToBy, allies, conflicts, summary: { ...counts, text: influenceSummaryText(stakeholder.name, counts) } };
}
