import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { COMMITMENT_PATH } from '@soundings/shared';
import { DataSource } from 'typeorm';
import type { CoalitionMemberRow } from '../coalition/coalition-member';

const PATH = `ARRAY[${COMMITMENT_PATH.map((level) => `'${level}'`).join(', ')}]::text[]`;
/** `ladderRank()` in SQL: the position on the path, -1 for resistant. */
const rank = (level: string) => `(coalesce(array_position(${PATH}, ${level}), 0) - 1)`;
/** `isOnBoard()` in SQL. */
const onBoard = (level: string) => `(${rank(level)} >= ${COMMITMENT_PATH.indexOf('supportive')})`;
/** `isAtLeast(level, required)` in SQL; false when no level is required. */
const atLeast = (level: string, required: string) =>
  `(CASE WHEN ${required} IS NULL THEN false WHEN ${required} = 'resistant' THEN ${level} = 'resistant' ELSE ${rank(level)} >= ${rank(required)} END)`;

/** Today in UTC, and the Monday starting a date's week (1970-01-05 was a Monday), whatever the session's time zone. */
const TODAY = `(now() AT TIME ZONE 'UTC')::date`;
const mondayOf = (date: string) => `(${date} - (${date} - date '1970-01-05') % 7)`;

export interface CockpitMemberRow extends CoalitionMemberRow {
  last_contact_at: string | null;
  open_fears: number;
  level_then: string;
  holders: { type: 'account' | 'champion'; id: string; name: string; commitment: string | null; quality: string }[];
}

export interface TrendWeekRow {
  week_start: string;
  top_total: number;
  top_on_board: number;
  top_with_required: number;
  top_at_required: number;
  all_total: number;
  all_on_board: number;
  all_with_required: number;
  all_at_required: number;
}

