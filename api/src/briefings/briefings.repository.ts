import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { jsonRows, withMoments } from '../database/json-rows';
import { coalitionMemberColumns } from '../coalition/coalition-member';
import { TIMING_WINDOWS_JSON } from '../timing/timing.repository';
import type { TimingWindowDates } from '../timing/timing-concern';
import { SAME_FUNCTION_KEY } from '../priorities/priorities.repository';
import { SUGGESTED_BRIEFER_ORDER, SUGGESTED_BRIEFERS_MAX } from './briefing-suggestions';

export interface BriefingRow {
  id: string;
  briefer_id: string | null;
  briefer_is_hr: boolean;
  briefer_name: string | null;
  briefer_role: string | null;
  briefer_business_function: string | null;
  briefer_commitment: string | null;
  audience_id: string | null;
  audience_is_top_team: boolean;
  audience_name: string | null;
  audience_role: string | null;
  audience_business_function: string | null;
  audience_commitment: string | null;
  planned_for: Date;
  day: string;
  day_position: number;
  brief: string | null;
  status: string;
  outcome: string | null;
  /** The priorities the briefing names, by function and title. */
  priorities: PriorityRefRow[];
  created_at: Date;
  updated_at: Date;
  version: number;
}

export interface PriorityRefRow {
  id: string;
  business_function: string;
  title: string;
}

export interface PlanBriefingRow extends BriefingRow {
  briefer_sounded: boolean;
  audience_sounded: boolean;
  /** The people the briefer holds an `avoid` relationship with. */
  briefer_avoids: string[];
  /** The audience member's timing windows, for planned briefings to one person. */
  audience_windows: TimingWindowDates[];
  /** The priorities of the audience's business function (none for a whole-top-team briefing). */
  audience_function_priorities: PriorityRefRow[];
}

export interface TopTeamMemberRow {
  id: string;
  name: string;
  sounded: boolean;
  timing_windows: TimingWindowDates[];
}

/** The columns a briefing is stored in, for inserts and compare-and-set updates. */
export interface BriefingColumns {
  briefer_id?: string | null;
  briefer_is_hr?: boolean;
  audience_id?: string | null;
  audience_is_top_team?: boolean;
  planned_for?: string;
  brief?: string | null;
  status?: string;
  outcome?: string | null;
}

const DAY_OF = (column: string) => `(${column} AT TIME ZONE 'UTC')::date`;

/** Priorities `p` as a JSON list of refs, by function and title (an aggregate). */
const PRIORITY_REFS_AGG = `json_agg(json_build_object('id', p.id, 'business_function', p.business_function, 'title', p.title)
                  ORDER BY lower(p.business_function), lower(p.title), p.id)`;

/** Priorities matching `where` (over priorities `p`) as a JSON list of refs, by function and title. */
const PRIORITY_REFS = (from: string, where: string) => `coalesce((
  SELECT ${PRIORITY_REFS_AGG}
    FROM ${from} WHERE ${where}), '[]'::json)`;

/** A briefing's columns, with `priorities` the SQL of the JSON list of the priorities it names. */
const briefingSelect = (priorities: string) => `
  SELECT b.id, b.briefer_id, b.briefer_is_hr, br.name AS briefer_name, br.role AS briefer_role,
         br.business_function AS briefer_business_function, br.commitment AS briefer_commitment,
         b.audience_id, b.audience_is_top_team, au.name AS audience_name, au.role AS audience_role,
         au.business_function AS audience_business_function, au.commitment AS audience_commitment,
         b.planned_for, to_char(${DAY_OF('b.planned_for')}, 'YYYY-MM-DD') AS day, b.day_position,
         b.brief, b.status, b.outcome,
         ${priorities} AS priorities,
         b.created_at, b.updated_at, b.version`;
const BRIEFING_SELECT = briefingSelect(PRIORITY_REFS('briefing_priorities bp JOIN priorities p ON p.id = bp.priority_id', 'bp.briefing_id = b.id'));
const BRIEFING_FROM = `FROM briefings b LEFT JOIN stakeholders br ON br.id = b.briefer_id LEFT JOIN stakeholders au ON au.id = b.audience_id`;

