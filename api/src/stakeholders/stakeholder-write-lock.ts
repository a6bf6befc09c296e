import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { notFound, stakeholderErased } from '../errors/api-exceptions';
import { LockedStakeholderRow, StakeholdersRepository } from './stakeholders.repository';

/**
 * The one gate every write about a person passes: it locks the people the write is about (their
 * rows, in id order, for the rest of the transaction) and refuses the write with 409
 * `stakeholder_erased` when any of them was erased. Because erasure takes the same row lock, a write
 * racing an erasure either commits before it (and is then erased with the rest) or sees it and stops.
 */
@Injectable()
export class StakeholderWriteLock {
  constructor(private readonly stakeholders: StakeholdersRepository) {}

  /** The people found, by id; unknown ids are absent, for the caller to refuse in its own words. */
  async lock(manager: EntityManager, ids: (string | null | undefined)[]): Promise<Map<string, LockedStakeholderRow>> {
    const wanted = ids.filter((id): id is string => typeof id === 'string');
    if (wanted.length === 0) return new Map();
    const rows = await this.stakeholders.lockMany(manager, wanted);
    const erased = rows.filter((row) => row.erased_at !== null).map((row) => row.id);
    if (erased.length > 0) throw stakeholderErased(erased);
    return new Map(rows.map((row) => [row.id, row]));
  }

  /** One person the write is about; 404 when there is no such person. */
  async lockOne(manager: EntityManager, id: string): Promise<LockedStakeholderRow> {
    const row = (await this.lock(manager, [id])).get(id);
    if (!row) throw notFound('Stakeholder');
    return row;
  }
}
