import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { coalitionMemberJson } from '../coalition/coalition-member';
import type { CoalitionMemberRow } from '../coalition/coalition-member';
import type { PriorityRefRow } from '../briefings/briefings.repository';

export interface FunctionCoverageRow {
  business_function: string;
  priorities: PriorityRefRow[];
  champions: CoalitionMemberRow[];
  leaders: CoalitionMemberRow[];
}

/** The levels that make someone a champion who covers their function. */
export const COVERING_LEVELS = ['committed', 'public_champion'] as const;
/** The roles that lead a function. */
export const LEADING_ROLES = ['top_team', 'senior_leader'] as const;

const list = (values: readonly string[]) => values.map((value) => `'${value}'`).join(', ');

@Injectable()
export class FunctionCoverageRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Every business function named by a priority or by someone still on record, in one statement: its priorities
   * by title, its committed and public champions (public first) and its leaders (top team first), by name. A
   * function is one function whatever its case or surrounding space; its name is a priority's spelling, else a
   * person's.
   */
  functions(): Promise<FunctionCoverageRow[]> {
    return this.dataSource.query(
      `WITH people AS (
         SELECT lower(btrim(s.business_function)) AS fkey, s.*
           FROM stakeholders s WHERE s.erased_at IS NULL AND s.business_function IS NOT NULL
       ), named AS (
         SELECT lower(btrim(p.business_function)) AS fkey, btrim(p.business_function) AS name, 0 AS source FROM priorities p
         UNION ALL
         SELECT fkey, btrim(business_function), 1 FROM people
       ), functions AS (
         SELECT DISTINCT ON (fkey) fkey, name FROM named ORDER BY fkey, source, name
       ), function_priorities AS (
         SELECT lower(btrim(p.business_function)) AS fkey,
                json_agg(json_build_object('id', p.id, 'business_function', p.business_function, 'title', p.title) ORDER BY lower(p.title), p.id) AS priorities
           FROM priorities p GROUP BY 1
       ), champions AS (
         SELECT fkey, json_agg(${coalitionMemberJson('c')} ORDER BY c.commitment = 'public_champion' DESC, lower(c.name), c.id) AS champions
           FROM people c WHERE c.commitment IN (${list(COVERING_LEVELS)}) GROUP BY fkey
       ), leaders AS (
         SELECT fkey, json_agg(${coalitionMemberJson('l')} ORDER BY l.role = 'top_team' DESC, lower(l.name), l.id) AS leaders
           FROM people l WHERE l.role IN (${list(LEADING_ROLES)}) GROUP BY fkey
       )
       SELECT f.name AS business_function, coalesce(fp.priorities, '[]'::json) AS priorities,
              coalesce(c.champions, '[]'::json) AS champions, coalesce(l.leaders, '[]'::json) AS leaders
         FROM functions f
         LEFT JOIN function_priorities fp USING (fkey)
         LEFT JOIN champions c USING (fkey)
         LEFT JOIN leaders l USING (fkey)
        ORDER BY f.fkey`,
    );
  }
}
