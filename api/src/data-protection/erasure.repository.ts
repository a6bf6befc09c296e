import { Injectable } from '@nestjs/common';
import { ERASED_TEXT } from '@soundings/shared';
import { EntityManager } from 'typeorm';

/**
 * Free-text columns where people write about one another ("looks to Anna Kowalski for a steer"):
 * an erased person's name and email are replaced wherever they appear in them.
 */
const FREE_TEXT_COLUMNS: { table: string; columns: string[]; versioned: boolean; maxLength?: Record<string, number> }[] = [
  { table: 'stakeholders', columns: ['title', 'timing_notes'], versioned: true },
  {
    table: 'soundings',
    columns: ['conducted_by', 'summary', 'developmental_experience', 'benefits_seen', 'personal_cost', 'priorities_served', 'next_step'],
    versioned: true,
  },
  { table: 'fears', columns: ['statement', 'response', 'owner'], versioned: true },
  { table: 'commitment_changes', columns: ['reason'], versioned: false },
  { table: 'briefings', columns: ['brief', 'outcome'], versioned: true },
  { table: 'relationships', columns: ['note'], versioned: true },
  // A title is at most 200 characters; a replacement longer than the name must not break that rule.
  { table: 'meetings', columns: ['title', 'purpose'], versioned: true, maxLength: { title: 200 } },
  { table: 'influences', columns: ['note'], versioned: true },
  // NOT NULL, but a replacement never empties it: the marker takes the name's place.
  { table: 'champion_evidence', columns: ['evidence'], versioned: true },
  { table: 'timing_windows', columns: ['note'], versioned: true },
  // What someone else was told to expect may name the erased person ("Ana will sponsor your pilot").
  { table: 'expectations', columns: ['expectation', 'note'], versioned: true },
  // A priority's title is the function's label (and unique in it), so only the coaching link is searched.
  { table: 'priorities', columns: ['coaching_link'], versioned: true },
  { table: 'pilots', columns: ['name', 'scope'], versioned: true, maxLength: { name: 200 } },
  { table: 'pilot_proof_points', columns: ['result'], versioned: true },
  { table: 'initiatives', columns: ['title', 'description'], versioned: true, maxLength: { title: 200 } },
  // A user's saved view of the list may be named after a person, or search for one.
  { table: 'saved_views', columns: ['name', 'search'], versioned: true, maxLength: { name: 80, search: 200 } },
];

/** A PostgreSQL regular expression matching `text` literally, as a whole word (letters or digits on neither side). */
export function wholeWordPattern(text: string): string {
  const literal = text.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&');
  return `(?<![[:alnum:]_])${literal}(?![[:alnum:]_])`;
}

async function affected(manager: EntityManager, sql: string, params: unknown[]): Promise<number> {
  const [rows] = await manager.query(sql, params);
  return rows.length;
}

@Injectable()
export class ErasureRepository {
  /** The person's identifying details, their row locked until the erasure commits. */
  async lock(manager: EntityManager, id: string): Promise<{ name: string; email: string | null } | null> {
    const rows = await manager.query(`SELECT name, email FROM stakeholders WHERE id = $1 FOR UPDATE`, [id]);
    return rows[0] ?? null;
  }

  /** Keeps role, level, influence and dates (the dashboard counts them); drops who they are and where they sit. */
  async eraseDetails(manager: EntityManager, id: string, name: string, searchText: string): Promise<Date> {
    const [rows] = await manager.query(
      `UPDATE stakeholders
          SET name = $2, search_text = $3, title = NULL, email = NULL, timing_notes = NULL, reports_to_id = NULL,
              next_follow_up_on = NULL, cadence_ideal_days = NULL, cadence_max_days = NULL,
              erased_at = now(), updated_at = now(), version = version + 1
        WHERE id = $1 RETURNING erased_at`,
      [id, name, searchText],
    );
    return rows[0].erased_at;
  }

