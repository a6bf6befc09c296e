import { Injectable } from '@nestjs/common';
import type { NarrativeReaction } from '@soundings/shared';
import { EntityManager } from 'typeorm';

/** What a sounding's links point at, as a write checks them. */
export interface LinkTargets {
  priorityIds: Set<string>;
  /** Narrative id → archived. */
  narratives: Map<string, boolean>;
}

/**
 * The listed priorities and the narratives a sounding records. Each list is written in one statement
 * whatever its length, and read inside the sounding's own row (see SOUNDING_SELECT).
 */
@Injectable()
export class SoundingLinksRepository {
  /** Which of these priorities and narratives exist, in one statement. */
  async targets(manager: EntityManager, priorityIds: readonly string[], narrativeIds: readonly string[]): Promise<LinkTargets> {
    const targets: LinkTargets = { priorityIds: new Set(), narratives: new Map() };
    if (priorityIds.length === 0 && narrativeIds.length === 0) return targets;
    const rows: { kind: 'priority' | 'narrative'; id: string; archived: boolean }[] = await manager.query(
      `SELECT 'priority' AS kind, id, false AS archived FROM priorities WHERE id = ANY($1::uuid[])
       UNION ALL
       SELECT 'narrative', id, archived FROM narratives WHERE id = ANY($2::uuid[])`,
      [priorityIds, narrativeIds],
    );
    for (const row of rows) {
      if (row.kind === 'priority') targets.priorityIds.add(row.id);
      else targets.narratives.set(row.id, row.archived);
    }
    return targets;
  }

  /** The narratives a sounding records now (an archived one may stay on it). */
  async narrativeIds(manager: EntityManager, soundingId: string): Promise<Set<string>> {
    const rows: { narrative_id: string }[] = await manager.query(`SELECT narrative_id FROM sounding_narratives WHERE sounding_id = $1`, [soundingId]);
    return new Set(rows.map((row) => row.narrative_id));
  }

  /** Makes the sounding cite exactly these priorities: one statement, none when the list is new and empty. */
  async replacePriorities(manager: EntityManager, soundingId: string, priorityIds: readonly string[], isNew: boolean): Promise<void> {
    if (isNew && priorityIds.length === 0) return;
    await manager.query(
      `WITH dropped AS (DELETE FROM sounding_priorities WHERE sounding_id = $1 AND priority_id <> ALL($2::uuid[]))
       INSERT INTO sounding_priorities (sounding_id, priority_id)
       SELECT $1, priority_id FROM unnest($2::uuid[]) AS listed(priority_id)
       ON CONFLICT DO NOTHING`,
      [soundingId, priorityIds],
    );
  }

  /** Makes the sounding record exactly these reactions: one statement, none when the list is new and empty. */
  async replaceNarratives(manager: EntityManager, soundingId: string, reactions: readonly NarrativeReaction[], isNew: boolean): Promise<void> {
    if (isNew && reactions.length === 0) return;
    await manager.query(
      `WITH dropped AS (DELETE FROM sounding_narratives WHERE sounding_id = $1 AND narrative_id <> ALL($2::uuid[]))
       INSERT INTO sounding_narratives (sounding_id, narrative_id, response)
       SELECT $1, listed.narrative_id, listed.response FROM unnest($2::uuid[], $3::text[]) AS listed(narrative_id, response)
       ON CONFLICT (sounding_id, narrative_id) DO UPDATE SET response = EXCLUDED.response`,
      [soundingId, reactions.map((reaction) => reaction.narrativeId), reactions.map((reaction) => reaction.response)],
    );
  }
}
