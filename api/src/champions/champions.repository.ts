import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { CoalitionMemberRow } from '../coalition/coalition-member';
import { INFLUENCE_INPUTS_SQL, SWAYING_TIES_SQL } from '../coalition/influence-inputs.sql';

export interface ChampionEvidenceRow {
  id: string;
  stakeholder_id: string;
  test: string;
  evidence: string;
  observed_on: string;
  created_at: Date;
  updated_at: Date;
  version: number;
}

export interface ChampionEvidenceColumns {
  test?: string;
  evidence?: string;
  observed_on?: string;
}

export interface CandidateRow extends CoalitionMemberRow {
  score: number;
  looked_to_by: number;
}

export interface FollowerRow {
  leader_id: string;
  follower_id: string;
  follower_name: string;
  via: 'link' | 'reporting_line';
  kind: string | null;
  influence_id: string | null;
}

export interface BriefingGivenRow {
  id: string;
  briefer_id: string;
  audience_id: string | null;
  audience_name: string | null;
  day: string;
}

export interface SpokeInMeetingRow {
  meeting_id: string;
  stakeholder_id: string;
  title: string;
  day: string;
}

export interface BenefitNamedRow {
  id: string;
  stakeholder_id: string;
  held_on: string;
  benefits_seen: string;
  confidential: boolean;
  author_id: string | null;
}

export interface PriorityOwnedRow {
  id: string;
  owner_id: string;
  business_function: string;
  title: string;
}

const EVIDENCE_COLUMNS = `e.id, e.stakeholder_id, e.test, e.evidence, to_char(e.observed_on, 'YYYY-MM-DD') AS observed_on, e.created_at, e.updated_at, e.version`;
const EVIDENCE_SELECT = `SELECT ${EVIDENCE_COLUMNS} FROM champion_evidence e`;
const EVIDENCE_ORDER = `ORDER BY e.observed_on DESC, e.created_at DESC, e.id`;

// The people champion qualification is about: potential champions still on record.
const joinCandidate = (alias: string, column: string) =>
  `JOIN stakeholders ${alias} ON ${alias}.id = ${column} AND ${alias}.potential_champion AND ${alias}.erased_at IS NULL`;

