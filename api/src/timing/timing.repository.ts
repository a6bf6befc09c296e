import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

export interface TimingWindowRow {
  id: string;
  stakeholder_id: string;
  kind: string;
  starts_on: string;
  ends_on: string;
  note: string | null;
  created_at: Date;
  updated_at: Date;
  version: number;
}

export interface TimingWindowFilter {
  stakeholderId?: string;
  from?: string;
  to?: string;
}

export interface TimingWindowChanges {
  kind?: string;
  startsOn?: string;
  endsOn?: string;
  note?: string | null;
}

const COLUMNS: Record<keyof TimingWindowChanges, string> = { kind: 'kind', startsOn: 'starts_on', endsOn: 'ends_on', note: 'note' };

const WINDOW_SELECT = `SELECT w.id, w.stakeholder_id, w.kind, w.starts_on, w.ends_on, w.note, w.created_at, w.updated_at, w.version FROM timing_windows w`;
const WINDOW_ORDER = `w.starts_on, w.ends_on, w.created_at, w.id`;

/**
 * A person's windows as one JSON array, for reads that weigh days against them in the same statement
 * (the briefing plan, meeting readiness): `TIMING_WINDOWS_JSON('s.id')`.
 */
export const TIMING_WINDOWS_JSON = (stakeholderId: string) => `
  coalesce((SELECT json_agg(json_build_object('id', w.id, 'kind', w.kind, 'startsOn', w.starts_on, 'endsOn', w.ends_on) ORDER BY w.starts_on, w.id)
              FROM timing_windows w WHERE w.stakeholder_id = ${stakeholderId}), '[]'::json)`;

@Injectable()
export class TimingRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(filter: TimingWindowFilter, page: number, pageSize: number): Promise<{ rows: TimingWindowRow[]; total: number }> {
    const clauses: string[] = [];
    const params: unknown[] = [];
    if (filter.stakeholderId) clauses.push(`w.stakeholder_id = $${params.push(filter.stakeholderId)}`);
    if (filter.from) clauses.push(`w.ends_on >= $${params.push(filter.from)}::date`);
    if (filter.to) clauses.push(`w.starts_on <= $${params.push(filter.to)}::date`);
    const whereSql = clauses.length ? `WHERE ${clauses.join(' AND ')}` : '';
    const rows: (TimingWindowRow & { total: number })[] = await this.dataSource.query(
      `${WINDOW_SELECT.replace('w.version', `w.version, (SELECT count(*)::int FROM timing_windows w ${whereSql}) AS total`)} ${whereSql}
        ORDER BY ${WINDOW_ORDER} LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, pageSize, (page - 1) * pageSize],
    );
    if (rows.length > 0 || page === 1) return { rows, total: rows[0]?.total ?? 0 };
    const [{ total }] = await this.dataSource.query(`SELECT count(*)::int AS total FROM timing_windows w ${whereSql}`, params);
    return { rows, total };
  }

  async findById(id: string, manager: EntityManager = this.dataSource.manager): Promise<TimingWindowRow | null> {
    const rows = await manager.query(`${WINDOW_SELECT} WHERE w.id = $1`, [id]);
    return rows[0] ?? null;
  }

  /** Every window of one person, by start. */
  forStakeholder(stakeholderId: string): Promise<TimingWindowRow[]> {
    return this.dataSource.query(`${WINDOW_SELECT} WHERE w.stakeholder_id = $1 ORDER BY ${WINDOW_ORDER}`, [stakeholderId]);
  }

  /** The person's receptiveness notes and whether they are on record; null when there is no such person. */
  async notesOf(stakeholderId: string): Promise<{ timing_notes: string | null } | null> {
    const rows = await this.dataSource.query(`SELECT timing_notes FROM stakeholders WHERE id = $1`, [stakeholderId]);
    return rows[0] ?? null;
  }

  async insert(
    manager: EntityManager,
    window: { stakeholderId: string; kind: string; startsOn: string; endsOn: string; note: string | null; createdBy: string },
  ): Promise<string> {
    const [{ id }] = await manager.query(
      `INSERT INTO timing_windows (stakeholder_id, kind, starts_on, ends_on, note, created_by) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [window.stakeholderId, window.kind, window.startsOn, window.endsOn, window.note, window.createdBy],
    );
    return id;
  }

  async updateIfVersion(manager: EntityManager, id: string, version: number, changes: TimingWindowChanges): Promise<boolean> {
    const params: unknown[] = [id, version];
    const sets = (Object.keys(COLUMNS) as (keyof TimingWindowChanges)[])
      .filter((key) => changes[key] !== undefined)
      .map((key) => `${COLUMNS[key]} = $${params.push(changes[key])}`);
    const [rows] = await manager.query(
      `UPDATE timing_windows SET ${[...sets, 'updated_at = now()', 'version = version + 1'].join(', ')}
        WHERE id = $1 AND version = $2 RETURNING id`,
      params,
    );
    return rows.length > 0;
  }

  async delete(manager: EntityManager, id: string): Promise<boolean> {
    const [rows] = await manager.query(`DELETE FROM timing_windows WHERE id = $1 RETURNING id`, [id]);
    return rows.length > 0;
  }
}
