import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Expectation, Page } from '@soundings/shared';
import { DataSource, EntityManager } from 'typeorm';
import { auditableChanges, AuditService } from '../audit/audit.service';
import { DeletedItemsService } from '../deleted-items/deleted-items.service';
import type { Actor } from '../auth/actor';
import { pageOf } from '../common/pagination.dto';
import { invalidField, notFound, versionConflict } from '../errors/api-exceptions';
import { StakeholderWriteLock } from '../stakeholders/stakeholder-write-lock';
import { CreateExpectationDto, ListExpectationsDto, UpdateExpectationDto } from './dto/expectation.dto';
import { mapExpectation } from './expectation.mapper';
import { TellerRef, tellerForCreate, tellerForUpdate } from './expectation-rules';
import { ExpectationsRepository } from './expectations.repository';

// Who was told, when, by whom, whether it is realistic and where it stands are kept in the audit trail;
// what they were told and the note are words about a person, named only.
const EXPECTATION_AUDITABLE_FIELDS = ['stakeholderId', 'toldOn', 'tellerType', 'tellerId', 'realistic', 'status'] as const;

function auditFields(expectation: Expectation): Record<string, unknown> {
  return {
    stakeholderId: expectation.stakeholder.id,
    toldOn: expectation.toldOn,
    tellerType: expectation.toldBy?.type ?? null,
    tellerId: expectation.toldBy?.id ?? null,
    realistic: expectation.realistic,
    status: expectation.status,
    expectation: expectation.expectation,
    note: expectation.note,
  };
}

const sameTeller = (teller: TellerRef, current: Expectation['toldBy']): boolean =>
  current !== null &&
  (teller.type === 'account' ? current.type === 'account' && current.id === teller.userId : current.type === 'champion' && current.id === teller.stakeholderId);

@Injectable()
export class ExpectationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly expectations: ExpectationsRepository,
    private readonly writeLock: StakeholderWriteLock,
    private readonly audit: AuditService,
    private readonly deletedItems: DeletedItemsService,
  ) {}

  async list(query: ListExpectationsDto): Promise<Page<Expectation>> {
    const { page, pageSize } = pageOf(query);
    const { rows, total } = await this.expectations.list({ stakeholderId: query.stakeholderId, status: query.status, realistic: query.realistic }, page, pageSize);
    return { items: rows.map(mapExpectation), total, totalIsEstimate: false, page, pageSize };
  }

  async get(id: string, manager?: EntityManager): Promise<Expectation> {
    const row = await this.expectations.findById(id, manager);
    if (!row) throw notFound('Expectation');
    return mapExpectation(row);
  }

  async create(actor: Actor, input: CreateExpectationDto): Promise<Expectation> {
    const teller = tellerForCreate(input, actor.user.id);
    return this.dataSource.transaction(async (manager) => {
      const people = await this.writeLock.lock(manager, [input.stakeholderId, teller.type === 'champion' ? teller.stakeholderId : null]);
      if (!people.has(input.stakeholderId)) throw invalidField('stakeholderId', 'is not a known stakeholder');
      await this.assertMayTell(manager, teller, people);
      const id = await this.expectations.insert(
        manager,
        input.stakeholderId,
        {
          expectation: input.expectation,
          told_on: input.toldOn,
          teller,
          realistic: input.realistic,
          status: input.status ?? 'open',
          note: input.note ?? null,
        },
        actor.user.id,
      );
      const created = await this.get(id, manager);
      await this.recordAudit(actor, 'expectation.create', null, created, manager);
      return created;
    });
  }

  async update(actor: Actor, id: string, version: number, input: UpdateExpectationDto): Promise<Expectation> {
    return this.dataSource.transaction(async (manager) => {
      const found = await this.get(id, manager);
      const teller = tellerForUpdate(input, found.stakeholder.id);
      const changesTeller = teller !== null && !sameTeller(teller, found.toldBy);
      const people = await this.writeLock.lock(manager, [found.stakeholder.id, changesTeller && teller.type === 'champion' ? teller.stakeholderId : null]);
      if (changesTeller) await this.assertMayTell(manager, teller, people);
      // Read again under the person's lock, so the audit's "before" is what a concurrent writer left.
      const before = await this.get(id, manager);
      const changed = await this.expectations.updateIfVersion(manager, id, version, {
        expectation: input.expectation,
        told_on: input.toldOn,
        teller: teller ?? undefined,
        realistic: input.realistic,
        status: input.status,
        note: input.note,
      });
      if (!changed) throw versionConflict(before);
      const updated = await this.get(id, manager);
      await this.recordAudit(actor, 'expectation.update', before, updated, manager);
      return updated;
    });
  }

  async remove(actor: Actor, id: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const found = await this.get(id, manager);
      await this.writeLock.lock(manager, [found.stakeholder.id]);
      await this.deletedItems.hold(manager, actor, 'expectation', id, `${found.stakeholder.name}: ${found.expectation.slice(0, 120)}`);
      if (!(await this.expectations.delete(manager, id))) throw notFound('Expectation');
      await this.audit.record(
        actor,
        {
          action: 'expectation.delete',
          entityType: 'expectation',
          entityId: id,
          stakeholderId: found.stakeholder.id,
          before: auditableChanges(null, auditFields(found), EXPECTATION_AUDITABLE_FIELDS).after,
        },
        manager,
      );
    });
  }

  /** A champion teller must be on record (an erased one was refused by the lock); an account must exist and be active. */
  private async assertMayTell(manager: EntityManager, teller: TellerRef, people: Map<string, unknown>): Promise<void> {
    if (teller.type === 'champion') {
      if (!people.has(teller.stakeholderId)) throw invalidField('toldByStakeholderId', 'is not a known stakeholder');
      return;
    }
    const account = await this.expectations.lockAccount(manager, teller.userId);
    if (!account) throw invalidField('toldByUserId', 'is not a known account');
    if (!account.active) throw invalidField('toldByUserId', 'is a deactivated account: name an active account, or the champion who told them');
  }

  private recordAudit(actor: Actor, action: string, before: Expectation | null, after: Expectation, manager: EntityManager): Promise<void> {
    const changes = auditableChanges(before && auditFields(before), auditFields(after), EXPECTATION_AUDITABLE_FIELDS);
    return this.audit.record(
      actor,
      { action, entityType: 'expectation', entityId: after.id, stakeholderId: after.stakeholder.id, before: changes.before, after: changes.after },
      manager,
    );
  }
}
