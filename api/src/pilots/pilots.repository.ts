import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { PilotStatus } from '@soundings/shared';
import { DataSource, EntityManager } from 'typeorm';
import type { CoalitionMemberRow } from '../coalition/coalition-member';
import { MEMBER_JSON } from '../influence/influences.repository';

/** A proof point as the pilot reads build it (json: dates as YYYY-MM-DD, moments as text). */
export interface ProofPointRow {
  id: string;
  pilot_id: string;
  observed_on: string;
  result: string;
  value: number | string | null;
  unit: string | null;
  created_at: string | Date;
  updated_at: string | Date;
  version: number;
}

export interface AskerRow {
  stakeholder: CoalitionMemberRow;
  told_on: string | null;
  told_proof_point_id: string | null;
}

export interface PilotRow {
  id: string;
  name: string;
  sponsor: CoalitionMemberRow | null;
  business_function: string | null;
  scope: string | null;
  start_on: string | null;
  end_on: string | null;
  status: string;
  created_at: Date;
  updated_at: Date;
  version: number;
  latest_proof: ProofPointRow | null;
  asked_by: AskerRow[];
}

export interface PilotColumns {
  name?: string;
  sponsor_id?: string | null;
  business_function?: string | null;
  scope?: string | null;
  start_on?: string | null;
  end_on?: string | null;
  status?: PilotStatus;
}

export interface ProofPointColumns {
  observed_on?: string;
  result?: string;
  value?: number | null;
  unit?: string | null;
}

export interface PilotFilter {
  status?: string;
  sponsorId?: string;
  askedById?: string;
  businessFunction?: string;
}

const PROOF_JSON = (alias: string) => `json_build_object(
  'id', ${alias}.id, 'pilot_id', ${alias}.pilot_id, 'observed_on', ${alias}.observed_on, 'result', ${alias}.result,
  'value', ${alias}.value, 'unit', ${alias}.unit, 'created_at', ${alias}.created_at, 'updated_at', ${alias}.updated_at,
  'version', ${alias}.version)`;

/** Latest by the day it was observed; a result entered later for the same day is the newer one. */
const PROOF_ORDER = (alias: string) => `${alias}.observed_on DESC, ${alias}.created_at DESC, ${alias}.id DESC`;

/** A pilot with its sponsor, its latest proof and every leader who asked for proof (by name), in one row. */
const PILOT_SELECT = `
  SELECT p.id, p.name, p.business_function, p.scope, p.start_on, p.end_on, p.status, p.created_at, p.updated_at, p.version,
         CASE WHEN sp.id IS NULL THEN NULL ELSE ${MEMBER_JSON('sp')} END AS sponsor,
         (SELECT ${PROOF_JSON('pp')} FROM pilot_proof_points pp WHERE pp.pilot_id = p.id ORDER BY ${PROOF_ORDER('pp')} LIMIT 1) AS latest_proof,
         coalesce((SELECT json_agg(json_build_object('stakeholder', ${MEMBER_JSON('s')}, 'told_on', a.told_on, 'told_proof_point_id', a.told_proof_point_id)
                                   ORDER BY lower(s.name), s.id)
                     FROM pilot_askers a JOIN stakeholders s ON s.id = a.stakeholder_id WHERE a.pilot_id = p.id), '[]'::json) AS asked_by
    FROM pilots p LEFT JOIN stakeholders sp ON sp.id = p.sponsor_id`;

/** Running first, then proposed, done and stopped; within each the latest start first, then by name. */
const LIST_ORDER = `array_position(ARRAY['running', 'proposed', 'done', 'stopped']::text[], p.status), p.start_on DESC NULLS LAST, lower(p.name), p.id`;

const PROOF_SELECT = `
  SELECT id, pilot_id, observed_on, result, value, unit, created_at, updated_at, version FROM pilot_proof_points`;

/** Pilots the person (`$1`) sponsors, oldest first, for their timeline. */
export const PILOTS_SPONSORED_BY_PERSON = `${PILOT_SELECT} WHERE p.sponsor_id = $1 ORDER BY coalesce(p.start_on, p.created_at::date), p.created_at, p.id`;

