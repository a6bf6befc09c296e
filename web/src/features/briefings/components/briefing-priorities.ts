import type { PriorityRef } from '@soundings/shared';

export interface PriorityOptionGroup {
  group: string;
  items: { value: string; label: string }[];
}

const sameFunction = (a: string | null, b: string) => a !== null && a.trim().toLowerCase() === b.trim().toLowerCase();

/**
 * The priorities a briefing can name, the audience's function's first (the plan asks a briefing to a
 * function's leader to name one of them), then every other function's, by function and title.
 */
export function priorityOptionGroups(priorities: readonly PriorityRef[], audienceFunction: string | null): PriorityOptionGroup[] {
  const byTitle = (a: PriorityRef, b: PriorityRef) => a.title.localeCompare(b.title, undefined, { sensitivity: 'base' });
  const theirs = priorities.filter((priority) => sameFunction(audienceFunction, priority.businessFunction)).sort(byTitle);
  const others = priorities
    .filter((priority) => !sameFunction(audienceFunction, priority.businessFunction))
    .sort((a, b) => a.businessFunction.localeCompare(b.businessFunction, undefined, { sensitivity: 'base' }) || byTitle(a, b));
  const groups: PriorityOptionGroup[] = [];
  if (theirs.length > 0) groups.push({ group: `${audienceFunction}'s priorities`, items: theirs.map((p) => ({ value: p.id, label: p.title })) });
  if (others.length > 0) {
    groups.push({
      group: theirs.length > 0 ? 'Other functions' : 'Priorities',
      items: others.map((p) => ({ value: p.id, label: `${p.businessFunction}: ${p.title}` })),
    });
  }
  return groups;
}
