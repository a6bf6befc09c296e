import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { CommitmentChange } from '@soundings/shared';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { Actor } from '../auth/actor';
import { StakeholderWriteLock } from '../stakeholders/stakeholder-write-lock';
import { mapCommitmentHistory } from './commitment-change.mapper';
import { CommitmentRepository } from './commitment.repository';
import { RecordCommitmentChangeDto } from './dto/record-commitment-change.dto';

@Injectable()
export class CommitmentService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly writeLock: StakeholderWriteLock,
    private readonly commitment: CommitmentRepository,
    private readonly audit: AuditService,
  ) {}

  /**
   * Records a change seen outside a sounding, with its reason, and re-derives the current level.
   * Another module recording one as part of its own write passes its transaction's manager.
   */
  async recordChange(actor: Actor, stakeholderId: string, input: RecordCommitmentChangeDto, manager?: EntityManager): Promise<CommitmentChange> {
    if (!manager) return this.dataSource.transaction((own) => this.recordChange(actor, stakeholderId, input, own));
    await this.writeLock.lockOne(manager, stakeholderId);
    const id = await this.commitment.insertExplicitChange(manager, { stakeholderId, ...input });
    await this.commitment.rebuildFromEvidence(manager, stakeholderId);
    const history = mapCommitmentHistory(await this.commitment.history(stakeholderId, manager));
    const change = history.find((entry) => entry.id === id)!;
    // The reason is evidence in someone's words, so the trail keeps only the levels and the date.
    await this.audit.record(
      actor,
      {
        action: 'commitment.record',
        entityType: 'commitment_change',
        entityId: id,
        stakeholderId,
        before: { level: change.fromLevel },
        after: { level: change.toLevel, on: change.on, changedFields: ['reason'] },
      },
      manager,
    );
    return change;
  }
}
