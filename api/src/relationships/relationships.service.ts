import { ConflictException, HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  ApiErrorBody,
  ERROR_CODES,
  Page,
  Relationship,
  RELATIONSHIP_QUALITY_LABELS,
  RelationshipHolder,
  RelationshipMatrix,
} from '@soundings/shared';
import { DataSource, EntityManager } from 'typeorm';
import { auditableChanges, AuditService } from '../audit/audit.service';
import { DeletedItemsService } from '../deleted-items/deleted-items.service';
import type { Actor } from '../auth/actor';
import { mapCoalitionMember } from '../coalition/coalition-member';
import { pageOf } from '../common/pagination.dto';
import { invalidField, notFound, versionConflict } from '../errors/api-exceptions';
import { StakeholderWriteLock } from '../stakeholders/stakeholder-write-lock';
import { CreateRelationshipDto, ListRelationshipsDto, UpdateRelationshipDto } from './dto/relationship.dto';
import { mapHolder, mapMatrixCell, mapRelationship } from './relationship.mapper';
import { HolderRef, resolveHolder } from './relationship-rules';
import { RelationshipsRepository } from './relationships.repository';

// Who holds it with whom, and how well, are kept in the audit trail; the note is words, named only.
const RELATIONSHIP_AUDITABLE_FIELDS = ['stakeholderId', 'holderType', 'holderId', 'quality'] as const;

function auditFields(relationship: Relationship): Record<string, unknown> {
  return {
    stakeholderId: relationship.stakeholder.id,
    holderType: relationship.holder.type,
    holderId: relationship.holder.id,
    quality: relationship.quality,
    note: relationship.note,
  };
}

function duplicate(existing: Relationship): ConflictException {
  return new ConflictException({
    statusCode: HttpStatus.CONFLICT,
    error: 'Conflict',
    code: ERROR_CODES.conflict,
    message: `${existing.holder.name} already holds the relationship with ${existing.stakeholder.name} (${RELATIONSHIP_QUALITY_LABELS[
      existing.quality
    ].toLowerCase()}). Change that one instead of adding another.`,
    current: existing,
  } satisfies ApiErrorBody);
}

const isUniqueViolation = (error: unknown) => (error as { code?: string } | null)?.code === '23505';

@Injectable()
export class RelationshipsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly relationships: RelationshipsRepository,
    private readonly writeLock: StakeholderWriteLock,
    private readonly audit: AuditService,
    private readonly deletedItems: DeletedItemsService,
  ) {}

  async list(query: ListRelationshipsDto): Promise<Page<Relationship>> {
    const { page, pageSize } = pageOf(query);
    const { rows, total } = await this.relationships.list(query, page, pageSize);
    return { items: rows.map(mapRelationship), total, totalIsEstimate: false, page, pageSize };
  }

  async get(id: string, manager: EntityManager = this.dataSource.manager): Promise<Relationship> {
    const row = await this.relationships.findById(id, manager);
    if (!row) throw notFound('Relationship');
    return mapRelationship(row);
  }

  /** Three statements whatever the campaign's size: the top team, the holders, and the cells. */
  async matrix(): Promise<RelationshipMatrix> {
    const [members, holders, cells] = await Promise.all([this.relationships.topTeam(), this.relationships.holders(), this.relationships.topTeamCells()]);
    return {
      members: members.map((row) => mapCoalitionMember(row, 'member')),
      holders: holders.map(mapHolder),
      cells: cells.map(mapMatrixCell),
    };
  }

  async holderAccounts(): Promise<RelationshipHolder[]> {
    return (await this.relationships.activeAccounts()).map(mapHolder);
  }

  async create(actor: Actor, input: CreateRelationshipDto): Promise<Relationship> {
    const holder = resolveHolder(input);
    return this.dataSource.transaction(async (manager) => {
      // The person's row lock also queues two creates for the same person, so the duplicate check below sees the first.
      const people = await this.writeLock.lock(manager, [input.stakeholderId, holder.type === 'champion' ? holder.stakeholderId : null]);
      if (!people.has(input.stakeholderId)) throw invalidField('stakeholderId', 'is not a known stakeholder');
      await this.assertHolderMayHold(manager, holder, people);
      const existing = await this.relationships.findExisting(manager, input.stakeholderId, holder);
      if (existing) throw duplicate(mapRelationship(existing));
      let id: string;
      try {
        id = await this.relationships.insert(manager, {
          stakeholderId: input.stakeholderId,
          holder,
          quality: input.quality,
          note: input.note ?? null,
          createdBy: actor.user.id,
        });
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
        throw new ConflictException({
          statusCode: HttpStatus.CONFLICT,
          error: 'Conflict',
          code: ERROR_CODES.conflict,
          message: 'This holder already holds the relationship with this person. Reload and change that one instead.',
        } satisfies ApiErrorBody);
      }
      const created = await this.get(id, manager);
      await this.audit.record(
        actor,
        {
          action: 'relationship.create',
          entityType: 'relationship',
          entityId: id,
          stakeholderId: created.stakeholder.id,
          ...auditableChanges(null, auditFields(created), RELATIONSHIP_AUDITABLE_FIELDS),
        },
        manager,
      );
      return created;
    });
  }

  async update(actor: Actor, id: string, version: number, input: UpdateRelationshipDto): Promise<Relationship> {
    return this.dataSource.transaction(async (manager) => {
      const current = await this.get(id, manager);
      await this.writeLock.lock(manager, [current.stakeholder.id, current.holder.type === 'champion' ? current.holder.id : null]);
      if (!(await this.relationships.updateIfVersion(manager, id, version, { quality: input.quality, note: input.note }))) {
        const latest = await this.relationships.findById(id, manager);
        if (!latest) throw notFound('Relationship');
        throw versionConflict(mapRelationship(latest));
      }
      const updated = await this.get(id, manager);
      await this.audit.record(
        actor,
        {
          action: 'relationship.update',
          entityType: 'relationship',
          entityId: id,
          stakeholderId: updated.stakeholder.id,
          ...auditableChanges(auditFields(current), auditFields(updated), RELATIONSHIP_AUDITABLE_FIELDS),
        },
        manager,
      );
      return updated;
    });
  }

  async remove(actor: Actor, id: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const existing = await this.get(id, manager);
      await this.writeLock.lock(manager, [existing.stakeholder.id, existing.holder.type === 'champion' ? existing.holder.id : null]);
      await this.deletedItems.hold(manager, actor, 'relationship', id, `${existing.holder.name} with ${existing.stakeholder.name}`);
      if (!(await this.relationships.delete(manager, id))) throw notFound('Relationship');
      await this.audit.record(
        actor,
        {
          action: 'relationship.delete',
          entityType: 'relationship',
          entityId: id,
          stakeholderId: existing.stakeholder.id,
          before: auditableChanges(null, auditFields(existing), RELATIONSHIP_AUDITABLE_FIELDS).after,
        },
        manager,
      );
    });
  }

  /** A champion must be on record (erased ones were refused by the lock); an account must exist and be active. */
  private async assertHolderMayHold(manager: EntityManager, holder: HolderRef, people: Map<string, unknown>): Promise<void> {
    if (holder.type === 'champion') {
      if (!people.has(holder.stakeholderId)) throw invalidField('holderStakeholderId', 'is not a known stakeholder');
      return;
    }
    const account = await this.relationships.lockAccount(manager, holder.userId);
    if (!account) throw invalidField('holderUserId', 'is not a known account');
    if (!account.active) throw invalidField('holderUserId', 'is a deactivated account: only an active account can hold a relationship');
  }
}