/** Plan order: by day, then the day's manual order, then the clock, then entry. */
export const PLAN_ORDER = `${DAY_OF('b.planned_for')}, b.day_position, b.planned_for, b.created_at, b.id`;

/**
 * A briefing added to (or moved into) a day someone has already put in order goes last in it;
 * while the day has no manual order it simply follows the clock.
 */
const POSITION_IN_DAY = (plannedForParam: string, exceptIdParam?: string) =>
  `(SELECT CASE WHEN max(day_position) > 0 THEN max(day_position) + 1 ELSE 0 END
      FROM briefings WHERE ${DAY_OF('planned_for')} = ${DAY_OF(`${plannedForParam}::timestamptz`)}
      ${exceptIdParam ? `AND id <> ${exceptIdParam}` : ''})`;

/** Briefings a person gives or receives; one to the whole top team reaches every member but its briefer. */
const GIVEN_OR_RECEIVED_BY = (param: string) =>
  `(b.briefer_id = ${param} OR b.audience_id = ${param}
    OR (b.audience_is_top_team AND b.briefer_id IS DISTINCT FROM ${param}
        AND EXISTS (SELECT 1 FROM stakeholders s WHERE s.id = ${param} AND s.role = 'top_team')))`;

/** Done briefings with an outcome the person (`$1`) gave or received, in plan order. */
export const DONE_BRIEFINGS_OF_PERSON = `${BRIEFING_SELECT} ${BRIEFING_FROM}
  WHERE b.status = 'done' AND b.outcome IS NOT NULL AND ${GIVEN_OR_RECEIVED_BY('$1')}
  ORDER BY ${PLAN_ORDER}`;

/** The timestamp columns of a briefing row, for rows read back from JSON. */
export const BRIEFING_MOMENTS = ['planned_for', 'created_at', 'updated_at'] as const;

/**
 * Every briefing in plan order, with whether its briefer and audience have ever been sounded, whom the
 * briefer must avoid, and for a planned one the audience's timing windows and their function's priorities.
 */
const PLAN_BRIEFINGS = `${briefingSelect(`coalesce(named.priorities, '[]'::json)`)},
              EXISTS (SELECT 1 FROM soundings so WHERE so.stakeholder_id = b.briefer_id) AS briefer_sounded,
              EXISTS (SELECT 1 FROM soundings so WHERE so.stakeholder_id = b.audience_id) AS audience_sounded,
              CASE WHEN b.status = 'planned' THEN ARRAY(SELECT r.stakeholder_id::text FROM relationships r
                     WHERE r.holder_stakeholder_id = b.briefer_id AND r.quality = 'avoid') ELSE '{}'::text[] END AS briefer_avoids,
              CASE WHEN b.status = 'planned' THEN ${TIMING_WINDOWS_JSON('b.audience_id')} ELSE '[]'::json END AS audience_windows,
              coalesce(CASE WHEN b.status = 'planned' THEN by_function.priorities END, '[]'::json) AS audience_function_priorities
         ${BRIEFING_FROM}
         -- Every briefing is on the plan, so the priorities are gathered once for all of them and joined, rather
         -- than looked up briefing by briefing; only planned ones look up whom to avoid and when to approach.
         LEFT JOIN (SELECT bp.briefing_id, ${PRIORITY_REFS_AGG} AS priorities
                      FROM briefing_priorities bp JOIN priorities p ON p.id = bp.priority_id GROUP BY bp.briefing_id) named ON named.briefing_id = b.id
         LEFT JOIN (SELECT ${SAME_FUNCTION_KEY('p.business_function')} AS business_function, ${PRIORITY_REFS_AGG} AS priorities
                      FROM priorities p GROUP BY 1) by_function ON by_function.business_function = ${SAME_FUNCTION_KEY('au.business_function')}
        ORDER BY ${PLAN_ORDER}`;

/** The top team by name, each with whether they have ever been sounded one to one. */
const TOP_TEAM = `SELECT s.id, s.name, EXISTS (SELECT 1 FROM soundings so WHERE so.stakeholder_id = s.id) AS sounded,
              ${TIMING_WINDOWS_JSON('s.id')} AS timing_windows
         FROM stakeholders s WHERE s.role = 'top_team' ORDER BY lower(s.name), s.id`;

