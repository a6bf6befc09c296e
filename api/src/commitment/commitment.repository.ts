import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { LastContactRepository } from '../cadence/last-contact.repository';

export interface CommitmentChangeRow {
  id: string;
  stakeholder_id: string;
  to_level: string;
  changed_on: string;
  reason: string | null;
  sounding_id: string | null;
  created_at: Date;
}

/** The person's (`$1`) level history, oldest first. */
export const LEVEL_HISTORY_OF_PERSON = `SELECT id, stakeholder_id, to_level, changed_on, reason, sounding_id, created_at
  FROM commitment_changes WHERE stakeholder_id = $1 ORDER BY changed_on, created_at`;

/** The timestamp columns of a level change, for rows read back from JSON. */
export const LEVEL_CHANGE_MOMENTS = ['created_at'] as const;
/**
 * The CTEs that extend a person's derivation from one new sounding, read from the CTE (or table
 * expression) `fresh` (its id, stakeholder_id, held_on, created_at, commitment_after, follow_up_on).
 * Exposes `verdict(latest)`: false, changing nothing, when evidence is dated after it. Evidence tied with
 * the new sounding on date and entry time counts as later, so a tie always takes the full rebuild's order
 * rather than guessing it. The person's row is left alone when nothing on it changes (one dead tuple fewer).
 */
export function latestSoundingCtes(fresh: string): string {
  return `
  verdict AS (
    SELECT NOT EXISTS (SELECT 1 FROM soundings o WHERE o.stakeholder_id = f.stakeholder_id AND o.id <> f.id
                          AND (o.held_on, o.created_at) >= (f.held_on, f.created_at))
       AND NOT EXISTS (SELECT 1 FROM commitment_changes c WHERE c.stakeholder_id = f.stakeholder_id AND c.sounding_id IS NULL
                          AND (c.changed_on, c.created_at) >= (f.held_on, f.created_at)) AS latest,
           coalesce(previous.to_level, 'not_sounded') AS previous_level,
           CASE WHEN f.commitment_after <> coalesce(previous.to_level, 'not_sounded') THEN f.held_on ELSE previous.changed_on END AS since,
           f.id, f.stakeholder_id, f.held_on, f.created_at, f.commitment_after, f.follow_up_on
      FROM ${fresh} f
      LEFT JOIN LATERAL (SELECT c.to_level, c.changed_on FROM commitment_changes c WHERE c.stakeholder_id = f.stakeholder_id
                          ORDER BY c.changed_on DESC, c.created_at DESC LIMIT 1) previous ON true
  ),
  appended AS (
    INSERT INTO commitment_changes (stakeholder_id, to_level, changed_on, sounding_id, created_at)
    SELECT stakeholder_id, commitment_after, held_on, id, created_at FROM verdict WHERE latest AND commitment_after <> previous_level
    RETURNING id
  ),
  person AS (
    UPDATE stakeholders s
       SET (commitment, commitment_since, next_follow_up_on, last_contact_at) = (v.commitment_after, v.since, v.follow_up_on, v.last_contact)
      FROM (SELECT verdict.*, CASE WHEN held_on <= org_today() THEN greatest(s0.last_contact_at, held_on) ELSE s0.last_contact_at END AS last_contact
              FROM verdict JOIN stakeholders s0 ON s0.id = verdict.stakeholder_id) v
     WHERE v.latest AND s.id = v.stakeholder_id
       AND (s.commitment, s.commitment_since, s.next_follow_up_on, s.last_contact_at)
           IS DISTINCT FROM (v.commitment_after, v.since, v.follow_up_on, v.last_contact)
    RETURNING s.id
  )`;
}

/** `$1`: the new sounding's id, already inserted. */
const APPEND_LATEST_SOUNDING = `WITH fresh AS (SELECT * FROM soundings WHERE id = $1), ${latestSoundingCtes('fresh')}`;

