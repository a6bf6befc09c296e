import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { CONDUCTED_SOUNDINGS_SHOWN } from '@soundings/shared';
import type { ConductedSounding, PriorityRef, SoundingChannel, SoundingNarrative, StakeholderRef } from '@soundings/shared';
import { DataSource, EntityManager } from 'typeorm';
import { SoundingFieldsDto } from './dto/sounding.dto';

export interface SoundingRow {
  id: string;
  stakeholder_id: string;
  held_on: string;
  channel: string;
  conducted_by: string | null;
  conducted_by_stakeholder_id: string | null;
  /** The champion behind `conducted_by_stakeholder_id`, with their name as it is now. */
  conducted_by_person: StakeholderRef | null;
  summary: string;
  developmental_experience: string | null;
  benefits_seen: string | null;
  personal_cost: string | null;
  priorities_served: string | null;
  commitment_after: string;
  next_step: string | null;
  follow_up_on: string | null;
  confidential: boolean;
  author_id: string | null;
  created_at: Date;
  updated_at: Date;
  version: number;
  /** Listed priorities that came up, by function then title. */
  priorities: PriorityRef[];
  /** How narratives landed, by title. */
  narratives: SoundingNarrative[];
}

// A sounding with what came up in it: two correlated subqueries on the link tables' primary keys, so a list
// of soundings stays one statement.
const SOUNDING_SELECT = `
  SELECT so.*,
         (SELECT coalesce(json_agg(json_build_object('id', p.id, 'businessFunction', p.business_function, 'title', p.title)
                          ORDER BY lower(p.business_function), lower(p.title), p.id), '[]'::json)
            FROM sounding_priorities sp JOIN priorities p ON p.id = sp.priority_id WHERE sp.sounding_id = so.id) AS priorities,
         (SELECT coalesce(json_agg(json_build_object('narrative', json_build_object('id', n.id, 'title', n.title), 'response', sn.response)
                          ORDER BY lower(n.title), n.id), '[]'::json)
            FROM sounding_narratives sn JOIN narratives n ON n.id = sn.narrative_id WHERE sn.sounding_id = so.id) AS narratives,
         (SELECT json_build_object('id', c.id, 'name', c.name) FROM stakeholders c WHERE c.id = so.conducted_by_stakeholder_id) AS conducted_by_person
    FROM soundings so`;

/** A person's soundings (the person is `$1`), newest first (ties: latest entered first). */
export const SOUNDINGS_OF_PERSON = `${SOUNDING_SELECT} WHERE so.stakeholder_id = $1 ORDER BY so.held_on DESC, so.created_at DESC`;

/** The timestamp columns of a sounding row, for rows read back from JSON. */
export const SOUNDING_MOMENTS = ['created_at', 'updated_at'] as const;

const SOUNDING_COLUMNS: Record<keyof SoundingFieldsDto, string> = {
  heldOn: 'held_on',
  channel: 'channel',
  conductedBy: 'conducted_by',
  conductedById: 'conducted_by_stakeholder_id',
  summary: 'summary',
  developmentalExperience: 'developmental_experience',
  benefitsSeen: 'benefits_seen',
  personalCost: 'personal_cost',
  prioritiesServed: 'priorities_served',
  commitmentAfter: 'commitment_after',
  nextStep: 'next_step',
  followUpOn: 'follow_up_on',
  confidential: 'confidential',
};

function writableEntries(fields: Partial<SoundingFieldsDto>): [string, unknown][] {
  return Object.entries(fields)
    .filter(([key, value]) => value !== undefined && key in SOUNDING_COLUMNS)
    .map(([key, value]) => [SOUNDING_COLUMNS[key as keyof SoundingFieldsDto], value]);
}

