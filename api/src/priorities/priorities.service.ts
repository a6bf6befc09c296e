import { ConflictException, HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ERROR_CODES } from '@soundings/shared';
import type { ApiErrorBody, Page, Priority } from '@soundings/shared';
import { DataSource, EntityManager } from 'typeorm';
import { auditableChanges, AuditService } from '../audit/audit.service';
import { DeletedItemsService } from '../deleted-items/deleted-items.service';
import type { Actor } from '../auth/actor';
import { pageOf } from '../common/pagination.dto';
import { invalidField, notFound, versionConflict } from '../errors/api-exceptions';
import { StakeholderWriteLock } from '../stakeholders/stakeholder-write-lock';
import { CreatePriorityDto, ListPrioritiesDto, UpdatePriorityDto } from './dto/priority.dto';
import { PrioritiesRepository } from './priorities.repository';
import { mapPriority } from './priority.mapper';

// The function and the owner are kept in the audit trail; the title and coaching link are words, named only.
const PRIORITY_AUDITABLE_FIELDS = ['businessFunction', 'ownerId'] as const;

function auditFields(priority: Priority): Record<string, unknown> {
  return { businessFunction: priority.businessFunction, ownerId: priority.owner?.id ?? null, title: priority.title, coachingLink: priority.coachingLink };
}

function duplicate(existing: Priority): ConflictException {
  return new ConflictException({
    statusCode: HttpStatus.CONFLICT,
    error: 'Conflict',
    code: ERROR_CODES.conflict,
    message: `${existing.businessFunction} already has the priority “${existing.title}”. Edit that one instead (\`current\` holds it).`,
    fields: [{ field: 'title', message: `is already a priority of ${existing.businessFunction}` }],
    current: existing,
  } satisfies ApiErrorBody);
}

@Injectable()
export class PrioritiesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly priorities: PrioritiesRepository,
    private readonly writeLock: StakeholderWriteLock,
    private readonly audit: AuditService,
    private readonly deletedItems: DeletedItemsService,
  ) {}

  async list(query: ListPrioritiesDto): Promise<Page<Priority>> {
    const { page, pageSize } = pageOf(query);
    const { rows, total } = await this.priorities.list(query, page, pageSize);
    return { items: rows.map(mapPriority), total, totalIsEstimate: false, page, pageSize };
  }

  async get(id: string, manager: EntityManager = this.dataSource.manager): Promise<Priority> {
    const row = await this.priorities.findById(id, manager);
    if (!row) throw notFound('Priority');
    return mapPriority(row);
  }

  async create(actor: Actor, input: CreatePriorityDto): Promise<Priority> {
    const ownerId = input.ownerId ?? null;
    return this.dataSource.transaction(async (manager) => {
      await this.lockOwner(manager, ownerId);
      await this.refuseDuplicate(manager, input.businessFunction, input.title);
      const id = await this.priorities.insert(manager, {
        business_function: input.businessFunction,
        title: input.title,
        owner_id: ownerId,
        coaching_link: input.coachingLink ?? null,
      });
      // Another request took the same title between our check and the insert.
      if (!id) await this.refuseDuplicate(manager, input.businessFunction, input.title);
      const created = await this.get(id!, manager);
      await this.record(actor, manager, 'priority.create', created, auditableChanges(null, auditFields(created), PRIORITY_AUDITABLE_FIELDS));
      return created;
    });
  }

  async update(actor: Actor, id: string, version: number, input: UpdatePriorityDto): Promise<Priority> {
    return this.dataSource.transaction(async (manager) => {
      const current = await this.get(id, manager);
      const ownerId = input.ownerId !== undefined ? input.ownerId : (current.owner?.id ?? null);
      await this.lockOwner(manager, ownerId, current.owner?.id);
      if (current.version !== version) throw versionConflict(current);
      const businessFunction = input.businessFunction ?? current.businessFunction;
      const title = input.title ?? current.title;
      await this.refuseDuplicate(manager, businessFunction, title, id);
      const changed = await this.priorities.updateIfVersion(manager, id, version, {
        business_function: input.businessFunction,
        title: input.title,
        owner_id: input.ownerId,
        coaching_link: input.coachingLink,
      });
      if (!changed) throw versionConflict(await this.get(id, manager));
      const updated = await this.get(id, manager);
      await this.record(actor, manager, 'priority.update', updated, auditableChanges(auditFields(current), auditFields(updated), PRIORITY_AUDITABLE_FIELDS), current);
      return updated;
    });
  }

  async remove(actor: Actor, id: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const existing = await this.get(id, manager);
      await this.writeLock.lock(manager, [existing.owner?.id]);
      await this.deletedItems.hold(manager, actor, 'priority', id, existing.title);
      if (!(await this.priorities.delete(manager, id))) throw notFound('Priority');
      const changes = auditableChanges(null, auditFields(existing), PRIORITY_AUDITABLE_FIELDS);
      await this.record(actor, manager, 'priority.delete', existing, { before: changes.after, after: null });
    });
  }

  /** Locks the owner (and the one being replaced): 409 when erased, 400 naming an unknown one. */
  private async lockOwner(manager: EntityManager, ownerId: string | null, previousOwnerId?: string): Promise<void> {
    const found = await this.writeLock.lock(manager, [ownerId, previousOwnerId]);
    if (ownerId && !found.has(ownerId)) throw invalidField('ownerId', 'is not a known stakeholder');
  }

  private async refuseDuplicate(manager: EntityManager, businessFunction: string, title: string, exceptId?: string): Promise<void> {
    const existing = await this.priorities.findSameTitle(manager, businessFunction, title, exceptId);
    if (existing) throw duplicate(mapPriority(existing));
  }

  /**
   * One entry for each owner the priority had before and after the write, so it shows in each one's
   * history; one entry with no person when it has never had an owner.
   */
  private async record(
    actor: Actor,
    manager: EntityManager,
    action: string,
    priority: Priority,
    changes: { before: Record<string, unknown> | null; after: Record<string, unknown> | null },
    before?: Priority,
  ): Promise<void> {
    const owners = [...new Set([priority.owner?.id, before?.owner?.id].filter((id): id is string => !!id))].sort();
    for (const stakeholderId of owners.length > 0 ? owners : [null]) {
      await this.audit.record(actor, { action, entityType: 'priority', entityId: priority.id, stakeholderId, ...changes }, manager);
    }
  }
}
