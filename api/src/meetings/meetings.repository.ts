import { Injectable } from '@nestjs/common';
import { COMMITMENT_LEVELS, isOnBoard, REPORTING_LINE_STRENGTH, SWAYING_INFLUENCE_KINDS } from '@soundings/shared';
import { InjectDataSource } from '@nestjs/typeorm';
import { jsonRows } from '../database/json-rows';
import { DataSource, EntityManager } from 'typeorm';
import { TIMING_WINDOWS_JSON } from '../timing/timing.repository';
import type { TimingWindowDates } from '../timing/timing-concern';
import { cadenceSql, ORG_TODAY } from '../cadence/cadence-sql';

const CADENCE = cadenceSql('s');
const ON_BOARD_LEVELS = COMMITMENT_LEVELS.filter(isOnBoard);

export interface MeetingRow {
  id: string;
  title: string;
  scheduled_for: Date;
  day: string;
  purpose: string | null;
  attendee_count: number;
  created_at: Date;
  updated_at: Date;
  version: number;
}

export interface MeetingListRow extends MeetingRow {
  on_board: string;
  at_required: string;
  with_required: string;
  not_sounded: string;
  resistant: string;
}

export interface MeetingAttendeeRow {
  id: string;
  name: string;
  role: string;
  commitment: string;
  spoke_for: boolean;
}

export interface ReadinessAttendeeRow {
  id: string;
  name: string;
  title: string | null;
  role: string;
  business_function: string | null;
  influence: number | null;
  commitment: string;
  required_commitment: string | null;
  last_contact_at: string | null;
  /** Their cadence (their own, else their role's) and the organisation's today, for cooling by the meeting's day. */
  contact_ideal_days: number;
  contact_max_days: number;
  today: string;
  spoke_for: boolean;
  sounded_before: boolean;
  /** Everyone they look to (swaying links from them, and their manager), erased people left out. */
  looks_to: LooksToCandidateRow[];
  /** Their timing windows, by start. */
  timing_windows: TimingWindowDates[];
  /** What they were told to expect that is still open or at risk, oldest first. */
  expectations: ReadinessExpectationRow[];
}

export interface ReadinessExpectationRow {
  id: string;
  expectation: string;
  told_on: string;
  teller_name: string | null;
  realistic: boolean;
  status: string;
}

export interface LooksToCandidateRow {
  id: string;
  name: string;
  commitment: string;
  strength: number;
  attending: boolean;
}

export interface ReadinessFearRow {
  id: string;
  stakeholder_id: string;
  statement: string;
  category: string;
  status: string;
  voiced_on: string;
  confidential: boolean;
  author_id: string | null;
}

export interface MeetingColumns {
  title?: string;
  scheduled_for?: string;
  purpose?: string | null;
}

const MEETING_SELECT = `
  SELECT m.id, m.title, m.scheduled_for, to_char((m.scheduled_for AT TIME ZONE 'UTC')::date, 'YYYY-MM-DD') AS day, m.purpose,
         (SELECT count(*) FROM meeting_attendees a WHERE a.meeting_id = m.id) AS attendee_count,
         m.created_at, m.updated_at, m.version
    FROM meetings m`;

/** What readiness is built from. */
export interface ReadinessRows {
  meeting: MeetingRow;
  attendees: ReadinessAttendeeRow[];
  fears: ReadinessFearRow[];
}

// The product's own constants, written in: the meeting is the statement's only parameter, so PostgreSQL can keep
// one plan for it instead of planning every request afresh.
const SWAYING_KINDS = SWAYING_INFLUENCE_KINDS.map((kind) => `'${kind}'`).join(', ');

/**
 * Every attendee with what readiness needs, in one statement whatever their number: level, last
 * contact, whether sounded one to one on or before the meeting's day, and everyone they look to
 * (swaying links and the person they report to) with whether that person is in the room, and what they
 * were told to expect that is still open or at risk.
 */
const READINESS_ATTENDEES = `SELECT s.id, s.name, s.title, s.role, s.business_function, s.influence, s.commitment, s.required_commitment, s.last_contact_at, a.spoke_for,
              ${CADENCE.columns}, to_char(${ORG_TODAY}, 'YYYY-MM-DD') AS today,
              EXISTS (SELECT 1 FROM soundings so
                       WHERE so.stakeholder_id = s.id AND so.held_on <= (mt.scheduled_for AT TIME ZONE 'UTC')::date) AS sounded_before,
              coalesce((
                SELECT json_agg(json_build_object('id', p.id, 'name', p.name, 'commitment', p.commitment, 'strength', sway.strength,
                                                  'attending', EXISTS (SELECT 1 FROM meeting_attendees there
                                                                        WHERE there.meeting_id = a.meeting_id AND there.stakeholder_id = p.id)))
                  FROM (SELECT i.to_id AS person_id, i.strength::int AS strength FROM influences i
                         WHERE i.from_id = s.id AND i.kind IN (${SWAYING_KINDS})
                        UNION ALL
                        SELECT s.reports_to_id, ${Number(REPORTING_LINE_STRENGTH)} WHERE s.reports_to_id IS NOT NULL) sway
                  JOIN stakeholders p ON p.id = sway.person_id AND p.erased_at IS NULL
              ), '[]'::json) AS looks_to,
              ${TIMING_WINDOWS_JSON('s.id')} AS timing_windows,
              coalesce((
                SELECT json_agg(json_build_object('id', e.id, 'expectation', e.expectation, 'told_on', e.told_on, 'realistic', e.realistic,
                                                  'status', e.status,
                                                  'teller_name', coalesce(teller.name, nullif(btrim(account.display_name), ''), account.email))
                                ORDER BY e.told_on, e.created_at, e.id)
                  FROM expectations e
                  LEFT JOIN stakeholders teller ON teller.id = e.told_by_stakeholder_id
                  LEFT JOIN users account ON account.id = e.told_by_user_id
                 WHERE e.stakeholder_id = s.id AND e.status IN ('open', 'at_risk')
              ), '[]'::json) AS expectations
         FROM meeting_attendees a
         JOIN meetings mt ON mt.id = a.meeting_id
         JOIN stakeholders s ON s.id = a.stakeholder_id
        WHERE a.meeting_id = meeting.id
        ORDER BY lower(s.name), s.id`;