@Injectable()
export class BriefingsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insert(manager: EntityManager, columns: BriefingColumns): Promise<string> {
    const entries = Object.entries(columns).filter(([, value]) => value !== undefined);
    const values = entries.map(([, value]) => value);
    const plannedFor = `$${entries.findIndex(([column]) => column === 'planned_for') + 1}`;
    const rows = await manager.query(
      `INSERT INTO briefings (${[...entries.map(([column]) => column), 'day_position'].join(', ')})
       VALUES (${[...values.map((_, i) => `$${i + 1}`), POSITION_IN_DAY(plannedFor)].join(', ')}) RETURNING id`,
      values,
    );
    return rows[0].id;
  }

  async findById(id: string, manager: EntityManager = this.dataSource.manager): Promise<BriefingRow | null> {
    const rows = await manager.query(`${BRIEFING_SELECT} ${BRIEFING_FROM} WHERE b.id = $1`, [id]);
    return rows[0] ?? null;
  }

  async list(filter: { status?: string; stakeholderId?: string }, page: number, pageSize: number): Promise<{ rows: BriefingRow[]; total: number }> {
    const clauses: string[] = [];
    const params: unknown[] = [];
    if (filter.status) clauses.push(`b.status = $${params.push(filter.status)}`);
    if (filter.stakeholderId) clauses.push(GIVEN_OR_RECEIVED_BY(`$${params.push(filter.stakeholderId)}`));
    const whereSql = clauses.length ? `WHERE ${clauses.join(' AND ')}` : '';
    const rows: (BriefingRow & { total: number })[] = await this.dataSource.query(
      `${BRIEFING_SELECT}, (SELECT count(*) FROM briefings b ${whereSql}) AS total ${BRIEFING_FROM} ${whereSql}
        ORDER BY ${PLAN_ORDER} LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, pageSize, (page - 1) * pageSize],
    );
    if (rows.length > 0 || page === 1) return { rows, total: rows[0]?.total ?? 0 };
    const [{ total }] = await this.dataSource.query(`SELECT count(*) AS total FROM briefings b ${whereSql}`, params);
    return { rows, total };
  }

  /**
   * The whole plan in one statement: every briefing in plan order, and the top team by name (who is
   * sounded, and their timing windows).
   */
  async plan(): Promise<{ briefings: PlanBriefingRow[]; topTeam: TopTeamMemberRow[] }> {
    const [row]: { briefings: PlanBriefingRow[]; top_team: TopTeamMemberRow[] }[] = await this.dataSource.query(
      `SELECT ${jsonRows(PLAN_BRIEFINGS)} AS briefings, ${jsonRows(TOP_TEAM)} AS top_team`,
    );
    return { briefings: withMoments<PlanBriefingRow>(row.briefings, BRIEFING_MOMENTS), topTeam: row.top_team };
  }


  /** The person to be briefed, as the coalition views show them, and whether they were erased. */
  async audienceOf(id: string): Promise<(Record<string, unknown> & { erased: boolean }) | null> {
    const rows = await this.dataSource.query(`SELECT ${coalitionMemberColumns('s', 'audience')}, s.erased_at IS NOT NULL AS erased FROM stakeholders s WHERE s.id = $1`, [id]);
    return rows[0] ?? null;
  }

  /**
   * People who could brief this person, best first (SUGGESTED_BRIEFER_ORDER), with their relationship with
   * them and whether they share a business function. Never the person themselves, nor anyone erased,
   * resistant, from HR (HR presents as HR, not as a champion) or holding an `avoid` relationship with them.
   */
  async suggestedBriefers(audienceId: string): Promise<(Record<string, unknown> & { relationship: string | null; same_function: boolean })[]> {
    return this.dataSource.query(
      `SELECT ${coalitionMemberColumns('c', 'person')}, r.quality AS relationship,
              coalesce(lower(btrim(c.business_function)) = lower(btrim(a.business_function)), false) AS same_function
         FROM stakeholders c
         CROSS JOIN (SELECT business_function FROM stakeholders WHERE id = $1) a
         LEFT JOIN relationships r ON r.holder_stakeholder_id = c.id AND r.stakeholder_id = $1
        WHERE c.id <> $1 AND c.erased_at IS NULL AND c.commitment <> 'resistant' AND c.role <> 'hr'
          AND r.quality IS DISTINCT FROM 'avoid'
        ORDER BY ${SUGGESTED_BRIEFER_ORDER}
        LIMIT ${SUGGESTED_BRIEFERS_MAX}`,
      [audienceId],
    );
  }

  /** Every briefing this person gives or receives, in plan order (for their subject-access export). */
  async givenOrReceivedBy(stakeholderId: string): Promise<BriefingRow[]> {
    return this.dataSource.query(`${BRIEFING_SELECT} ${BRIEFING_FROM} WHERE b.briefer_id = $1 OR b.audience_id = $1 ORDER BY ${PLAN_ORDER}`, [
      stakeholderId,
    ]);
  }

  /** Roles of the named stakeholders that exist, to check a briefer and an audience in one statement. */
  async rolesOf(ids: string[], manager: EntityManager): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const rows: { id: string; role: string }[] = await manager.query(`SELECT id, role FROM stakeholders WHERE id = ANY($1::uuid[])`, [ids]);
    return new Map(rows.map((row) => [row.id, row.role]));
  }

  /**
   * Compare-and-set update. A briefing moved to another day goes last in that day's manual order.
   * Returns false when no row matched (missing, or changed since).
   */
  async updateIfVersion(manager: EntityManager, id: string, version: number, columns: BriefingColumns, movesDay: boolean): Promise<boolean> {
    const params: unknown[] = [id, version];
    const sets = Object.entries(columns)
      .filter(([, value]) => value !== undefined)
      .map(([column, value]) => `${column} = $${params.push(value)}`);
    if (movesDay && columns.planned_for) sets.push(`day_position = ${POSITION_IN_DAY(`$${params.push(columns.planned_for)}`, '$1')}`);
    const result = await manager.query(
      `UPDATE briefings SET ${[...sets, 'updated_at = now()', 'version = version + 1'].join(', ')}
        WHERE id = $1 AND version = $2 RETURNING id`,
      params,
    );
    return result[0].length > 0;
  }

  /** The briefing names exactly these priorities from now on. */
  async setPriorities(manager: EntityManager, briefingId: string, priorityIds: string[]): Promise<void> {
    await manager.query(`DELETE FROM briefing_priorities WHERE briefing_id = $1 AND NOT (priority_id = ANY($2::uuid[]))`, [briefingId, priorityIds]);
    await manager.query(
      `INSERT INTO briefing_priorities (briefing_id, priority_id) SELECT $1, unnest($2::uuid[]) ON CONFLICT DO NOTHING`,
      [briefingId, priorityIds],
    );
  }

  async delete(manager: EntityManager, id: string): Promise<BriefingRow | null> {
    const row = await this.findById(id, manager);
    if (!row) return null;
    await manager.query(`DELETE FROM briefings WHERE id = $1`, [id]);
    return row;
  }

  /** The ids of one day's briefings in plan order, locked until the transaction ends. */
  async lockDay(manager: EntityManager, day: string): Promise<string[]> {
    const rows: { id: string }[] = await manager.query(
      `SELECT b.id FROM briefings b WHERE ${DAY_OF('b.planned_for')} = $1::date ORDER BY ${PLAN_ORDER} FOR UPDATE`,
      [day],
    );
    return rows.map((row) => row.id);
  }

  /** Positions 1..n in the given order; only rows whose position changes get a new version. */
  async setDayOrder(manager: EntityManager, briefingIds: string[]): Promise<void> {
    await manager.query(
      `UPDATE briefings b SET day_position = o.position, updated_at = now(), version = b.version + 1
         FROM unnest($1::uuid[]) WITH ORDINALITY AS o(id, position)
        WHERE b.id = o.id AND b.day_position <> o.position`,
      [briefingIds],
    );
  }

  async forDay(manager: EntityManager, day: string): Promise<BriefingRow[]> {
    return manager.query(`${BRIEFING_SELECT} ${BRIEFING_FROM} WHERE ${DAY_OF('b.planned_for')} = $1::date ORDER BY ${PLAN_ORDER}`, [day]);
  }
}