  /** People who reported to them no longer do: the reporting line would point at who they were. */
  detachReports(manager: EntityManager, id: string): Promise<number> {
    return affected(
      manager,
      `UPDATE stakeholders SET reports_to_id = NULL, updated_at = now(), version = version + 1 WHERE reports_to_id = $1 RETURNING id`,
      [id],
    );
  }

  /** Influence links with them at either end go: who they look to and who looks to them is about them. */
  deleteInfluences(manager: EntityManager, id: string): Promise<number> {
    return affected(manager, `DELETE FROM influences WHERE from_id = $1 OR to_id = $1 RETURNING id`, [id]);
  }

  /**
   * Their soundings keep date, channel, author, level and the confidential flag; the priorities and narratives
   * recorded as coming up go with the words (which priorities they care about and what jarred are notes about them).
   */
  async eraseSoundings(manager: EntityManager, id: string): Promise<number> {
    const rows: { id: string }[] = await manager.query(
      `WITH erased AS (
         UPDATE soundings
            SET summary = $2, conducted_by = NULL, developmental_experience = NULL, benefits_seen = NULL, personal_cost = NULL,
                priorities_served = NULL, next_step = NULL, follow_up_on = NULL,
                text_removed_at = now(), updated_at = now(), version = version + 1
          WHERE stakeholder_id = $1 RETURNING id
       ), priorities_gone AS (
         DELETE FROM sounding_priorities WHERE sounding_id IN (SELECT id FROM erased)
       ), narratives_gone AS (
         DELETE FROM sounding_narratives WHERE sounding_id IN (SELECT id FROM erased)
       )
       SELECT id FROM erased`,
      [id, ERASED_TEXT],
    );
    return rows.length;
  }

  /** Their fears keep category, status and dates (open fears by category stay right). */
  eraseFears(manager: EntityManager, id: string): Promise<number> {
    return affected(
      manager,
      `UPDATE fears
          SET statement = $2, response = NULL, owner = NULL,
              text_removed_at = now(), updated_at = now(), version = version + 1
        WHERE stakeholder_id = $1 RETURNING id`,
      [id, ERASED_TEXT],
    );
  }

  /** Explicit level changes keep level and date; the reason is a note about them (and must not be empty). */
  eraseLevelChangeReasons(manager: EntityManager, id: string): Promise<number> {
    return affected(manager, `UPDATE commitment_changes SET reason = $2 WHERE stakeholder_id = $1 AND reason IS NOT NULL RETURNING id`, [
      id,
      ERASED_TEXT,
    ]);
  }

  /** Briefings they give or receive stay in the plan (who, when, status); the brief and outcome concern them. */
  eraseBriefingTexts(manager: EntityManager, id: string): Promise<number> {
    return affected(
      manager,
      `UPDATE briefings SET brief = NULL, outcome = NULL, updated_at = now(), version = version + 1
        WHERE briefer_id = $1 OR audience_id = $1 RETURNING id`,
      [id],
    );
  }

  /** Evidence recorded for the champion tests about them is about them alone: it goes. */
  deleteChampionEvidence(manager: EntityManager, id: string): Promise<number> {
    return affected(manager, `DELETE FROM champion_evidence WHERE stakeholder_id = $1 RETURNING id`, [id]);
  }

  /** Their best and not-now windows say when they may be approached: about them alone, they go. */
  deleteTimingWindows(manager: EntityManager, id: string): Promise<number> {
    return affected(manager, `DELETE FROM timing_windows WHERE stakeholder_id = $1 RETURNING id`, [id]);
  }

  /** Soundings they held with others stay those people's, no longer naming them as the one who held them. */
  clearSoundingConductor(manager: EntityManager, id: string): Promise<number> {
    return affected(
      manager,
      `UPDATE soundings SET conducted_by_stakeholder_id = NULL, updated_at = now(), version = version + 1 WHERE conducted_by_stakeholder_id = $1 RETURNING id`,
      [id],
    );
  }