@Injectable()
export class SoundingsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insert(manager: EntityManager, stakeholderId: string, authorId: string, fields: SoundingFieldsDto): Promise<string> {
    const entries = writableEntries(fields);
    const columns = ['stakeholder_id', 'author_id', ...entries.map(([column]) => column)];
    const values = [stakeholderId, authorId, ...entries.map(([, value]) => value)];
    const rows = await manager.query(
      `INSERT INTO soundings (${columns.join(', ')}) VALUES (${values.map((_, i) => `$${i + 1}`).join(', ')}) RETURNING id`,
      values,
    );
    return rows[0].id;
  }

  async findById(id: string, manager: EntityManager = this.dataSource.manager): Promise<SoundingRow | null> {
    const rows = await manager.query(`${SOUNDING_SELECT} WHERE so.id = $1`, [id]);
    return rows[0] ?? null;
  }

  /** A person's soundings, newest first (ties: latest entered first). */
  async forStakeholder(stakeholderId: string): Promise<SoundingRow[]> {
    return this.dataSource.query(SOUNDINGS_OF_PERSON, [stakeholderId]);
  }

  /**
   * `linksAdded`: the correction records priorities or narratives, which are notes like its words; written
   * into a sounding whose words the retention rule removed, they mark it as holding words again (the
   * database's trigger only watches the text columns).
   */
  async updateIfVersion(manager: EntityManager, id: string, version: number, fields: Partial<SoundingFieldsDto>, linksAdded = false): Promise<boolean> {
    const params: unknown[] = [id, version];
    const sets = writableEntries(fields).map(([column, value]) => {
      params.push(value);
      return `${column} = $${params.length}`;
    });
    if (linksAdded) sets.push('text_removed_at = NULL');
    const result = await manager.query(
      `UPDATE soundings SET ${[...sets, 'updated_at = now()', 'version = version + 1'].join(', ')}
        WHERE id = $1 AND version = $2 RETURNING id`,
      params,
    );
    return result[0].length > 0;
  }

  /** The soundings one person held with others: how many, and the latest few. One statement. */
  async conductedBy(stakeholderId: string): Promise<{ total: number; recent: ConductedSounding[] }> {
    const rows: { total: number; recent: ConductedSounding[] | null }[] = await this.dataSource.query(
      `SELECT (SELECT count(*)::int FROM soundings WHERE conducted_by_stakeholder_id = $1) AS total,
              (SELECT json_agg(json_build_object('id', r.id, 'stakeholder', json_build_object('id', r.stakeholder_id, 'name', r.name),
                                                 'heldOn', r.held_on, 'channel', r.channel) ORDER BY r.held_on DESC, r.created_at DESC)
                 FROM (SELECT so.id, so.stakeholder_id, s.name, to_char(so.held_on, 'YYYY-MM-DD') AS held_on, so.channel, so.created_at
                         FROM soundings so JOIN stakeholders s ON s.id = so.stakeholder_id
                        WHERE so.conducted_by_stakeholder_id = $1
                        ORDER BY so.held_on DESC, so.created_at DESC
                        LIMIT $2) r) AS recent`,
      [stakeholderId, CONDUCTED_SOUNDINGS_SHOWN],
    );
    return { total: rows[0].total, recent: rows[0].recent ?? [] };
  }

  /** Every sounding one person held with others, newest first (their subject-access export). */
  async allConductedBy(stakeholderId: string): Promise<ConductedSounding[]> {
    const rows: { id: string; stakeholder_id: string; name: string; held_on: string; channel: SoundingChannel }[] = await this.dataSource.query(
      `SELECT so.id, so.stakeholder_id, s.name, so.held_on, so.channel
         FROM soundings so JOIN stakeholders s ON s.id = so.stakeholder_id
        WHERE so.conducted_by_stakeholder_id = $1
        ORDER BY so.held_on DESC, so.created_at DESC`,
      [stakeholderId],
    );
    return rows.map((row) => ({ id: row.id, stakeholder: { id: row.stakeholder_id, name: row.name }, heldOn: row.held_on, channel: row.channel }));
  }
}
