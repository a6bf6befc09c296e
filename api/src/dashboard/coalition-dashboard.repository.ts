import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { COMMITMENT_PATH } from '@soundings/shared';
import { DataSource } from 'typeorm';

const PATH = `ARRAY[${COMMITMENT_PATH.map((level) => `'${level}'`).join(', ')}]::text[]`;
/** `ladderRank()` in SQL: the position on the path, -1 for resistant. */
const rank = (level: string) => `(coalesce(array_position(${PATH}, ${level}), 0) - 1)`;
/** `isOnBoard()` in SQL. */
const onBoard = (level: string) => `(${rank(level)} >= ${COMMITMENT_PATH.indexOf('supportive')})`;
/** `isAtLeast(level, required)` in SQL; false when no level is required. */
const atLeast = (level: string, required: string) =>
  `(CASE WHEN ${required} IS NULL THEN false WHEN ${required} = 'resistant' THEN ${level} = 'resistant' ELSE ${rank(level)} >= ${rank(required)} END)`;

/** Today in UTC, and the Monday starting a date's week, whatever the session's time zone. */
const TODAY = `(now() AT TIME ZONE 'UTC')::date`;
const mondayOf = (date: string) => `(${date} - (extract(isodow FROM ${date})::int - 1))`;

export interface CockpitMemberRow {
  id: string;
  name: string;
  title: string | null;
  role: string;
  business_function: string | null;
  potential_champion: boolean;
  commitment: string;
  required_commitment: string | null;
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

const QUALITY_ORDER = `array_position(ARRAY['strong', 'building', 'avoid']::text[], r.quality)`;

@Injectable()
export class CoalitionDashboardRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Every top-team member still on record, by name, with who holds the relationship (strongest first), their open
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
              coalesce((SELECT json_agg(json_build_object(
                                 'type', CASE WHEN r.holder_user_id IS NULL THEN 'champion' ELSE 'account' END,
                                 'id', coalesce(r.holder_user_id, r.holder_stakeholder_id),
                                 'name', coalesce(champion.name, nullif(account.display_name, ''), account.email),
                                 'commitment', champion.commitment,
                                 'quality', r.quality)
                               ORDER BY ${QUALITY_ORDER}, lower(coalesce(champion.name, nullif(account.display_name, ''), account.email)))
                          FROM relationships r
                          LEFT JOIN users account ON account.id = r.holder_user_id
                          LEFT JOIN stakeholders champion ON champion.id = r.holder_stakeholder_id
                         WHERE r.stakeholder_id = s.id AND (champion.id IS NULL OR champion.erased_at IS NULL)), '[]') AS holders
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
   * - those levels become spans from one week to the next week a change is dated, and each span adds its person
   *   at its first week and takes them off at its end, so a running sum over the weeks gives every count.
   *
   * Role and required level are today's values: neither has a history.
   */
  trend(weeks: number): Promise<TrendWeekRow[]> {
    const count = (group: string, condition: string) =>
      `(sum(coalesce(sum(d.sign) FILTER (WHERE ${[group, condition].filter(Boolean).join(' AND ') || 'true'}), 0)) OVER running)::int`;
    const counts = (prefix: string, group: string) =>
      [
        `${count(group, '')} AS ${prefix}_total`,
        `${count(group, 'd.on_board')} AS ${prefix}_on_board`,
        `${count(group, 'd.with_required')} AS ${prefix}_with_required`,
        `${count(group, 'd.at_required')} AS ${prefix}_at_required`,
      ].join(', ');
    return this.dataSource.query(
      `WITH bounds AS (
         SELECT this_week - 7 * ($1::int - 1) AS first_week, this_week FROM (SELECT ${mondayOf(TODAY)} AS this_week) today
       ),
       people AS (
         SELECT s.id, s.role = 'top_team' AS top_team, s.required_commitment AS required,
                least((s.created_at AT TIME ZONE 'UTC')::date, first.changed_on) AS entered_on
           FROM stakeholders s
           LEFT JOIN (SELECT stakeholder_id, min(changed_on) AS changed_on FROM commitment_changes GROUP BY stakeholder_id) first
             ON first.stakeholder_id = s.id
       ),
       marks AS (
         SELECT DISTINCT ON (m.stakeholder_id, w.week_start) m.stakeholder_id, w.week_start, m.level
           FROM (SELECT id AS stakeholder_id, entered_on AS on_day, 'not_sounded' AS level, 0 AS evidence, NULL::timestamptz AS created_at
                   FROM people
                 UNION ALL
                 SELECT stakeholder_id, changed_on, to_level, 1, created_at FROM commitment_changes) m
          CROSS JOIN bounds b
          CROSS JOIN LATERAL (SELECT greatest(b.first_week, least(b.this_week, ${mondayOf('m.on_day')})) AS week_start) w
          ORDER BY m.stakeholder_id, w.week_start, m.on_day DESC, m.evidence DESC, m.created_at DESC
       ),
       spans AS (
         SELECT k.stakeholder_id, k.week_start, lead(k.week_start) OVER (PARTITION BY k.stakeholder_id ORDER BY k.week_start) AS until_week,
                k.level
           FROM marks k
       ),
       deltas AS (
         SELECT edge.week_start, edge.sign, p.top_team, ${onBoard('sp.level')} AS on_board,
                p.required IS NOT NULL AS with_required, ${atLeast('sp.level', 'p.required')} AS at_required
           FROM spans sp
           JOIN people p ON p.id = sp.stakeholder_id
          CROSS JOIN LATERAL (VALUES (sp.week_start, 1), (sp.until_week, -1)) edge(week_start, sign)
          WHERE edge.week_start IS NOT NULL
       )
       SELECT to_char(w.week_start, 'YYYY-MM-DD') AS week_start, ${counts('top', 'd.top_team')}, ${counts('all', '')}
         FROM (SELECT b.first_week + 7 * g AS week_start FROM bounds b, generate_series(0, $1::int - 1) g) w
         LEFT JOIN deltas d ON d.week_start = w.week_start
        GROUP BY w.week_start
       WINDOW running AS (ORDER BY w.week_start)
        ORDER BY w.week_start`,
      [weeks],
    );
  }
}
