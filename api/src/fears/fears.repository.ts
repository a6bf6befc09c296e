import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { FearInput } from '@soundings/shared';
import { DataSource, EntityManager } from 'typeorm';
import { exactTotalLimit } from '../stakeholders/stakeholders.repository';

export interface FearRow {
  id: string;
  stakeholder_id: string;
  stakeholder_name: string;
  sounding_id: string | null;
  statement: string;
  category: string;
  status: string;
  response: string | null;
  owner: string | null;
  voiced_on: string;
  resolved_on: string | null;
  created_at: Date;
  updated_at: Date;
  version: number;
  confidential: boolean;
  author_id: string | null;
}

const FEAR_SELECT = `
  SELECT f.id, f.stakeholder_id, s.name AS stakeholder_name, f.sounding_id, f.statement, f.category, f.status,
         f.response, f.owner, f.voiced_on, f.resolved_on, f.created_at, f.updated_at,
         coalesce(so.confidential, false) AS confidential, so.author_id, f.version
    FROM fears f JOIN stakeholders s ON s.id = f.stakeholder_id LEFT JOIN soundings so ON so.id = f.sounding_id`;

/** A person's fears (the person is `$1`), oldest first. */
export const FEARS_OF_PERSON = `${FEAR_SELECT} WHERE f.stakeholder_id = $1 ORDER BY f.voiced_on, f.created_at, f.id`;

/** The timestamp columns of a fear row, for rows read back from JSON. */
export const FEAR_MOMENTS = ['created_at', 'updated_at'] as const;

export interface FearFilter {
  status?: string;
  category?: string;
  stakeholderId?: string;
}

export interface FearChanges {
  statement?: string;
  category?: string;
  status?: string;
  response?: string | null;
  owner?: string | null;
  resolvedOn?: string | null;
}

const FEAR_COLUMNS: Record<keyof FearChanges, string> = {
  statement: 'statement',
  category: 'category',
  status: 'status',
  response: 'response',
  owner: 'owner',
  resolvedOn: 'resolved_on',
};

@Injectable()
export class FearsRepository {
  private readonly exactTotalMax: number = exactTotalLimit();

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insertForSounding(
    manager: EntityManager,
    sounding: { id: string; stakeholderId: string; heldOn: string },
    fears: FearInput[],
  ): Promise<void> {
    if (fears.length === 0) return;
    // One statement for all the fears of a sounding. Its rows would share now(), so a microsecond
    // per position keeps them in the order they were voiced.
    await manager.query(
      `INSERT INTO fears (stakeholder_id, sounding_id, voiced_on, statement, category, created_at)
       SELECT $1, $2, $3, f.statement, f.category, now() + f.position * interval '1 microsecond'
         FROM unnest($4::text[], $5::text[]) WITH ORDINALITY AS f(statement, category, position)`,
      [sounding.stakeholderId, sounding.id, sounding.heldOn, fears.map((f) => f.statement), fears.map((f) => f.category)],
    );
  }

  /** The earliest day a fear voiced in this sounding was resolved, if any was. */
  async earliestResolvedOn(manager: EntityManager, soundingId: string): Promise<string | null> {
    const rows = await manager.query(`SELECT min(resolved_on) AS resolved_on FROM fears WHERE sounding_id = $1`, [soundingId]);
    return rows[0].resolved_on;
  }

  async moveVoicedDate(manager: EntityManager, soundingId: string, heldOn: string): Promise<void> {
    await manager.query(`UPDATE fears SET voiced_on = $2 WHERE sounding_id = $1`, [soundingId, heldOn]);
  }

  async list(filter: FearFilter, page: number, pageSize: number): Promise<{ rows: FearRow[]; total: number; totalIsEstimate: boolean }> {
    const { whereSql, params } = this.where(filter);
    const exactMax = this.exactTotalMax;
    // Counting stops at the exact limit (an index walk, never the whole table); past it the planner's count of
    // the table scaled by the share of a fixed sample that matches. The totals row is always there.
    const estimate = whereSql
      ? `(SELECT (count(*) FILTER (${whereSql}) * (SELECT reltuples FROM pg_class WHERE oid = 'fears'::regclass) / nullif(count(*), 0))::bigint
            FROM fears f TABLESAMPLE SYSTEM (5) REPEATABLE (0))`
      : `(SELECT reltuples::bigint FROM pg_class WHERE oid = 'fears'::regclass)`;
    const rows: (FearRow & { total: string; total_is_estimate: boolean })[] = await this.dataSource.query(
      `SELECT f.*, CASE WHEN counted.n > ${exactMax} THEN greatest(${exactMax + 1}, coalesce(${estimate}, 0)) ELSE counted.n END AS total,
              counted.n > ${exactMax} AS total_is_estimate
         FROM (SELECT count(*) AS n FROM (SELECT 1 FROM fears f ${whereSql} LIMIT ${exactMax + 1}) capped) counted
         LEFT JOIN LATERAL (
           ${FEAR_SELECT} ${whereSql}
            ORDER BY f.voiced_on DESC, f.created_at DESC, f.id
            LIMIT $${params.length + 1} OFFSET $${params.length + 2}
         ) f ON true
        ORDER BY f.voiced_on DESC, f.created_at DESC, f.id`,
      [...params, pageSize, (page - 1) * pageSize],
    );
    return {
      rows: rows.filter((row) => row.id !== null),
      total: Number(rows[0]?.total ?? 0),
      totalIsEstimate: rows[0]?.total_is_estimate ?? false,
    };
  }

  async findById(id: string, manager: EntityManager = this.dataSource.manager): Promise<FearRow | null> {
    const rows = await manager.query(`${FEAR_SELECT} WHERE f.id = $1`, [id]);
    return rows[0] ?? null;
  }

  async forSoundings(soundingIds: string[], manager: EntityManager = this.dataSource.manager): Promise<FearRow[]> {
    if (soundingIds.length === 0) return [];
    return manager.query(`${FEAR_SELECT} WHERE f.sounding_id = ANY($1::uuid[]) ORDER BY f.created_at, f.id`, [soundingIds]);
  }

  async forStakeholder(stakeholderId: string): Promise<FearRow[]> {
    return this.dataSource.query(FEARS_OF_PERSON, [stakeholderId]);
  }

  async updateIfVersion(manager: EntityManager, id: string, version: number, changes: FearChanges): Promise<boolean> {
    const params: unknown[] = [id, version];
    const sets = Object.entries(changes)
      .filter(([key, value]) => value !== undefined && key in FEAR_COLUMNS)
      .map(([key, value]) => {
        params.push(value);
        return `${FEAR_COLUMNS[key as keyof FearChanges]} = $${params.length}`;
      });
    const result = await manager.query(
      `UPDATE fears SET ${[...sets, 'updated_at = now()', 'version = version + 1'].join(', ')}
        WHERE id = $1 AND version = $2 RETURNING id`,
      params,
    );
    return result[0].length > 0;
  }

  private where(filter: FearFilter): { whereSql: string; params: unknown[] } {
    const clauses: string[] = [];
    const params: unknown[] = [];
    if (filter.status) clauses.push(`f.status = $${params.push(filter.status)}`);
    if (filter.category) clauses.push(`f.category = $${params.push(filter.category)}`);
    if (filter.stakeholderId) clauses.push(`f.stakeholder_id = $${params.push(filter.stakeholderId)}`);
    return { whereSql: clauses.length ? `WHERE ${clauses.join(' AND ')}` : '', params };
  }
}
