import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { cadenceSql, ContactCadenceRow, coolingCountSql, LONGEST_MAX_DAYS, ORG_TODAY } from '../cadence/cadence-sql';
import { coalitionMemberColumns } from '../coalition/coalition-member';

const CADENCE = cadenceSql('s');

export const DASHBOARD_LIST_LIMIT = 20;

@Injectable()
export class DashboardRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Everything the dashboard counts and lists, in one statement: the level counts, open fears by category, the
   * overdue follow-ups and the people cooling off (each list with its total).
   */
  async overview(): Promise<DashboardOverviewRow> {
    const [row] = await this.dataSource.query(
      `SELECT
         (SELECT coalesce(json_agg(l), '[]') FROM (
            SELECT commitment, count(*) AS total, count(*) FILTER (WHERE role = $1::text) AS top_team
              FROM stakeholders GROUP BY commitment) l) AS levels,
         (SELECT coalesce(json_agg(f), '[]') FROM (
            SELECT category, count(*) AS total FROM fears WHERE status <> 'resolved' GROUP BY category) f) AS fears,
         (SELECT coalesce(json_agg(o), '[]') FROM (
            SELECT s.id, s.name, s.next_follow_up_on, latest.next_step, latest.id AS sounding_id, latest.confidential, latest.author_id
              FROM stakeholders s
              JOIN LATERAL (
                SELECT id, next_step, confidential, author_id FROM soundings so
                 WHERE so.stakeholder_id = s.id ORDER BY so.held_on DESC, so.created_at DESC LIMIT 1
              ) latest ON true
             WHERE s.next_follow_up_on < org_today()
             ORDER BY s.next_follow_up_on, lower(s.name), s.id
             LIMIT ${DASHBOARD_LIST_LIMIT}) o) AS overdue,
         (SELECT count(*) FROM stakeholders WHERE next_follow_up_on < org_today()) AS overdue_total,
         (SELECT coalesce(json_agg(c), '[]') FROM (
            SELECT s.id, s.name, s.commitment, s.last_contact_at, ${CADENCE.columns}, ${CADENCE.lastKind}
              FROM (
                -- Overdue before due, each the longest without contact first: the first of each is a short walk of
                -- stakeholders_last_contact_sort (the due start where the longest maximum ends), not the whole table.
                (SELECT * FROM stakeholders s WHERE s.last_contact_at IS NOT NULL AND ${CADENCE.state} = 'overdue'
                  ORDER BY s.last_contact_at NULLS FIRST, lower(s.name), s.id LIMIT ${DASHBOARD_LIST_LIMIT})
                UNION ALL
                (SELECT * FROM stakeholders s WHERE s.last_contact_at >= org_today() - ${LONGEST_MAX_DAYS} AND ${CADENCE.state} = 'due'
                  ORDER BY s.last_contact_at NULLS FIRST, lower(s.name), s.id LIMIT ${DASHBOARD_LIST_LIMIT})
              ) s
             ORDER BY ${CADENCE.rank}, s.last_contact_at, lower(s.name), s.id
             LIMIT ${DASHBOARD_LIST_LIMIT}) c) AS cooling,
         ${coolingCountSql()} AS cooling_total`,
      // With a parameter the statement is prepared: planned once per connection, not on every request (a third
      // of its time at 20,000 people).
      ['top_team'],
    );
    return row;
  }

  /**
   * The people who matter most and are slipping, in one statement: committed or public champions and top-team
   * members past their ideal interval or never contacted. Those with nothing planned (no follow-up date ahead, no
   * planned briefing, meeting or initiative ahead) first, then overdue before never before due, then the longest
   * without contact.
   */
  slipping(): Promise<SlippingRow[]> {
    return this.dataSource.query(
      `SELECT ${coalitionMemberColumns('s', 'person')}, ${CADENCE.columns}, ${CADENCE.lastKind}, planned.next_planned_on
         FROM stakeholders s
         CROSS JOIN LATERAL (
           SELECT least(
             (SELECT s.next_follow_up_on WHERE s.next_follow_up_on >= ${ORG_TODAY}),
             (SELECT min((b.planned_for AT TIME ZONE (SELECT time_zone FROM settings LIMIT 1))::date) FROM briefings b
               WHERE b.status = 'planned' AND (b.briefer_id = s.id OR b.audience_id = s.id OR (b.audience_is_top_team AND s.role = 'top_team'))
                 AND (b.planned_for AT TIME ZONE (SELECT time_zone FROM settings LIMIT 1))::date >= ${ORG_TODAY}),
             (SELECT min(e.contacted_on) FROM contact_events e
               WHERE e.stakeholder_id = s.id AND e.kind IN ('meeting','initiative') AND e.contacted_on > ${ORG_TODAY})
           ) AS next_planned_on
         ) planned
        WHERE s.erased_at IS NULL
          AND (s.commitment IN ('committed','public_champion') OR s.role = 'top_team')
          AND (${CADENCE.cooling} OR s.last_contact_at IS NULL)
        ORDER BY planned.next_planned_on IS NOT NULL, ${CADENCE.rank}, s.last_contact_at NULLS FIRST, lower(s.name), s.id
        LIMIT ${DASHBOARD_LIST_LIMIT}`,
    );
  }
}

export type SlippingRow = Record<string, unknown> & ContactCadenceRow & { person_commitment: string; person_role: string; next_planned_on: string | null };

export interface DashboardOverviewRow {
  levels: { commitment: string; total: number; top_team: number }[];
  fears: { category: string; total: number }[];
  overdue: { id: string; name: string; next_follow_up_on: string; next_step: string | null; sounding_id: string; confidential: boolean; author_id: string | null }[];
  overdue_total: string;
  cooling: ({ id: string; name: string; commitment: string; last_contact_at: string } & ContactCadenceRow)[];
  cooling_total: string;
}
