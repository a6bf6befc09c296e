import { Injectable } from '@nestjs/common';
import { RETENTION_REMOVED_TEXT } from '@soundings/shared';
import { EntityManager } from 'typeorm';

// Any fixed number: the instance holding it runs the job; the others skip it.
const RETENTION_LOCK = 7_401_127;

@Injectable()
export class RetentionRepository {
  /** Transaction-scoped: released at commit, so a crashed run never leaves it held. */
  async tryLock(manager: EntityManager): Promise<boolean> {
    const [{ locked }] = await manager.query(`SELECT pg_try_advisory_xact_lock($1) AS locked`, [RETENTION_LOCK]);
    return locked;
  }

  /** Whether the last run (by any instance) is old enough for the daily run to be due. */
  async isDue(manager: EntityManager): Promise<boolean> {
    const [{ due }] = await manager.query(
      `SELECT retention_last_run_at IS NULL OR retention_last_run_at < now() - interval '23 hours' AS due FROM settings`,
    );
    return due;
  }

  async cutoff(manager: EntityManager, months: number): Promise<string> {
    const [{ cutoff }] = await manager.query(`SELECT (org_today() - make_interval(months => $1))::date AS cutoff`, [months]);
    return cutoff;
  }

  /**
   * Soundings held before `cutoff` keep their date, channel, author and level; their words go, and with them
   * the priorities and narratives recorded as coming up (the same notes, in another form).
   */
  removeSoundingText(manager: EntityManager, cutoff: string): Promise<{ id: string; stakeholder_id: string }[]> {
    return manager.query(
      `WITH removed AS (
         UPDATE soundings
            SET summary = $2, developmental_experience = NULL, benefits_seen = NULL, personal_cost = NULL,
                priorities_served = NULL, next_step = NULL,
                text_removed_at = now(), updated_at = now(), version = version + 1
          WHERE text_removed_at IS NULL AND held_on < $1
          RETURNING id, stakeholder_id
       ), priorities_gone AS (
         DELETE FROM sounding_priorities WHERE sounding_id IN (SELECT id FROM removed)
       ), narratives_gone AS (
         DELETE FROM sounding_narratives WHERE sounding_id IN (SELECT id FROM removed)
       )
       SELECT id, stakeholder_id FROM removed`,
      [cutoff, RETENTION_REMOVED_TEXT],
    );
  }

  /** Fears voiced before `cutoff` (a sounding's fears carry its date) keep category, status and dates. */
  removeFearText(manager: EntityManager, cutoff: string): Promise<{ id: string; stakeholder_id: string }[]> {
    return this.updated(
      manager,
      `UPDATE fears
          SET statement = $2, response = NULL, text_removed_at = now(), updated_at = now(), version = version + 1
        WHERE text_removed_at IS NULL AND voiced_on < $1
        RETURNING id, stakeholder_id`,
      [cutoff, RETENTION_REMOVED_TEXT],
    );
  }

  /**
   * Champion evidence seen before `cutoff` keeps its test and date; its words go (the column is NOT NULL,
   * so they become the marker). Evidence already holding only the marker is left alone.
   */
  removeChampionEvidenceText(manager: EntityManager, cutoff: string): Promise<{ id: string; stakeholder_id: string }[]> {
    return this.updated(
      manager,
      `UPDATE champion_evidence
          SET evidence = $2, updated_at = now(), version = version + 1
        WHERE observed_on < $1 AND evidence <> $2
        RETURNING id, stakeholder_id`,
      [cutoff, RETENTION_REMOVED_TEXT],
    );
  }

  /** A relationship's note not changed since `cutoff` goes; who holds it with whom, and how well, stay. */
  removeRelationshipNotes(manager: EntityManager, cutoff: string): Promise<{ id: string; stakeholder_id: string }[]> {
    return this.updated(
      manager,
      `UPDATE relationships SET note = NULL, updated_at = now(), version = version + 1
        WHERE note IS NOT NULL AND updated_at < $1::date
        RETURNING id, stakeholder_id`,
      [cutoff],
    );
  }

  /**
   * A timing window that ended before `cutoff` keeps its kind and dates; its note (why they were busy or
   * receptive) goes, as a sounding's words do.
   */
  removeTimingWindowNotes(manager: EntityManager, cutoff: string): Promise<{ id: string; stakeholder_id: string }[]> {
    return this.updated(
      manager,
      `UPDATE timing_windows SET note = NULL, updated_at = now(), version = version + 1
        WHERE note IS NOT NULL AND ends_on < $1
        RETURNING id, stakeholder_id`,
      [cutoff],
    );
  }

  /**
   * What a person was told before `cutoff`, in words, is a note about them like a sounding of that day: it goes
   * (the column is NOT NULL, so it becomes the marker), with its note, unless someone changed the expectation
   * since then, which keeps a promise still being tracked readable. Date, teller, realism and status stay.
   */
  removeExpectationText(manager: EntityManager, cutoff: string): Promise<{ id: string; stakeholder_id: string }[]> {
    return this.updated(
      manager,
      `UPDATE expectations SET expectation = $2, note = NULL, updated_at = now(), version = version + 1
        WHERE told_on < $1 AND updated_at < $1::date AND expectation <> $2
        RETURNING id, stakeholder_id`,
      [cutoff, RETENTION_REMOVED_TEXT],
    );
  }

  private async updated(manager: EntityManager, sql: string, params: unknown[]): Promise<{ id: string; stakeholder_id: string }[]> {
    const [rows] = await manager.query(sql, params);
    return rows;
  }
}
