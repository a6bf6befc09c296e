import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ChampionEvidence, Page } from '@soundings/shared';
import { DataSource, EntityManager } from 'typeorm';
import { auditableChanges, AuditService } from '../audit/audit.service';
import { DeletedItemsService } from '../deleted-items/deleted-items.service';
import type { Actor } from '../auth/actor';
import { pageOf } from '../common/pagination.dto';
import { invalidField, notFound, versionConflict } from '../errors/api-exceptions';
import { StakeholderWriteLock } from '../stakeholders/stakeholder-write-lock';
import { mapChampionEvidence } from './champion-evidence.mapper';
import { ChampionsRepository } from './champions.repository';
import { CreateChampionEvidenceDto, ListChampionEvidenceDto, UpdateChampionEvidenceDto } from './dto/champion-evidence.dto';

// The test and the date are kept in the audit trail; the evidence is words about a person, named only.
const EVIDENCE_AUDITABLE_FIELDS = ['test', 'on'] as const;

function auditFields(evidence: ChampionEvidence): Record<string, unknown> {
  return { test: evidence.test, on: evidence.on, evidence: evidence.evidence };
}

@Injectable()
export class ChampionEvidenceService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly champions: ChampionsRepository,
    private readonly writeLock: StakeholderWriteLock,
    private readonly audit: AuditService,
    private readonly deletedItems: DeletedItemsService,
  ) {}

  async list(query: ListChampionEvidenceDto): Promise<Page<ChampionEvidence>> {
    const { page, pageSize } = pageOf(query);
    const { rows, total } = await this.champions.listEvidence({ stakeholderId: query.stakeholderId, test: query.test }, page, pageSize);
    return { items: rows.map(mapChampionEvidence), total, totalIsEstimate: false, page, pageSize };
  }

  async get(id: string, manager?: EntityManager): Promise<ChampionEvidence> {
    const row = await this.champions.findEvidence(id, manager);
    if (!row) throw notFound('Champion evidence');
    return mapChampionEvidence(row);
  }

  async create(actor: Actor, input: CreateChampionEvidenceDto): Promise<ChampionEvidence> {
    return this.dataSource.transaction(async (manager) => {
      const locked = await this.writeLock.lock(manager, [input.stakeholderId]);
      if (!locked.has(input.stakeholderId)) throw invalidField('stakeholderId', 'is not a known stakeholder');
      const id = await this.champions.insertEvidence(
        manager,
        input.stakeholderId,
        { test: input.test, evidence: input.evidence, observed_on: input.on },
        actor.user.id,
      );
      const created = await this.get(id, manager);
      await this.recordAudit(actor, 'champion_evidence.create', null, created, manager);
      return created;
    });
  }

  async update(actor: Actor, id: string, version: number, input: UpdateChampionEvidenceDto): Promise<ChampionEvidence> {
    return this.dataSource.transaction(async (manager) => {
      const before = await this.lockSubject(manager, id);
      const changed = await this.champions.updateEvidenceIfVersion(manager, id, version, {
        test: input.test,
        evidence: input.evidence,
        observed_on: input.on,
      });
      if (!changed) throw versionConflict(before);
      const updated = await this.get(id, manager);
      await this.recordAudit(actor, 'champion_evidence.update', before, updated, manager);
      return updated;
    });
  }

  async remove(actor: Actor, id: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const before = await this.lockSubject(manager, id);
      await this.deletedItems.hold(manager, actor, 'champion_evidence', id, `${before.test.replace(/_/g, ' ')} evidence`, before.stakeholderId);
      await this.champions.deleteEvidence(manager, id);
      // Like a deleted meeting: the entry keeps what it was (test, date) and names the words it held.
      await this.audit.record(
        actor,
        {
          action: 'champion_evidence.delete',
          entityType: 'champion_evidence',
          entityId: id,
          stakeholderId: before.stakeholderId,
          before: auditableChanges(null, auditFields(before), EVIDENCE_AUDITABLE_FIELDS).after,
        },
        manager,
      );
    });
  }

  /** The evidence as it is now, with the person it is about locked: an erased person's gets 409. */
  private async lockSubject(manager: EntityManager, id: string): Promise<ChampionEvidence> {
    const found = await this.champions.findEvidence(id, manager);
    if (!found) throw notFound('Champion evidence');
    await this.writeLock.lock(manager, [found.stakeholder_id]);
    // Read again under the lock, so the version compared below is the one a concurrent writer left.
    return this.get(id, manager);
  }

  private recordAudit(actor: Actor, action: string, before: ChampionEvidence | null, after: ChampionEvidence, manager: EntityManager): Promise<void> {
    const changes = auditableChanges(before && auditFields(before), auditFields(after), EVIDENCE_AUDITABLE_FIELDS);
    return this.audit.record(
      actor,
      { action, entityType: 'champion_evidence', entityId: after.id, stakeholderId: after.stakeholderId, before: changes.before, after: changes.after },
      manager,
    );
  }
}
