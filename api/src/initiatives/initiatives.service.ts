import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Initiative, Page } from '@soundings/shared';
import { DataSource, EntityManager } from 'typeorm';
import { auditableChanges, AuditService } from '../audit/audit.service';
import { DeletedItemsService } from '../deleted-items/deleted-items.service';
import type { Actor } from '../auth/actor';
import { LastContactRepository } from '../cadence/last-contact.repository';
import { pageOf } from '../common/pagination.dto';
import { invalidField, notFound, versionConflict } from '../errors/api-exceptions';
import { StakeholderWriteLock } from '../stakeholders/stakeholder-write-lock';
import { CreateInitiativeDto, ListInitiativesDto, UpdateInitiativeDto } from './dto/initiative.dto';
import { mapInitiative } from './initiative.mapper';
import { involvementChanges, peopleConcerned } from './initiative-rules';
import { InitiativesRepository } from './initiatives.repository';

// Kind, day and who are kept in the audit trail; the title and description are words, named only.
const INITIATIVE_AUDITABLE_FIELDS = ['kind', 'heldOn', 'ownerId', 'involvedIds'] as const;

function auditFields(initiative: Initiative): Record<string, unknown> {
  return {
    kind: initiative.kind,
    heldOn: initiative.heldOn,
    ownerId: initiative.owner?.id ?? null,
    involvedIds: involvedIdsOf(initiative),
    title: initiative.title,
    description: initiative.description,
  };
}

const involvedIdsOf = (initiative: Initiative) => initiative.involved.map((person) => person.id).sort();
const sidesOf = (initiative: Initiative) => ({ heldOn: initiative.heldOn, ownerId: initiative.owner?.id ?? null, involvedIds: involvedIdsOf(initiative) });

@Injectable()
export class InitiativesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly initiatives: InitiativesRepository,
    private readonly writeLock: StakeholderWriteLock,
    private readonly lastContact: LastContactRepository,
    private readonly audit: AuditService,
    private readonly deletedItems: DeletedItemsService,
  ) {}

  async list(query: ListInitiativesDto): Promise<Page<Initiative>> {
    const { page, pageSize } = pageOf(query);
    const { rows, total } = await this.initiatives.list(query, page, pageSize);
    return { items: rows.map(mapInitiative), total, totalIsEstimate: false, page, pageSize };
  }

  async get(id: string, manager: EntityManager = this.dataSource.manager): Promise<Initiative> {
    const row = await this.initiatives.findById(id, manager);
    if (!row) throw notFound('Initiative');
    return mapInitiative(row);
  }

  async create(actor: Actor, input: CreateInitiativeDto): Promise<Initiative> {
    const involvedIds = input.involvedIds ?? [];
    const ownerId = input.ownerId ?? null;
    return this.dataSource.transaction(async (manager) => {
      await this.lockPeople(manager, ownerId, involvedIds, []);
      const id = await this.initiatives.insert(manager, {
        title: input.title,
        kind: input.kind,
        held_on: input.heldOn,
        owner_id: ownerId,
        description: input.description ?? null,
      });
      await this.initiatives.replaceInvolved(manager, id, involvedIds);
      await this.lastContact.refresh(manager, involvementChanges(null, { heldOn: input.heldOn, involvedIds }));
      const created = await this.get(id, manager);
      await this.record(actor, manager, 'initiative.create', created, auditableChanges(null, auditFields(created), INITIATIVE_AUDITABLE_FIELDS), null);
      return created;
    });
  }

  async update(actor: Actor, id: string, version: number, input: UpdateInitiativeDto): Promise<Initiative> {
    return this.dataSource.transaction(async (manager) => {
      if (!(await this.initiatives.lock(manager, id))) throw notFound('Initiative');
      const current = await this.get(id, manager);
      const before = sidesOf(current);
      const after = {
        heldOn: input.heldOn ?? before.heldOn,
        ownerId: input.ownerId === undefined ? before.ownerId : input.ownerId,
        involvedIds: input.involvedIds ? [...input.involvedIds].sort() : before.involvedIds,
      };
      const contactMoved = involvementChanges(before, after);
      // Whoever joins, leaves, has their day moved or takes or gives up ownership is locked: an erased person is refused.
      const ownerChanged = after.ownerId !== before.ownerId ? [before.ownerId, after.ownerId] : [];
      await this.lockPeople(manager, after.ownerId, input.involvedIds ?? [], [...contactMoved, ...ownerChanged.filter((person): person is string => person !== null)]);
      if (current.version !== version) throw versionConflict(current);
      const changed = await this.initiatives.updateIfVersion(manager, id, version, {
        title: input.title,
        kind: input.kind,
        held_on: input.heldOn,
        owner_id: input.ownerId,
        description: input.description,
      });
      if (!changed) throw versionConflict(await this.get(id, manager));
      if (input.involvedIds) await this.initiatives.replaceInvolved(manager, id, input.involvedIds);
      await this.lastContact.refresh(manager, contactMoved);
      const updated = await this.get(id, manager);
      await this.record(
        actor,
        manager,
        'initiative.update',
        updated,
        auditableChanges(auditFields(current), auditFields(updated), INITIATIVE_AUDITABLE_FIELDS),
        current,
      );
      return updated;
    });
  }

  async remove(actor: Actor, id: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      if (!(await this.initiatives.lock(manager, id))) throw notFound('Initiative');
      const existing = await this.get(id, manager);
      const side = sidesOf(existing);
      await this.writeLock.lock(manager, peopleConcerned(side));
      await this.deletedItems.hold(manager, actor, 'initiative', id, existing.title);
      await this.initiatives.delete(manager, id);
      await this.lastContact.refresh(manager, involvementChanges(side, null));
      const changes = auditableChanges(null, auditFields(existing), INITIATIVE_AUDITABLE_FIELDS);
      await this.record(actor, manager, 'initiative.delete', existing, { before: changes.after, after: null }, null);
    });
  }

  /**
   * Locks the owner, the people named and anyone else whose record the write touches (409 when any was
   * erased); 400 naming the field when an id is not a stakeholder.
   */
  private async lockPeople(manager: EntityManager, ownerId: string | null, involvedIds: readonly string[], alsoLock: readonly string[]): Promise<void> {
    const found = await this.writeLock.lock(manager, [ownerId, ...involvedIds, ...alsoLock]);
    if (ownerId && !found.has(ownerId)) throw invalidField('ownerId', 'is not a known stakeholder');
    const unknown = involvedIds.filter((person) => !found.has(person));
    if (unknown.length > 0) {
      throw invalidField('involvedIds', `includes ${unknown.length} id(s) that are not stakeholders: ${unknown.slice(0, 5).join(', ')}${unknown.length > 5 ? ', …' : ''}`);
    }
  }

  /** One entry for each person the initiative is about (owner and people involved, before and after), so it shows in each one's history. */
  private async record(
    actor: Actor,
    manager: EntityManager,
    action: string,
    initiative: Initiative,
    changes: { before: Record<string, unknown> | null; after: Record<string, unknown> | null },
    before: Initiative | null,
  ): Promise<void> {
    const people = peopleConcerned(sidesOf(initiative), before ? sidesOf(before) : null);
    if (people.length === 0) {
      await this.audit.record(actor, { action, entityType: 'initiative', entityId: initiative.id, ...changes }, manager);
      return;
    }
    for (const stakeholderId of people) {
      await this.audit.record(actor, { action, entityType: 'initiative', entityId: initiative.id, stakeholderId, ...changes }, manager);
    }
  }
}
