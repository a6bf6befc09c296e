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

  /** The person's level history, oldest first. */
  async history(stakeholderId: string, manager: EntityManager = this.dataSource.manager): Promise<CommitmentChangeRow[]> {
    return manager.query(LEVEL_HISTORY_OF_PERSON, [stakeholderId]);
  }
}