@Injectable()
export class CommitmentRepository {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly lastContact: LastContactRepository,
  ) {}

  async insertExplicitChange(
    manager: EntityManager,
    change: { stakeholderId: string; level: string; on: string; reason: string },
  ): Promise<string> {
    const rows = await manager.query(
      `INSERT INTO commitment_changes (stakeholder_id, to_level, changed_on, reason) VALUES ($1, $2, $3, $4) RETURNING id`,
      [change.stakeholderId, change.level, change.on, change.reason],
    );
    return rows[0].id;
  }

  /**
   * Re-derives a person's level history from the evidence and stores the result on the person.
   *
   * Evidence is every sounding plus every explicit change, in date order (ties by entry time). A
   * sounding adds a history row only where it moved the level. Rebuilding the sounding-derived rows
   * on each write keeps the history right when a note is back-filled or its date corrected; the
   * latest evidence by date sets the current level, so a back-filled older note never moves it.
   * Call inside a transaction that holds the person's row lock.
   */
  async rebuildFromEvidence(manager: EntityManager, stakeholderId: string): Promise<void> {
    await manager.query(`DELETE FROM commitment_changes WHERE stakeholder_id = $1 AND sounding_id IS NOT NULL`, [stakeholderId]);
    await manager.query(
      `INSERT INTO commitment_changes (stakeholder_id, to_level, changed_on, sounding_id, created_at)
       SELECT $1, level, on_date, sounding_id, created_at
         FROM (
           SELECT sounding_id, level, on_date, created_at,
                  lag(level, 1, 'not_sounded') OVER (ORDER BY on_date, created_at) AS previous_level
             FROM (
               SELECT id AS sounding_id, commitment_after AS level, held_on AS on_date, created_at
                 FROM soundings WHERE stakeholder_id = $1
               UNION ALL
               SELECT NULL, to_level, changed_on, created_at
                 FROM commitment_changes WHERE stakeholder_id = $1 AND sounding_id IS NULL
             ) evidence
         ) walked
        WHERE sounding_id IS NOT NULL AND level <> previous_level`,
      [stakeholderId],
    );
    await manager.query(
      `UPDATE stakeholders s
          SET commitment = coalesce(latest_change.to_level, 'not_sounded'),
              commitment_since = latest_change.changed_on,
              next_follow_up_on = latest_sounding.follow_up_on
         FROM (SELECT 1) anchor
         LEFT JOIN LATERAL (
           SELECT to_level, changed_on FROM commitment_changes
            WHERE stakeholder_id = $1 ORDER BY changed_on DESC, created_at DESC LIMIT 1
         ) latest_change ON true
         LEFT JOIN LATERAL (
           SELECT held_on, follow_up_on FROM soundings
            WHERE stakeholder_id = $1 ORDER BY held_on DESC, created_at DESC LIMIT 1
         ) latest_sounding ON true
        WHERE s.id = $1`,
      [stakeholderId],
    );
    // A sounding is one kind of contact among several: last contact is the latest of any kind.
    await this.lastContact.refresh(manager, [stakeholderId]);
  }

  /**
   * The usual write: a new sounding that is the person's latest evidence by date (ties by entry time)
   * can only extend the history, so it adds one row where it moves the level and sets the current level,
   * follow-up and last contact from itself, without walking the person's whole history. Returns false,
   * having changed nothing, when some evidence is dated after it (a back-filled note): the caller then
   * rebuilds. One statement; call it in the transaction that inserted the sounding and holds the row lock.
   */
  async appendLatestSounding(manager: EntityManager, soundingId: string): Promise<boolean> {
    const rows: { latest: boolean }[] = await manager.query(`${APPEND_LATEST_SOUNDING} SELECT latest FROM verdict`, [soundingId]);
    return rows[0]?.latest === true;
  }

  /** The person's level history, oldest first. */
  async history(stakeholderId: string, manager: EntityManager = this.dataSource.manager): Promise<CommitmentChangeRow[]> {
    return manager.query(LEVEL_HISTORY_OF_PERSON, [stakeholderId]);
  }
}
