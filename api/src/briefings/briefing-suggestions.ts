import {
  CoalitionMember,
  COMMITMENT_LADDER,
  COMMITMENT_PATH,
  isOnBoard,
  RelationshipQuality,
  SuggestedBriefer,
} from '@soundings/shared';

/** At most this many people are suggested to brief one audience member. */
export const SUGGESTED_BRIEFERS_MAX = 10;

const quoted = (levels: readonly string[]) => levels.map((level) => `'${level}'`).join(', ');
const ON_BOARD_LEVELS = quoted(COMMITMENT_PATH.filter(isOnBoard));

/**
 * The best-first order of people who could brief an audience member, as SQL over candidate `c` and their
 * relationship `r` with the audience: on board first, then a strong relationship, then a building one, then
 * the same business function (`same_function`), then higher on the ladder, then by name.
 */
export const SUGGESTED_BRIEFER_ORDER = `
  (c.commitment IN (${ON_BOARD_LEVELS})) DESC,
  CASE r.quality WHEN 'strong' THEN 0 WHEN 'building' THEN 1 ELSE 2 END,
  same_function DESC,
  array_position(ARRAY[${quoted(COMMITMENT_PATH)}]::text[], c.commitment) DESC,
  lower(c.name), c.id`;

/** Why a person is suggested, in words, in the order the ranking weighs them. */
export function suggestionReasons(
  person: CoalitionMember,
  audience: CoalitionMember,
  relationship: RelationshipQuality | null,
  sameFunction: boolean,
): string[] {
  const level = COMMITMENT_LADDER[person.commitment].label;
  const reasons = [person.onBoard ? `On board: ${level.toLowerCase()}` : `Not yet on board: ${level.toLowerCase()}`];
  if (relationship === 'strong') reasons.push(`Strong relationship with ${audience.name}`);
  if (relationship === 'building') reasons.push(`Building a relationship with ${audience.name}`);
  if (sameFunction && person.businessFunction) reasons.push(`Same function: ${person.businessFunction}`);
  if (person.potentialChampion) reasons.push('Potential champion');
  return reasons;
}

export function suggestedBriefer(person: CoalitionMember, audience: CoalitionMember, relationship: RelationshipQuality | null, sameFunction: boolean): SuggestedBriefer {
  return { person, relationship, sameFunction, reasons: suggestionReasons(person, audience, relationship, sameFunction) };
}