/** The timestamp columns of a pilot row, for rows read back from JSON (its proof's are text already). */
export const PILOT_MOMENTS = ['created_at', 'updated_at'] as const;

function setClauses(columns: Record<string, unknown>, params: unknown[]): string[] {
  return Object.entries(columns)
    .filter(([, value]) => value !== undefined)
    .map(([column, value]) => `${column} = $${params.push(value)}`);
}

@Injectable()
export class PilotsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async findById(id: string, manager: EntityManager = this.dataSource.manager): Promise<PilotRow | null> {
    const rows = await manager.query(`${PILOT_SELECT} WHERE p.id = $1`, [id]);
    return rows[0] ?? null;
  }

  /** The pilot's row, locked for the rest of the transaction: writes to its proof and askers queue on it. */
  async lock(manager: EntityManager, id: string): Promise<boolean> {
    const rows = await manager.query(`SELECT id FROM pilots WHERE id = $1 FOR UPDATE`, [id]);
    return rows.length > 0;
  }

  async list(filter: PilotFilter, page: number, pageSize: number): Promise<{ rows: PilotRow[]; total: number }> {
    const { whereSql, params } = this.where(filter);
    const rows: (PilotRow & { total: number })[] = await this.dataSource.query(
      `${PILOT_SELECT.replace('p.version,', `p.version, (SELECT count(*)::int FROM pilots p ${whereSql}) AS total,`)}
        ${whereSql} ORDER BY ${LIST_ORDER} LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, pageSize, (page - 1) * pageSize],
    );
    if (rows.length > 0 || page === 1) return { rows, total: rows[0]?.total ?? 0 };
    const [{ total }] = await this.dataSource.query(`SELECT count(*)::int AS total FROM pilots p ${whereSql}`, params);
    return { rows, total };
  }

  private where(filter: PilotFilter): { whereSql: string; params: unknown[] } {
    const clauses: string[] = [];
    const params: unknown[] = [];
    if (filter.status) clauses.push(`p.status = $${params.push(filter.status)}`);
    if (filter.sponsorId) clauses.push(`p.sponsor_id = $${params.push(filter.sponsorId)}`);
    if (filter.askedById) clauses.push(`EXISTS (SELECT 1 FROM pilot_askers fa WHERE fa.pilot_id = p.id AND fa.stakeholder_id = $${params.push(filter.askedById)})`);
    if (filter.businessFunction) clauses.push(`lower(p.business_function) = lower($${params.push(filter.businessFunction)})`);
    return { whereSql: clauses.length ? `WHERE ${clauses.join(' AND ')}` : '', params };
  }

  /**
   * The dashboard's pilots in one statement: every running pilot, and any other pilot with a leader who asked
   * for proof and has not heard its latest result (with no proof yet, both sides are null: nothing is owed).
   */
  forDashboard(): Promise<PilotRow[]> {
    return this.dataSource.query(
      `${PILOT_SELECT}
        WHERE p.status = 'running'
           OR EXISTS (SELECT 1 FROM pilot_askers oa
                       WHERE oa.pilot_id = p.id
                         AND oa.told_proof_point_id IS DISTINCT FROM
                             (SELECT lp.id FROM pilot_proof_points lp WHERE lp.pilot_id = p.id ORDER BY ${PROOF_ORDER('lp')} LIMIT 1))
        ORDER BY ${LIST_ORDER}`,
    );
  }

  /** Pilots this person sponsors or asked for proof of, by name, for their subject-access export. */
  concerning(stakeholderId: string): Promise<PilotRow[]> {
    return this.dataSource.query(
      `${PILOT_SELECT}
        WHERE p.sponsor_id = $1 OR EXISTS (SELECT 1 FROM pilot_askers ca WHERE ca.pilot_id = p.id AND ca.stakeholder_id = $1)
        ORDER BY lower(p.name), p.id`,
      [stakeholderId],
    );
  }

  async insert(manager: EntityManager, columns: Required<PilotColumns>): Promise<string> {
    const [row] = await manager.query(
      `INSERT INTO pilots (name, sponsor_id, business_function, scope, start_on, end_on, status) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
      [columns.name, columns.sponsor_id, columns.business_function, columns.scope, columns.start_on, columns.end_on, columns.status],
    );
    return row.id;
  }

  /** Compare-and-set update; false when no row matched (missing, or changed since). */
  async updateIfVersion(manager: EntityManager, id: string, version: number, columns: PilotColumns): Promise<boolean> {
    const params: unknown[] = [id, version];
    const sets = setClauses({ ...columns }, params);
    const [rows] = await manager.query(
      `UPDATE pilots SET ${[...sets, 'updated_at = now()', 'version = version + 1'].join(', ')} WHERE id = $1 AND version = $2 RETURNING id`,
      params,
    );
    return rows.length > 0;
  }

  async delete(manager: EntityManager, id: string): Promise<boolean> {
    const [rows] = await manager.query(`DELETE FROM pilots WHERE id = $1 RETURNING id`, [id]);
    return rows.length > 0;
  }

  /**
   * Makes `stakeholderIds` the pilot's askers: people who stay keep what they were told, new ones start untold.
   * Returns who was added and who removed.
   */
  async replaceAskers(manager: EntityManager, pilotId: string, stakeholderIds: string[]): Promise<{ added: string[]; removed: string[] }> {
    const [removed] = await manager.query(
      `DELETE FROM pilot_askers WHERE pilot_id = $1 AND NOT (stakeholder_id = ANY($2::uuid[])) RETURNING stakeholder_id`,
      [pilotId, stakeholderIds],
    );
    const added = await manager.query(
      `INSERT INTO pilot_askers (pilot_id, stakeholder_id) SELECT $1::uuid, unnest($2::uuid[]) ON CONFLICT DO NOTHING RETURNING stakeholder_id`,
      [pilotId, stakeholderIds],
    );
    return {
      added: added.map((row: { stakeholder_id: string }) => row.stakeholder_id).sort(),
      removed: removed.map((row: { stakeholder_id: string }) => row.stakeholder_id).sort(),
    };
  }

  /** Records that an asker heard a result; false when they did not ask for proof of this pilot. */
  async markTold(manager: EntityManager, pilotId: string, stakeholderId: string, proofPointId: string, toldOn: string | null): Promise<boolean> {
    const [rows] = await manager.query(
      `UPDATE pilot_askers SET told_proof_point_id = $3, told_on = coalesce($4::date, org_today())
        WHERE pilot_id = $1 AND stakeholder_id = $2 RETURNING stakeholder_id`,
      [pilotId, stakeholderId, proofPointId, toldOn],
    );
    return rows.length > 0;
  }

  /** Newest first. */
  proofPoints(pilotId: string, manager: EntityManager = this.dataSource.manager): Promise<ProofPointRow[]> {
    return manager.query(`${PROOF_SELECT} WHERE pilot_id = $1 ORDER BY observed_on DESC, created_at DESC, id DESC`, [pilotId]);
  }

  async findProofPoint(id: string, manager: EntityManager = this.dataSource.manager): Promise<ProofPointRow | null> {
    const rows = await manager.query(`${PROOF_SELECT} WHERE id = $1`, [id]);
    return rows[0] ?? null;
  }

  async insertProofPoint(manager: EntityManager, pilotId: string, columns: Required<ProofPointColumns>): Promise<string> {
    const [row] = await manager.query(
      `INSERT INTO pilot_proof_points (pilot_id, observed_on, result, value, unit) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
      [pilotId, columns.observed_on, columns.result, columns.value, columns.unit],
    );
    return row.id;
  }

  async updateProofPointIfVersion(manager: EntityManager, id: string, version: number, columns: ProofPointColumns): Promise<boolean> {
    const params: unknown[] = [id, version];
    const sets = setClauses({ ...columns }, params);
    const [rows] = await manager.query(
      `UPDATE pilot_proof_points SET ${[...sets, 'updated_at = now()', 'version = version + 1'].join(', ')}
        WHERE id = $1 AND version = $2 RETURNING id`,
      params,
    );
    return rows.length > 0;
  }

  async deleteProofPoint(manager: EntityManager, id: string): Promise<boolean> {
    const [rows] = await manager.query(`DELETE FROM pilot_proof_points WHERE id = $1 RETURNING id`, [id]);
    return rows.length > 0;
  }
}