@Injectable()
export class CoalitionDashboardRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Every top-team member still on record, by name, with who holds the relationship (strongest first; each half
   * filtered as the relationships' partial unique indexes are, so it reads them), their open
   * fears (open or being addressed, as the dashboard counts them) and their level `movementDays` ago: the latest
   * change on or before that day, not_sounded before any.
   */
  topTeam(movementDays: number): Promise<CockpitMemberRow[]> {
    return this.dataSource.query(
      `SELECT s.id, s.name, s.title, s.role, s.business_function, s.potential_champion, s.commitment, s.required_commitment,
              s.last_contact_at,
              (SELECT count(*) FROM fears f WHERE f.stakeholder_id = s.id AND f.status <> 'resolved')::int AS open_fears,
              coalesce((SELECT c.to_level FROM commitment_changes c
                         WHERE c.stakeholder_id = s.id AND c.changed_on <= ${TODAY} - $1::int
                         ORDER BY c.changed_on DESC, c.created_at DESC LIMIT 1), 'not_sounded') AS level_then,
              coalesce((SELECT json_agg(json_build_object('type', h.type, 'id', h.id, 'name', h.name, 'commitment', h.commitment, 'quality', h.quality)
                                 ORDER BY array_position(ARRAY['strong', 'building', 'avoid']::text[], h.quality), lower(h.name))
                          FROM (SELECT 'account' AS type, r.holder_user_id AS id, coalesce(nullif(account.display_name, ''), account.email) AS name,
                                       NULL AS commitment, r.quality
                                  FROM relationships r JOIN users account ON account.id = r.holder_user_id
                                 WHERE r.stakeholder_id = s.id AND r.holder_user_id IS NOT NULL
                                UNION ALL
                                SELECT 'champion', r.holder_stakeholder_id, champion.name, champion.commitment, r.quality
                                  FROM relationships r JOIN stakeholders champion ON champion.id = r.holder_stakeholder_id AND champion.erased_at IS NULL
                                 WHERE r.stakeholder_id = s.id AND r.holder_stakeholder_id IS NOT NULL) h), '[]') AS holders
         FROM stakeholders s
        WHERE s.role = 'top_team' AND s.erased_at IS NULL
        ORDER BY lower(s.name), s.id`,
      [movementDays],
    );
  }

  /**
   * Week by week (Monday start, UTC; the current week last), the people on record and where they stood at the end
   * of the week (for the current one: now), replayed from commitment_changes in one pass over the history:
   *
   * - a person is on record from the earlier of the day they were added and their first level change (a history
   *   written back keeps its dates); erased people stay, with their levels, as on the dashboard; deleted ones are gone;
   * - each person's level at the end of a week is their latest change on or before it (by changed_on, then
   *   created_at), not_sounded before any; changes before the first week count from it, changes dated after today
   *   (possible up to a day ahead in UTC) count in the current week;
   * - the last change of each week a person's level changed holds until the next such week: it adds them to the
   *   counts it meets at its first week and takes them off at its end, so a running sum over the weeks gives every
   *   count, without a row per person and week.
   *
   * Role and required level are today's values: neither has a history.
   */
  trend(weeks: number): Promise<TrendWeekRow[]> {
    const groups = { top: 'top_team', all: 'true' };
    const sums = Object.entries(groups)
      .flatMap(([prefix, group]) =>
        ['total', 'on_board', 'with_required', 'at_required'].map((count) => `sum(d.${count}) FILTER (WHERE ${group}) AS ${prefix}_${count}`),
      )
      .join(', ');
    const running = Object.keys(groups)
      .flatMap((prefix) => ['total', 'on_board', 'with_required', 'at_required'].map((count) => `${prefix}_${count}`))
      .map((column) => `(sum(coalesce(pw.${column}, 0)) OVER (ORDER BY w.week_start))::int AS ${column}`)
      .join(', ');
    const weekOf = (date: string) => `greatest(b.first_week, least(b.this_week, ${mondayOf(date)}))`;
    const notSoundedMeets = atLeast(`'not_sounded'`, 'p.required');
    return this.dataSource.query(
      `WITH bounds AS (
         SELECT this_week - 7 * ($1::int - 1) AS first_week, this_week FROM (SELECT ${mondayOf(TODAY)} AS this_week) today
       ),
       walked AS (
         SELECT c.stakeholder_id, c.to_level, w.week_start,
                lead(w.week_start) OVER history AS next_week,
                row_number() OVER history = 1 AS first_change
           FROM commitment_changes c
          CROSS JOIN bounds b
          CROSS JOIN LATERAL (SELECT ${weekOf('c.changed_on')} AS week_start) w
         WINDOW history AS (PARTITION BY c.stakeholder_id ORDER BY c.changed_on, c.created_at)
       ),
       people AS (
         SELECT s.id, s.role = 'top_team' AS top_team, s.required_commitment AS required, first.week_start AS first_change_week,
                least(${weekOf(`(s.created_at AT TIME ZONE 'UTC')::date`)}, first.week_start) AS entry_week
           FROM stakeholders s
          CROSS JOIN bounds b
           LEFT JOIN walked first ON first.stakeholder_id = s.id AND first.first_change
       ),
       spans AS (
         SELECT k.week_start, k.next_week, p.top_team, ${onBoard('k.to_level')}::int AS on_board, ${atLeast('k.to_level', 'p.required')}::int AS at_required
           FROM walked k JOIN people p ON p.id = k.stakeholder_id
          WHERE k.next_week IS DISTINCT FROM k.week_start AND (${onBoard('k.to_level')} OR ${atLeast('k.to_level', 'p.required')})
       ),
       deltas AS (
         SELECT p.entry_week AS week_start, p.top_team, 1 AS total, (p.required IS NOT NULL)::int AS with_required, 0 AS on_board,
                ${notSoundedMeets}::int AS at_required
           FROM people p
         UNION ALL
         SELECT p.first_change_week, p.top_team, 0, 0, 0, -1 FROM people p WHERE p.first_change_week IS NOT NULL AND ${notSoundedMeets}
         UNION ALL
         SELECT week_start, top_team, 0, 0, on_board, at_required FROM spans
         UNION ALL
         SELECT next_week, top_team, 0, 0, -on_board, -at_required FROM spans WHERE next_week IS NOT NULL
       ),
       per_week AS (SELECT d.week_start, ${sums} FROM deltas d GROUP BY d.week_start)
       SELECT to_char(w.week_start, 'YYYY-MM-DD') AS week_start, ${running}
         FROM (SELECT b.first_week + 7 * g AS week_start FROM bounds b, generate_series(0, $1::int - 1) g) w
         LEFT JOIN per_week pw ON pw.week_start = w.week_start
        ORDER BY w.week_start`,
      [weeks],
    );
  }
}
