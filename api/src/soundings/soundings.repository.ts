import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { SoundingFieldsDto } from './dto/sounding.dto';

export interface SoundingRow {
  id: string;
  stakeholder_id: string;
  held_on: string;
  channel: string;
  conducted_by: string | null;
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
}

const SOUNDING_COLUMNS: Record<keyof SoundingFieldsDto, string> = {
  heldOn: 'held_on',
  channel: 'channel',
  conductedBy: 'conducted_by',
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
    const rows = await manager.query(`SELECT * FROM soundings WHERE id = $1`, [id]);
    return rows[0] ?? null;
  }

  /** A person's soundings, newest first (ties: latest entered first). */
  async forStakeholder(stakeholderId: string): Promise<SoundingRow[]> {
    return this.dataSource.query(`SELECT * FROM soundings WHERE stakeholder_id = $1 ORDER BY held_on DESC, created_at DESC`, [
      stakeholderId,
    ]);
  }

  async updateIfVersion(manager: EntityManager, id: string, version: number, fields: Partial<SoundingFieldsDto>): Promise<boolean> {
    const params: unknown[] = [id, version];
    const sets = writableEntries(fields).map(([column, value]) => {
      params.push(value);
      return `${column} = $${params.length}`;
    });
    const result = await manager.query(
      `UPDATE soundings SET ${[...sets, 'updated_at = now()', 'version = version + 1'].join(', ')}
        WHERE id = $1 AND version = $2 RETURNING id`,
      params,
    );
    return result[0].length > 0;
  }
}