  /** Business priorities they owned stay the function's, without an owner. */
  releasePriorities(manager: EntityManager, id: string): Promise<number> {
    return affected(manager, `UPDATE priorities SET owner_id = NULL, updated_at = now(), version = version + 1 WHERE owner_id = $1 RETURNING id`, [id]);
  }

  /** An initiative is the organisation's: the one they owned stays, without its owner. */
  clearInitiativeOwner(manager: EntityManager, id: string): Promise<number> {
    return affected(manager, `UPDATE initiatives SET owner_id = NULL, updated_at = now(), version = version + 1 WHERE owner_id = $1 RETURNING id`, [id]);
  }

  /**
   * Their involvement in initiatives is about them alone: it goes. Nobody else's last contact moves with it, so
   * there is nothing else to recompute.
   */
  deleteInitiativeInvolvement(manager: EntityManager, id: string): Promise<number> {
    return affected(manager, `DELETE FROM initiative_people WHERE stakeholder_id = $1 RETURNING initiative_id`, [id]);
  }

  /** Relationships with them, or held by them as a champion, say who they are close to or must be kept from: deleted. */
  deleteRelationships(manager: EntityManager, id: string): Promise<number> {
    return affected(manager, `DELETE FROM relationships WHERE stakeholder_id = $1 OR holder_stakeholder_id = $1 RETURNING id`, [id]);
  }

  /** What they were told to expect is about them alone: it goes. */
  deleteExpectations(manager: EntityManager, id: string): Promise<number> {
    return affected(manager, `DELETE FROM expectations WHERE stakeholder_id = $1 RETURNING id`, [id]);
  }

  /** Expectations they told others as a champion stay with those people, no longer naming them as the teller. */
  clearExpectationTeller(manager: EntityManager, id: string): Promise<number> {
    return affected(
      manager,
      `UPDATE expectations SET told_by_stakeholder_id = NULL, updated_at = now(), version = version + 1 WHERE told_by_stakeholder_id = $1 RETURNING id`,
      [id],
    );
  }

  /** The pilots they sponsored are the organisation's: they stay, without a sponsor. */
  clearPilotSponsor(manager: EntityManager, id: string): Promise<number> {
    return affected(manager, `UPDATE pilots SET sponsor_id = NULL, updated_at = now(), version = version + 1 WHERE sponsor_id = $1 RETURNING id`, [id]);
  }

  /** That they asked for proof of a pilot, and what they were told, is about them alone: it goes. */
  deletePilotProofAsks(manager: EntityManager, id: string): Promise<number> {
    return affected(manager, `DELETE FROM pilot_askers WHERE stakeholder_id = $1 RETURNING pilot_id`, [id]);
  }

  /**
   * Replaces each of `mentions` (their full name, their email) in other records' free text. One
   * statement per table; returns how many records changed.
   */
  async removeMentions(manager: EntityManager, mentions: string[], replacement: string): Promise<number> {
    const patterns = mentions.map(wholeWordPattern);
    if (patterns.length === 0) return 0;
    const pattern = patterns.map((p) => `(?:${p})`).join('|');
    let changed = 0;
    for (const { table, columns, versioned, maxLength = {} } of FREE_TEXT_COLUMNS) {
      const sets = columns.map((column) => {
        const replaced = `regexp_replace(${column}, $1, $2, 'gi')`;
        return `${column} = ${maxLength[column] ? `left(${replaced}, ${maxLength[column]})` : replaced}`;
      });
      // A new version, so an editor holding the old text gets a conflict instead of writing it back.
      if (versioned) sets.push('updated_at = now()', 'version = version + 1');
      const where = columns.map((column) => `${column} ~* $1`).join(' OR ');
      changed += await affected(manager, `UPDATE ${table} SET ${sets.join(', ')} WHERE ${where} RETURNING 1`, [pattern, replacement]);
    }
    return changed;
  }
}