@Injectable()
export class ChampionsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  // ---- Recorded evidence ------------------------------------------------------

  async findEvidence(id: string, manager: EntityManager = this.dataSource.manager): Promise<ChampionEvidenceRow | null> {
    const rows = await manager.query(`${EVIDENCE_SELECT} WHERE e.id = $1`, [id]);
    return rows[0] ?? null;
  }

  async listEvidence(filter: { stakeholderId?: string; test?: string }, page: number, pageSize: number): Promise<{ rows: ChampionEvidenceRow[]; total: number }> {
    const clauses: string[] = [];
    const params: unknown[] = [];
    if (filter.stakeholderId) clauses.push(`e.stakeholder_id = $${params.push(filter.stakeholderId)}`);
    if (filter.test) clauses.push(`e.test = $${params.push(filter.test)}`);
    const whereSql = clauses.length ? `WHERE ${clauses.join(' AND ')}` : '';
    const rows: (ChampionEvidenceRow & { total: string })[] = await this.dataSource.query(
      `SELECT ${EVIDENCE_COLUMNS}, (SELECT count(*) FROM champion_evidence e ${whereSql}) AS total FROM champion_evidence e ${whereSql}
        ${EVIDENCE_ORDER} LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, pageSize, (page - 1) * pageSize],
    );
    if (rows.length > 0 || page === 1) return { rows, total: Number(rows[0]?.total ?? 0) };
    const [{ total }] = await this.dataSource.query(`SELECT count(*) AS total FROM champion_evidence e ${whereSql}`, params);
    return { rows, total: Number(total) };
  }

  /** Everything recorded about one person, newest first (for their subject-access export). */
  evidenceFor(stakeholderId: string): Promise<ChampionEvidenceRow[]> {
    return this.dataSource.query(`${EVIDENCE_SELECT} WHERE e.stakeholder_id = $1 ${EVIDENCE_ORDER}`, [stakeholderId]);
  }

  async insertEvidence(manager: EntityManager, stakeholderId: string, columns: Required<ChampionEvidenceColumns>, createdBy: string): Promise<string> {
    const rows = await manager.query(
      `INSERT INTO champion_evidence (stakeholder_id, test, evidence, observed_on, created_by) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
      [stakeholderId, columns.test, columns.evidence, columns.observed_on, createdBy],
    );
    return rows[0].id;
  }

  /** Compare-and-set update; false when no row matched (missing, or changed since). */
  async updateEvidenceIfVersion(manager: EntityManager, id: string, version: number, columns: ChampionEvidenceColumns): Promise<boolean> {
    const params: unknown[] = [id, version];
    const sets = Object.entries(columns)
      .filter(([, value]) => value !== undefined)
      .map(([column, value]) => `${column} = $${params.push(value)}`);
    const [rows] = await manager.query(
      `UPDATE champion_evidence SET ${[...sets, 'updated_at = now()', 'version = version + 1'].join(', ')}
        WHERE id = $1 AND version = $2 RETURNING id`,
      params,
    );
    return rows.length > 0;
  }

  async deleteEvidence(manager: EntityManager, id: string): Promise<void> {
    await manager.query(`DELETE FROM champion_evidence WHERE id = $1`, [id]);
  }

  // ---- Qualification: one statement per source, whatever the number of people ----

  /** Potential champions still on record, by name, with their influence. */
  candidates(): Promise<CandidateRow[]> {
    return this.dataSource.query(
      `WITH influence_inputs AS (${INFLUENCE_INPUTS_SQL})
       SELECT s.id, s.name, s.title, s.role, s.business_function, s.potential_champion, s.commitment, s.required_commitment,
              ii.score, ii.looked_to_by
         FROM stakeholders s JOIN influence_inputs ii ON ii.stakeholder_id = s.id
        WHERE s.potential_champion AND s.erased_at IS NULL
        ORDER BY lower(s.name), s.id`,
    );
  }

  /** Who looks to each potential champion (links and direct reports), strongest first, then by name. */
  followers(): Promise<FollowerRow[]> {
    return this.dataSource.query(
      `SELECT t.leader_id, t.follower_id, f.name AS follower_name, t.via, t.kind, t.influence_id
         FROM (${SWAYING_TIES_SQL}) t
         ${joinCandidate('leader', 't.leader_id')}
         JOIN stakeholders f ON f.id = t.follower_id
        ORDER BY t.leader_id, t.strength DESC, lower(f.name), f.id`,
    );
  }

  /** Briefings potential champions gave that happened (status done), newest first. */
  briefingsGiven(): Promise<BriefingGivenRow[]> {
    return this.dataSource.query(
      `SELECT b.id, b.briefer_id, b.audience_id, au.name AS audience_name, to_char((b.planned_for AT TIME ZONE 'UTC')::date, 'YYYY-MM-DD') AS day
         FROM briefings b
         ${joinCandidate('br', 'b.briefer_id')}
         LEFT JOIN stakeholders au ON au.id = b.audience_id
        WHERE b.status = 'done'
        ORDER BY b.planned_for DESC, b.id`,
    );
  }

  /** Meetings where a potential champion spoke for it, newest first. */
  meetingsSpokenIn(): Promise<SpokeInMeetingRow[]> {
    return this.dataSource.query(
      `SELECT m.id AS meeting_id, ma.stakeholder_id, m.title, to_char((m.scheduled_for AT TIME ZONE 'UTC')::date, 'YYYY-MM-DD') AS day
         FROM meeting_attendees ma
         ${joinCandidate('s', 'ma.stakeholder_id')}
         JOIN meetings m ON m.id = ma.meeting_id
        WHERE ma.spoke_for
        ORDER BY m.scheduled_for DESC, m.id`,
    );
  }

  /** Soundings of potential champions that name a benefit, newest first; the words go through the confidentiality policy. */
  benefitsNamed(): Promise<BenefitNamedRow[]> {
    return this.dataSource.query(
      `SELECT so.id, so.stakeholder_id, to_char(so.held_on, 'YYYY-MM-DD') AS held_on, so.benefits_seen, so.confidential, so.author_id
         FROM soundings so
         ${joinCandidate('s', 'so.stakeholder_id')}
        WHERE so.benefits_seen IS NOT NULL AND btrim(so.benefits_seen) <> ''
        ORDER BY so.held_on DESC, so.created_at DESC, so.id`,
    );
  }

  /** Business priorities potential champions own: a stake in the case, by function and title. */
  prioritiesOwned(): Promise<PriorityOwnedRow[]> {
    return this.dataSource.query(
      `SELECT p.id, p.owner_id, p.business_function, p.title
         FROM priorities p
         ${joinCandidate('s', 'p.owner_id')}
        ORDER BY lower(p.business_function), lower(p.title), p.id`,
    );
  }

  /** Evidence recorded by hand about potential champions. */
  recordedEvidence(): Promise<ChampionEvidenceRow[]> {
    return this.dataSource.query(
      `${EVIDENCE_SELECT} ${joinCandidate('s', 'e.stakeholder_id')} ${EVIDENCE_ORDER}`,
    );
  }
}
