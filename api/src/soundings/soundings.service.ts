import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Sounding } from '@soundings/shared';
import { DataSource, EntityManager } from 'typeorm';
import { CommitmentRepository } from '../commitment/commitment.repository';
import { invalidField, notFound, versionConflict } from '../errors/api-exceptions';
import { mapFear } from '../fears/fear.mapper';
import { FearsRepository } from '../fears/fears.repository';
import { StakeholdersRepository } from '../stakeholders/stakeholders.repository';
import { CreateSoundingDto, UpdateSoundingDto } from './dto/sounding.dto';
import { mapSounding } from './sounding.mapper';
import { SoundingsRepository } from './soundings.repository';

export function assertFollowUpNotBeforeHeldOn(heldOn: string, followUpOn: string | null | undefined): void {
  if (followUpOn && followUpOn < heldOn) throw invalidField('followUpOn', `cannot be before the sounding itself (${heldOn})`);
}

@Injectable()
export class SoundingsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly soundings: SoundingsRepository,
    private readonly fears: FearsRepository,
    private readonly stakeholders: StakeholdersRepository,
    private readonly commitment: CommitmentRepository,
  ) {}

  /** Stores the sounding, its fears and the re-derived level in one transaction: all or nothing. */
  async log(stakeholderId: string, input: CreateSoundingDto): Promise<Sounding> {
    assertFollowUpNotBeforeHeldOn(input.heldOn, input.followUpOn);
    const { fears = [], ...fields } = input;
    return this.dataSource.transaction(async (manager) => {
      if (!(await this.stakeholders.lock(stakeholderId, manager))) throw notFound('Stakeholder');
      const id = await this.soundings.insert(manager, stakeholderId, fields);
      await this.fears.insertForSounding(manager, { id, stakeholderId, heldOn: input.heldOn }, fears);
      await this.commitment.rebuildFromEvidence(manager, stakeholderId);
      return this.load(id, manager);
    });
  }

  async listForStakeholder(stakeholderId: string): Promise<Sounding[]> {
    if (!(await this.stakeholders.exists(stakeholderId))) throw notFound('Stakeholder');
    const rows = await this.soundings.forStakeholder(stakeholderId);
    const fears = (await this.fears.forSoundings(rows.map((row) => row.id))).map(mapFear);
    return rows.map((row) => mapSounding(row, fears));
  }

  get(id: string): Promise<Sounding> {
    return this.load(id, this.dataSource.manager);
  }

  /** Corrects a sounding; a new date or level re-derives the person's path. */
  async update(id: string, version: number, input: UpdateSoundingDto): Promise<Sounding> {
    const { version: _version, ...changes } = input;
    return this.dataSource.transaction(async (manager) => {
      const current = await this.soundings.findById(id, manager);
      if (!current) throw notFound('Sounding');
      await this.stakeholders.lock(current.stakeholder_id, manager);
      assertFollowUpNotBeforeHeldOn(changes.heldOn ?? current.held_on, changes.followUpOn !== undefined ? changes.followUpOn : current.follow_up_on);
      if (changes.heldOn && changes.heldOn > current.held_on) {
        // Its fears move with it, and a fear cannot be voiced after it was resolved.
        const resolvedOn = await this.fears.earliestResolvedOn(manager, id);
        if (resolvedOn && resolvedOn < changes.heldOn) {
          throw invalidField('heldOn', `cannot be after ${resolvedOn}, when a fear voiced in this sounding was resolved`);
        }
      }
      if (!(await this.soundings.updateIfVersion(manager, id, version, changes))) {
        throw versionConflict(await this.load(id, manager));
      }
      if (changes.heldOn && changes.heldOn !== current.held_on) await this.fears.moveVoicedDate(manager, id, changes.heldOn);
      await this.commitment.rebuildFromEvidence(manager, current.stakeholder_id);
      return this.load(id, manager);
    });
  }

  private async load(id: string, manager: EntityManager): Promise<Sounding> {
    const row = await this.soundings.findById(id, manager);
    if (!row) throw notFound('Sounding');
    const fears = (await this.fears.forSoundings([id], manager)).map(mapFear);
    return mapSounding(row, fears);
  }
}