/** The attendees' fears not yet resolved, oldest first, with what confidentiality needs (of the outer row `meeting`). */
const READINESS_OPEN_FEARS = `SELECT f.id, f.stakeholder_id, f.statement, f.category, f.status, f.voiced_on,
              coalesce(so.confidential, false) AS confidential, so.author_id
         FROM meeting_attendees a
         JOIN fears f ON f.stakeholder_id = a.stakeholder_id AND f.status <> 'resolved'
         LEFT JOIN soundings so ON so.id = f.sounding_id
        WHERE a.meeting_id = meeting.id
        ORDER BY f.voiced_on, f.created_at, f.id`;

@Injectable()
export class MeetingsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insert(manager: EntityManager, columns: Required<MeetingColumns>): Promise<string> {
    const rows = await manager.query(`INSERT INTO meetings (title, scheduled_for, purpose) VALUES ($1, $2, $3) RETURNING id`, [
      columns.title,
      columns.scheduled_for,
      columns.purpose,
    ]);
    return rows[0].id;
  }

  async findById(id: string, manager: EntityManager = this.dataSource.manager): Promise<MeetingRow | null> {
    const rows = await manager.query(`${MEETING_SELECT} WHERE m.id = $1`, [id]);
    return rows[0] ?? null;
  }

  /** Locks the meeting for the rest of the transaction, so attendee changes and spoke-for records serialise. */
  async lock(manager: EntityManager, id: string): Promise<{ title: string; day: string; version: number } | null> {
    const rows = await manager.query(
      `SELECT title, to_char((scheduled_for AT TIME ZONE 'UTC')::date, 'YYYY-MM-DD') AS day, version FROM meetings WHERE id = $1 FOR UPDATE`,
      [id],
    );
    return rows[0] ?? null;
  }

  /**
   * A page of meetings, newest first, each with its room's readiness counted in the same statement: the
   * counts run once per meeting on the page (after the sort and limit), over its attendees only.
   * Never sounded means no sounding on or before the meeting's day, as the meeting's own readiness says.
   */
  async list(page: number, pageSize: number): Promise<{ rows: MeetingListRow[]; total: number }> {
    const rows: (MeetingListRow & { total: number })[] = await this.dataSource.query(
      `SELECT page.*, room.*
         FROM (${MEETING_SELECT.replace('m.version', 'm.version, (SELECT count(*) FROM meetings) AS total')}
                ORDER BY m.scheduled_for DESC, m.created_at DESC, m.id LIMIT $1 OFFSET $2) page
         CROSS JOIN LATERAL (
           SELECT count(*) FILTER (WHERE s.commitment = ANY($3::text[])) AS on_board,
                  count(*) FILTER (WHERE s.required_commitment IS NOT NULL AND s.required_commitment <> 'resistant') AS with_required,
                  count(*) FILTER (WHERE s.required_commitment IS NOT NULL AND s.required_commitment <> 'resistant'
                                     AND commitment_gap(s.commitment, s.required_commitment) = 0 AND s.commitment <> 'resistant') AS at_required,
                  count(*) FILTER (WHERE NOT EXISTS (SELECT 1 FROM soundings so
                                                      WHERE so.stakeholder_id = s.id AND so.held_on <= page.day::date)) AS not_sounded,
                  count(*) FILTER (WHERE s.commitment = 'resistant') AS resistant
             FROM meeting_attendees a JOIN stakeholders s ON s.id = a.stakeholder_id
            WHERE a.meeting_id = page.id
         ) room
        ORDER BY page.scheduled_for DESC, page.created_at DESC, page.id`,
      [pageSize, (page - 1) * pageSize, ON_BOARD_LEVELS],
    );
    if (rows.length > 0 || page === 1) return { rows, total: rows[0]?.total ?? 0 };
    const [{ total }] = await this.dataSource.query(`SELECT count(*) AS total FROM meetings`);
    return { rows, total };
  }

  async attendees(meetingId: string, manager: EntityManager = this.dataSource.manager): Promise<MeetingAttendeeRow[]> {
    return manager.query(
      `SELECT s.id, s.name, s.role, s.commitment, a.spoke_for
         FROM meeting_attendees a JOIN stakeholders s ON s.id = a.stakeholder_id
        WHERE a.meeting_id = $1 ORDER BY lower(s.name), s.id`,
      [meetingId],
    );
  }

  /** The meetings this person is invited to, newest first, with whether they spoke for it (for their export). */
  async attendedBy(stakeholderId: string): Promise<(MeetingRow & { spoke_for: boolean })[]> {
    return this.dataSource.query(
      `${MEETING_SELECT.replace('m.version', 'm.version, own.spoke_for')}
         JOIN meeting_attendees own ON own.meeting_id = m.id AND own.stakeholder_id = $1
        ORDER BY m.scheduled_for DESC, m.created_at DESC, m.id`,
      [stakeholderId],
    );
  }

  /** Which of these ids are stakeholders; one statement for any number. */
  async existingStakeholders(manager: EntityManager, ids: string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const rows: { id: string }[] = await manager.query(`SELECT id FROM stakeholders WHERE id = ANY($1::uuid[])`, [ids]);
    return new Set(rows.map((row) => row.id));
  }

  /** Makes the attendee list exactly `ids`, keeping what was recorded about those who stay. Two statements. */
  async replaceAttendees(manager: EntityManager, meetingId: string, ids: string[]): Promise<{ added: string[]; removed: string[] }> {
    const [removed] = await manager.query(
      `DELETE FROM meeting_attendees WHERE meeting_id = $1 AND stakeholder_id <> ALL($2::uuid[]) RETURNING stakeholder_id`,
      [meetingId, ids],
    );
    const added: { stakeholder_id: string }[] =
      ids.length === 0
        ? []
        : await manager.query(
            `INSERT INTO meeting_attendees (meeting_id, stakeholder_id)
             SELECT $1, id FROM unnest($2::uuid[]) AS id
             ON CONFLICT (meeting_id, stakeholder_id) DO NOTHING RETURNING stakeholder_id`,
            [meetingId, ids],
          );
    return {
      added: added.map((row) => row.stakeholder_id).sort(),
      removed: (removed as { stakeholder_id: string }[]).map((row) => row.stakeholder_id).sort(),
    };
  }

  async updateIfVersion(manager: EntityManager, id: string, version: number, columns: MeetingColumns): Promise<boolean> {
    const params: unknown[] = [id, version];
    const sets = Object.entries(columns)
      .filter(([, value]) => value !== undefined)
      .map(([column, value]) => `${column} = $${params.push(value)}`);
    const result = await manager.query(
      `UPDATE meetings SET ${[...sets, 'updated_at = now()', 'version = version + 1'].join(', ')}
        WHERE id = $1 AND version = $2 RETURNING id`,
      params,
    );
    return result[0].length > 0;
  }

  async delete(manager: EntityManager, id: string): Promise<MeetingRow | null> {
    const row = await this.findById(id, manager);
    if (!row) return null;
    await manager.query(`DELETE FROM meetings WHERE id = $1`, [id]);
    return row;
  }

  /**
   * The meeting with its attendees and their open fears, in one statement whatever the number of
   * attendees; null when there is no such meeting.
   */
  async readiness(meetingId: string): Promise<ReadinessRows | null> {
    // The attendees are found through the outer row, not `$1`: a plan for one meeting's id was no better than the
    // plan for any meeting, yet PostgreSQL kept planning each request afresh to find that out (1.6 ms of 4.6).
    const rows: (MeetingRow & { readiness_attendees: ReadinessAttendeeRow[]; readiness_fears: ReadinessFearRow[] })[] = await this.dataSource.query(
      `SELECT meeting.*, ${jsonRows(READINESS_ATTENDEES)} AS readiness_attendees, ${jsonRows(READINESS_OPEN_FEARS)} AS readiness_fears
         FROM (${MEETING_SELECT} WHERE m.id = $1) meeting`,
      [meetingId],
    );
    if (rows.length === 0) return null;
    const { readiness_attendees: attendees, readiness_fears: fears, ...meeting } = rows[0];
    return { meeting, attendees, fears };
  }

  /** The named attendees of a meeting, locked; ids that are not attendees are simply absent. */
  async lockAttendees(manager: EntityManager, meetingId: string, ids: string[]): Promise<{ stakeholder_id: string; spoke_for: boolean }[]> {
    return manager.query(
      `SELECT stakeholder_id, spoke_for FROM meeting_attendees
        WHERE meeting_id = $1 AND stakeholder_id = ANY($2::uuid[]) ORDER BY stakeholder_id FOR UPDATE`,
      [meetingId, ids],
    );
  }

  async markSpokeFor(manager: EntityManager, meetingId: string, ids: string[]): Promise<void> {
    await manager.query(`UPDATE meeting_attendees SET spoke_for = true WHERE meeting_id = $1 AND stakeholder_id = ANY($2::uuid[])`, [
      meetingId,
      ids,
    ]);
  }
}
