import type { Priority } from '@soundings/shared';

export interface FunctionPriorities {
  businessFunction: string;
  priorities: Priority[];
}

/**
 * Priorities grouped by business function, functions by name and each function's priorities by title. A
 * function is one function whatever its case or spacing ("Finance", "finance "), named as first written.
 */
export function groupByFunction(priorities: readonly Priority[]): FunctionPriorities[] {
  const groups = new Map<string, FunctionPriorities>();
  for (const priority of priorities) {
    const key = priority.businessFunction.trim().toLowerCase();
    const group = groups.get(key) ?? { businessFunction: priority.businessFunction.trim(), priorities: [] };
    group.priorities.push(priority);
    groups.set(key, group);
  }
  const byText = (a: string, b: string) => a.localeCompare(b, undefined, { sensitivity: 'base' });
  return [...groups.values()]
    .map((group) => ({ ...group, priorities: [...group.priorities].sort((a, b) => byText(a.title, b.title)) }))
    .sort((a, b) => byText(a.businessFunction, b.businessFunction));
}
