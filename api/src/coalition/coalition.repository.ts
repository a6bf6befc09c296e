import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { REPORTING_LINE_STRENGTH } from '@soundings/shared';
import { DataSource } from 'typeorm';
import { NetworkQueryDto } from './dto/network-query.dto';
import { INFLUENCE_INPUTS_SQL } from './influence-inputs.sql';
import type { CoalitionMemberRow } from './coalition-member';

export interface NetworkNodeRow extends CoalitionMemberRow {
  influence: number | null;
  reports_to_id: string | null;
  score: number;
  looked_to_by: number;
}

export interface NetworkLinkRow {
  id: string | null;
  from_id: string;
  to_id: string;
  kind: string;
  strength: number;
}

/** The people a network query shows: never the erased, then the filters. Returns the WHERE clause and its parameters. */
function networkPeople(query: NetworkQueryDto): { where: string; params: unknown[] } {
  const where = ['s.erased_at IS NULL'];
  const params: unknown[] = [];
  const param = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  if (query.businessFunction) where.push(`lower(s.business_function) = lower(${param(query.businessFunction)})`);
  if (query.role) where.push(`s.role = ${param(query.role)}`);
  if (query.commitment) where.push(`s.commitment = ${param(query.commitment)}`);
  return { where: where.join(' AND '), params };
}

@Injectable()
export class CoalitionRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Everyone the query shows, with their influence, by name. One statement. */
  networkNodes(query: NetworkQueryDto): Promise<NetworkNodeRow[]> {
    const { where, params } = networkPeople(query);
    return this.dataSource.query(
      `WITH influence_inputs AS (${INFLUENCE_INPUTS_SQL})
       SELECT s.id, s.name, s.title, s.role, s.business_function, s.potential_champion, s.commitment,
              s.required_commitment, s.influence, s.reports_to_id, ii.score, ii.looked_to_by
         FROM stakeholders s JOIN influence_inputs ii ON ii.stakeholder_id = s.id
        WHERE ${where}
        ORDER BY lower(s.name), s.id`,
      params,
    );
  }

  /**
   * Every tie with both ends among the people the query shows: the stored links, and each reporting line
   * as a link from the report to their manager. One statement.
   */
  networkLinks(query: NetworkQueryDto): Promise<NetworkLinkRow[]> {
    const { where, params } = networkPeople(query);
    return this.dataSource.query(
      `WITH people AS (SELECT s.id, s.reports_to_id FROM stakeholders s WHERE ${where})
       SELECT i.id, i.from_id, i.to_id, i.kind, i.strength::int AS strength
         FROM influences i
         JOIN people f ON f.id = i.from_id
         JOIN people t ON t.id = i.to_id
       UNION ALL
       SELECT NULL, r.id, r.reports_to_id, 'reports_to', ${REPORTING_LINE_STRENGTH}
         FROM people r JOIN people m ON m.id = r.reports_to_id
       ORDER BY 4, 2, 3`,
      params,
    );
  }
}
