import { ConflictException, HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ERROR_CODES, INFLUENCE_KIND_LABELS, INFLUENCE_STRENGTH_DEFAULT, isSymmetricKind } from '@soundings/shared';
import type { ApiErrorBody, Influence, InfluenceKind, Page, StakeholderInfluence } from '@soundings/shared';
import { DataSource, EntityManager } from 'typeorm';
import { auditableChanges, AuditService } from '../audit/audit.service';
import { DeletedItemsService } from '../deleted-items/deleted-items.service';
import type { Actor } from '../auth/actor';
import { pageOf } from '../common/pagination.dto';
import { invalidField, notFound, versionConflict } from '../errors/api-exceptions';
import { StakeholderWriteLock } from '../stakeholders/stakeholder-write-lock';
import { CreateInfluenceDto, ListInfluencesDto, UpdateInfluenceDto } from './dto/influence.dto';
import { mapInfluence, mapMember } from './influence.mapper';
import { InfluencesRepository } from './influences.repository';
import { buildStakeholderInfluence } from './stakeholder-influence';

// Who, how and how strongly are kept in the audit trail; the note is words, named only.
const INFLUENCE_AUDITABLE_FIELDS = ['fromId', 'toId', 'kind', 'strength'] as const;

function auditFields(influence: Influence): Record<string, unknown> {
  return { fromId: influence.from.id, toId: influence.to.id, kind: influence.kind, strength: influence.strength, note: influence.note };
}

function refuseSelfLink(fromId: string, toId: string): void {
  if (fromId === toId) throw invalidField('toId', 'must be someone other than fromId: nobody is linked to themselves');
}

function duplicate(existing: Influence): ConflictException {
  const how = INFLUENCE_KIND_LABELS[existing.kind].toLowerCase();
  return new ConflictException({
    statusCode: HttpStatus.CONFLICT,
    error: 'Conflict',
    code: ERROR_CODES.conflict,
    message: `This link is already on record: ${existing.from.name} ${how} ${existing.to.name}. Edit that one instead (\`current\` holds it).`,
    fields: [{ field: 'kind', message: 'is already recorded between these two people' }],
    current: existing,
  } satisfies ApiErrorBody);
}

@Injectable()
export class InfluencesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly influences: InfluencesRepository,
    private readonly writeLock: StakeholderWriteLock,
    private readonly audit: AuditService,
    private readonly deletedItems: DeletedItemsService,
  ) {}

  async list(query: ListInfluencesDto): Promise<Page<Influence>> {
    const { page, pageSize } = pageOf(query);
    const { rows, total } = await this.influences.list(query, page, pageSize);
    return { items: rows.map(mapInfluence), total, totalIsEstimate: false, page, pageSize };
  }

  async get(id: string, manager: EntityManager = this.dataSource.manager): Promise<Influence> {
    const row = await this.influences.findById(id, manager);
    if (!row) throw notFound('Influence link');
    return mapInfluence(row);
  }

  /** Two statements whatever the number of ties: the person, and every tie with the other person's standing. */
  async forStakeholder(stakeholderId: string): Promise<StakeholderInfluence> {
    const [member, ties] = await Promise.all([this.influences.member(stakeholderId), this.influences.ties(stakeholderId)]);
    if (!member) throw notFound('Stakeholder');
    return buildStakeholderInfluence(mapMember(member), ties);
  }

  async create(actor: Actor, input: CreateInfluenceDto): Promise<Influence> {
    refuseSelfLink(input.fromId, input.toId);
    return this.dataSource.transaction(async (manager) => {
      await this.lockPeople(manager, { fromId: input.fromId, toId: input.toId });
      await this.refuseDuplicate(manager, input);
      const id = await this.influences.insert(
        manager,
        { from_id: input.fromId, to_id: input.toId, kind: input.kind, strength: input.strength ?? INFLUENCE_STRENGTH_DEFAULT, note: input.note ?? null },
        actor.user.id,
      );
      // Another request recorded the same link between our check and the insert.
      if (!id) await this.refuseDuplicate(manager, input);
      const created = await this.get(id!, manager);
      await this.record(actor, manager, 'influence.create', created, auditableChanges(null, auditFields(created), INFLUENCE_AUDITABLE_FIELDS));
      return created;
    });
  }

  async update(actor: Actor, id: string, version: number, input: UpdateInfluenceDto): Promise<Influence> {
    return this.dataSource.transaction(async (manager) => {
      const current = await this.get(id, manager);
      const next = { fromId: input.fromId ?? current.from.id, toId: input.toId ?? current.to.id, kind: input.kind ?? current.kind };
      refuseSelfLink(next.fromId, next.toId);
      await this.lockPeople(manager, next, [current.from.id, current.to.id]);
      if (current.version !== version) throw versionConflict(current);
      if (next.fromId !== current.from.id || next.toId !== current.to.id || next.kind !== current.kind) await this.refuseDuplicate(manager, next, id);
      const changed = await this.influences.updateIfVersion(manager, id, version, {
        from_id: input.fromId,
        to_id: input.toId,
        kind: input.kind,
        strength: input.strength,
        note: input.note,
      });
      if (!changed) throw versionConflict(await this.get(id, manager));
      const updated = await this.get(id, manager);
      await this.record(actor, manager, 'influence.update', updated, auditableChanges(auditFields(current), auditFields(updated), INFLUENCE_AUDITABLE_FIELDS), current);
      return updated;
    });
  }

  async remove(actor: Actor, id: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const existing = await this.get(id, manager);
      await this.writeLock.lock(manager, [existing.from.id, existing.to.id]);
      await this.deletedItems.hold(manager, actor, 'influence', id, `${existing.from.name} to ${existing.to.name}`);
      if (!(await this.influences.delete(manager, id))) throw notFound('Influence link');
      const changes = auditableChanges(null, auditFields(existing), INFLUENCE_AUDITABLE_FIELDS);
      await this.record(actor, manager, 'influence.delete', existing, { before: changes.after, after: null });
    });
  }

  /** Locks both people (and the link's old ends on an edit): 409 when either was erased, 400 naming an unknown one. */
  private async lockPeople(manager: EntityManager, link: { fromId: string; toId: string }, alsoLock: string[] = []): Promise<void> {
    const found = await this.writeLock.lock(manager, [link.fromId, link.toId, ...alsoLock]);
    if (!found.has(link.fromId)) throw invalidField('fromId', 'is not a known stakeholder');
    if (!found.has(link.toId)) throw invalidField('toId', 'is not a known stakeholder');
  }

  private async refuseDuplicate(manager: EntityManager, link: { fromId: string; toId: string; kind: InfluenceKind }, exceptId?: string): Promise<void> {
    const existing = await this.influences.findSame(manager, link, isSymmetricKind(link.kind), exceptId);
    if (existing) throw duplicate(mapInfluence(existing));
  }

  /** One entry for each person the link is about (both ends, before and after), so it shows in each one's history. */
  private async record(
    actor: Actor,
    manager: EntityManager,
    action: string,
    influence: Influence,
    changes: { before: Record<string, unknown> | null; after: Record<string, unknown> | null },
    before?: Influence,
  ): Promise<void> {
    const people = new Set([influence.from.id, influence.to.id, ...(before ? [before.from.id, before.to.id] : [])]);
    for (const stakeholderId of [...people].sort()) {
      await this.audit.record(actor, { action, entityType: 'influence', entityId: influence.id, stakeholderId, ...changes }, manager);
    }
  }
}
