import type { CoalitionMember, NarrativeResonance, NarrativeResonanceCell, NarrativeResonanceRow, NarrativeResponse } from '@soundings/shared';
import type { ConfidentialView } from '../confidentiality/confidential-view';
import { mapNarrative } from './narrative.mapper';
import type { ResonanceRow } from './narratives.repository';

const none = (stakeholderId: string): NarrativeResonanceCell => ({ stakeholderId, response: null, on: null, soundingId: null });

/**
 * One row per narrative, one cell per top-team member. `rows` hold each member's latest reaction the reader
 * may read; the view still decides each one (and remembers the confidential soundings it showed). An archived
 * narrative stays in the table only while a member's reaction to it is on record.
 */
export function buildResonance(members: CoalitionMember[], rows: ResonanceRow[], view: ConfidentialView): NarrativeResonance {
  const byNarrative = new Map<string, { row: ResonanceRow; reactions: Map<string, NarrativeResonanceCell> }>();
  for (const row of rows) {
    const entry = byNarrative.get(row.id) ?? { row, reactions: new Map() };
    byNarrative.set(row.id, entry);
    if (!row.stakeholder_id || !row.sounding_id || !row.response) continue;
    const shown = view.shows({
      kind: 'sounding',
      id: row.sounding_id,
      stakeholderId: row.stakeholder_id,
      confidential: row.confidential ?? false,
      authorId: row.author_id,
    });
    if (!shown) continue;
    entry.reactions.set(row.stakeholder_id, {
      stakeholderId: row.stakeholder_id,
      response: row.response as NarrativeResponse,
      on: row.held_on,
      soundingId: row.sounding_id,
    });
  }
  const narratives: NarrativeResonanceRow[] = [];
  for (const { row, reactions } of byNarrative.values()) {
    const cells = members.map((member) => reactions.get(member.id) ?? none(member.id));
    const resonated = cells.filter((cell) => cell.response === 'resonated').length;
    const jarred = cells.filter((cell) => cell.response === 'jarred').length;
    if (row.archived && resonated + jarred === 0) continue;
    narratives.push({ narrative: mapNarrative(row), cells, totals: { resonated, jarred, none: cells.length - resonated - jarred } });
  }
  return { members, narratives };
}
