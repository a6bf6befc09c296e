/** Who an initiative involves, and on what day. */
export interface Involvement {
  heldOn: string;
  involvedIds: readonly string[];
}

/**
 * The people whose contact an edit can move: everyone added or removed and, when the day moved, everyone
 * involved before or after (the view counts involvement on the initiative's day). Sorted, each once.
 */
export function involvementChanges(before: Involvement | null, after: Involvement | null): string[] {
  const was = new Set(before?.involvedIds ?? []);
  const now = new Set(after?.involvedIds ?? []);
  const dayMoved = before !== null && after !== null && before.heldOn !== after.heldOn;
  const changed = new Set<string>();
  for (const id of now) if (dayMoved || !was.has(id)) changed.add(id);
  for (const id of was) if (dayMoved || !now.has(id)) changed.add(id);
  return [...changed].sort();
}

/** Everyone an initiative is about (owner and people involved, before and after an edit), sorted, each once. */
export function peopleConcerned(...sides: ({ ownerId: string | null; involvedIds: readonly string[] } | null)[]): string[] {
  const people = new Set<string>();
  for (const side of sides) {
    if (!side) continue;
    if (side.ownerId) people.add(side.ownerId);
    for (const id of side.involvedIds) people.add(id);
  }
  return [...people].sort();
}
