import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { coalitionMemberColumns } from '../coalition/coalition-member';
import { NarrativeFieldsDto } from './dto/narrative.dto';
import { NarrativeRow } from './narrative.mapper';

/** A narrative with one top-team member's latest reaction the reader may see (null columns: nobody reacted). */
export interface ResonanceRow extends NarrativeRow {
  stakeholder_id: string | null;
  response: string | null;
  held_on: string | null;
  sounding_id: string | null;
  confidential: boolean | null;
  author_id: string | null;
}

const NARRATIVE_COLUMNS: Record<keyof NarrativeFieldsDto, string> = {
  title: 'title',
  description: 'description',
  archived: 'archived',
};

// Offered narratives first, then archived ones; each by title.
const LIST_ORDER = `n.archived, lower(n.title), n.id`;

@Injectable()
export class NarrativesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  list(): Promise<NarrativeRow[]> {
    return this.dataSource.query(`SELECT * FROM narratives n ORDER BY ${LIST_ORDER}`);
  }

  async findById(id: string, manager: EntityManager = this.dataSource.manager, lock = false): Promise<NarrativeRow | null> {
    const rows = await manager.query(`SELECT * FROM narratives WHERE id = $1${lock ? ' FOR UPDATE' : ''}`, [id]);
    return rows[0] ?? null;
  }

  /** Another narrative with this title, whatever the case. */
  async findByTitle(manager: EntityManager, title: string, exceptId: string | null = null): Promise<NarrativeRow | null> {
    const rows = await manager.query(`SELECT * FROM narratives WHERE lower(title) = lower($1) AND id IS DISTINCT FROM $2`, [title, exceptId]);
    return rows[0] ?? null;
  }

  async insert(manager: EntityManager, fields: NarrativeFieldsDto): Promise<string> {
    const rows = await manager.query(`INSERT INTO narratives (title, description, archived) VALUES ($1, $2, $3) RETURNING id`, [
      fields.title,
      fields.description ?? null,
      fields.archived ?? false,
    ]);
    return rows[0].id;
  }

  async updateIfVersion(manager: EntityManager, id: string, version: number, fields: Partial<NarrativeFieldsDto>): Promise<boolean> {
    const params: unknown[] = [id, version];
    const sets = Object.entries(fields)
      .filter(([key, value]) => value !== undefined && key in NARRATIVE_COLUMNS)
      .map(([key, value]) => {
        params.push(value);
        return `${NARRATIVE_COLUMNS[key as keyof NarrativeFieldsDto]} = $${params.length}`;
      });
    const [rows] = await manager.query(
      `UPDATE narratives SET ${[...sets, 'updated_at = now()', 'version = version + 1'].join(', ')} WHERE id = $1 AND version = $2 RETURNING id`,
      params,
    );
    return rows.length > 0;
  }

  /** How many soundings cite it. Called with the narrative locked, so none can start citing it meanwhile. */
  async citations(manager: EntityManager, id: string): Promise<number> {
    const [{ total }] = await manager.query(`SELECT count(*)::int AS total FROM sounding_narratives WHERE narrative_id = $1`, [id]);
    return total;
  }

  async delete(manager: EntityManager, id: string): Promise<void> {
    await manager.query(`DELETE FROM narratives WHERE id = $1`, [id]);
  }

  // ---- Resonance across the top team: two statements whatever the campaign's size ----

  /** Columns: every top-team member still on record, by name. */
  topTeam(): Promise<Record<string, unknown>[]> {
    return this.dataSource.query(
      `SELECT ${coalitionMemberColumns('s', 'member')} FROM stakeholders s
        WHERE s.role = 'top_team' AND s.erased_at IS NULL ORDER BY lower(s.name), s.id`,
    );
  }

  /**
   * Every narrative, with each top-team member's latest reaction (latest sounding by day, then by entry)
   * among the soundings the reader may read: a confidential one counts only for its author and admins.
   */
  resonance(readsEveryConfidential: boolean, readerId: string): Promise<ResonanceRow[]> {
    return this.dataSource.query(
      `SELECT n.*, latest.stakeholder_id, latest.response, to_char(latest.held_on, 'YYYY-MM-DD') AS held_on,
              latest.sounding_id, latest.confidential, latest.author_id
         FROM narratives n
         LEFT JOIN LATERAL (
           SELECT DISTINCT ON (so.stakeholder_id) so.stakeholder_id, sn.response, so.held_on, so.id AS sounding_id, so.confidential, so.author_id
             FROM sounding_narratives sn
             JOIN soundings so ON so.id = sn.sounding_id
             JOIN stakeholders s ON s.id = so.stakeholder_id
            WHERE sn.narrative_id = n.id AND s.role = 'top_team' AND s.erased_at IS NULL
              AND (NOT so.confidential OR $1::boolean OR so.author_id = $2::uuid)
            ORDER BY so.stakeholder_id, so.held_on DESC, so.created_at DESC
         ) latest ON true
        ORDER BY ${LIST_ORDER}, latest.stakeholder_id`,
      [readsEveryConfidential, readerId],
    );
  }
}
