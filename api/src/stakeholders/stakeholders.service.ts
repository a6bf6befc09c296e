import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Page, Stakeholder } from '@soundings/shared';
import { cadenceProblems } from '../cadence/cadence-rules';
import { auditableChanges, AuditService } from '../audit/audit.service';
import { DeletedItemsService } from '../deleted-items/deleted-items.service';
import type { Actor } from '../auth/actor';
import { pageOf } from '../common/pagination.dto';
import { invalidField, invalidFields, notFound, versionConflict } from '../errors/api-exceptions';
import { CreateStakeholderDto } from './dto/create-stakeholder.dto';
import { ListStakeholdersDto } from './dto/list-stakeholders.dto';
import { UpdateStakeholderDto } from './dto/update-stakeholder.dto';
import { stakeholderSearchText } from './search-text';
import { mapStakeholder } from './stakeholder.mapper';
import { StakeholdersRepository } from './stakeholders.repository';
import { StakeholderWriteLock } from './stakeholder-write-lock';

// Names, titles, emails and timing notes are personal: the trail names them when they change, never copies them.
const STAKEHOLDER_AUDITABLE_FIELDS = ['role', 'businessFunction', 'potentialChampion', 'influence', 'reportsToId', 'requiredCommitment', 'cadence'] as const;

function auditFields(stakeholder: Stakeholder): Record<string, unknown> {
  return {
    name: stakeholder.name,
    title: stakeholder.title,
    email: stakeholder.email,
    timingNotes: stakeholder.timingNotes,
    role: stakeholder.role,
    businessFunction: stakeholder.businessFunction,
    potentialChampion: stakeholder.potentialChampion,
    influence: stakeholder.influence,
    reportsToId: stakeholder.reportsTo?.id ?? null,
    requiredCommitment: stakeholder.requiredCommitment,
    cadence: stakeholder.contact.personal ? stakeholder.contact.cadence : null,
  };
}

@Injectable()
export class StakeholdersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly stakeholders: StakeholdersRepository,
    private readonly writeLock: StakeholderWriteLock,
    private readonly audit: AuditService,
    private readonly deletedItems: DeletedItemsService,
  ) {}

  async list(query: ListStakeholdersDto): Promise<Page<Stakeholder>> {
    const { page, pageSize } = pageOf(query);
    const { rows, total, totalIsEstimate } = await this.stakeholders.list({ ...query, page, pageSize });
    return { items: rows.map(mapStakeholder), total, totalIsEstimate, page, pageSize };
  }

  async get(id: string): Promise<Stakeholder> {
    const row = await this.stakeholders.findById(id);
    if (!row) throw notFound('Stakeholder');
    return mapStakeholder(row);
  }

  async create(actor: Actor, input: CreateStakeholderDto): Promise<Stakeholder> {
    if (input.reportsToId) await this.assertManagerExists(input.reportsToId);
    return this.dataSource.transaction(async (manager) => {
      // Reporting to an erased person would link a new record to them.
      await this.writeLock.lock(manager, [input.reportsToId]);
      const id = await this.stakeholders.insert(manager, input, stakeholderSearchText(input));
      const created = mapStakeholder((await this.stakeholders.findById(id, manager))!);
      await this.audit.record(
        actor,
        {
          action: 'stakeholder.create',
          entityType: 'stakeholder',
          entityId: id,
          stakeholderId: id,
          ...auditableChanges(null, auditFields(created), STAKEHOLDER_AUDITABLE_FIELDS),
        },
        manager,
      );
      return created;
    });
  }

  async update(actor: Actor, id: string, version: number, changes: UpdateStakeholderDto): Promise<Stakeholder> {
    if (changes.cadence) {
      const problems = cadenceProblems(changes.cadence, 'cadence');
      if (problems.length > 0) throw invalidFields(problems);
    }
    const current = await this.get(id);
    if (changes.reportsToId) {
      if (changes.reportsToId === id) throw invalidField('reportsToId', 'cannot be the person themselves');
      await this.assertManagerExists(changes.reportsToId);
      if (await this.stakeholders.wouldCreateReportingCycle(id, changes.reportsToId)) {
        throw invalidField('reportsToId', 'would make a reporting loop (this person is already above them)');
      }
    }
    const searchFieldsChanged =
      changes.name !== undefined || changes.title !== undefined || changes.email !== undefined || changes.businessFunction !== undefined;
    const searchText = searchFieldsChanged
      ? stakeholderSearchText({
          name: changes.name ?? current.name,
          title: changes.title !== undefined ? changes.title : current.title,
          email: changes.email !== undefined ? changes.email : current.email,
          businessFunction: changes.businessFunction !== undefined ? changes.businessFunction : current.businessFunction,
        })
      : null;
    const { version: _ignored, cadence, ...fields } = changes;
    return this.dataSource.transaction(async (manager) => {
      await this.writeLock.lock(manager, [id, changes.reportsToId]);
      if (!(await this.stakeholders.updateIfVersion(manager, id, version, fields, searchText))) {
        const latest = await this.stakeholders.findById(id, manager);
        if (!latest) throw notFound('Stakeholder');
        throw versionConflict(mapStakeholder(latest));
      }
      if (cadence !== undefined) await this.stakeholders.setCadence(manager, id, cadence);
      const after = mapStakeholder((await this.stakeholders.findById(id, manager))!);
      await this.audit.record(
        actor,
        {
          action: 'stakeholder.update',
          entityType: 'stakeholder',
          entityId: id,
          stakeholderId: id,
          ...auditableChanges(auditFields(current), auditFields(after), STAKEHOLDER_AUDITABLE_FIELDS),
        },
        manager,
      );
      return after;
    });
  }

  async remove(actor: Actor, id: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      // What is left of an erased person is anonymous and counted; deleting it would change the counts.
      await this.writeLock.lock(manager, [id]);
      await this.deletedItems.hold(manager, actor, 'stakeholder', id);
      if (!(await this.stakeholders.delete(manager, id))) throw notFound('Stakeholder');
      await this.audit.record(actor, { action: 'stakeholder.delete', entityType: 'stakeholder', entityId: id, stakeholderId: id }, manager);
    });
  }

  businessFunctions() {
    return this.stakeholders.businessFunctions();
  }

  private async assertManagerExists(managerId: string): Promise<void> {
    if (!(await this.stakeholders.exists(managerId))) throw invalidField('reportsToId', 'is not a known stakeholder');
  }
}
