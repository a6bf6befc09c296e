import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { COOLING_SQL } from '../stakeholders/stakeholders.repository';

export const DASHBOARD_LIST_LIMIT = 20;

@Injectable()
export class DashboardRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  levelCounts(): Promise<{ commitment: string; total: number; top_team: number }[]> {
    return this.dataSource.query(
      `SELECT commitment, count(*) AS total, count(*) FILTER (WHERE role = 'top_team') AS top_team
         FROM stakeholders GROUP BY commitment`,
    );
  }

  openFearsByCategory(): Promise<{ category: string; total: number }[]> {
    return this.dataSource.query(`SELECT category, count(*) AS total FROM fears WHERE status <> 'resolved' GROUP BY category`);
  }

  overdueFollowUps(): Promise<
    { id: string; name: string; next_follow_up_on: string; next_step: string | null; sounding_id: string; confidential: boolean; author_id: string | null; total: number }[]
  > {
    return this.dataSource.query(
      `SELECT s.id, s.name, s.next_follow_up_on, latest.next_step, latest.id AS sounding_id, latest.confidential, latest.author_id,
              (SELECT count(*) FROM stakeholders WHERE next_follow_up_on < current_date) AS total
         FROM stakeholders s
         JOIN LATERAL (
           SELECT id, next_step, confidential, author_id FROM soundings so
            WHERE so.stakeholder_id = s.id ORDER BY so.held_on DESC, so.created_at DESC LIMIT 1
         ) latest ON true
        WHERE s.next_follow_up_on < current_date
        ORDER BY s.next_follow_up_on, lower(s.name)
        LIMIT ${DASHBOARD_LIST_LIMIT}`,
    );
  }

  coolingContacts(days: number): Promise<{ id: string; name: string; commitment: string; last_contact_at: string; total: number }[]> {
    return this.dataSource.query(
      `SELECT s.id, s.name, s.commitment, s.last_contact_at,
              (SELECT count(*) FROM stakeholders s WHERE ${COOLING_SQL(days)}) AS total
         FROM stakeholders s WHERE ${COOLING_SQL(days)}
        ORDER BY s.last_contact_at, lower(s.name)
        LIMIT ${DASHBOARD_LIST_LIMIT}`,
    );
  }
}
