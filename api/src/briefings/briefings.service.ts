import { ConflictException, HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApiErrorBody, Briefing, BriefingPlan, ERROR_CODES, Page, RelationshipQuality, SuggestedBriefers } from '@soundings/shared';
import { DataSource, EntityManager } from 'typeorm';
import { auditableChanges, AuditService } from '../audit/audit.service';
import { DeletedItemsService } from '../deleted-items/deleted-items.service';
import type { Actor } from '../auth/actor';
import { pageOf } from '../common/pagination.dto';
import { invalidField, notFound, versionConflict } from '../errors/api-exceptions';
import { mapCoalitionMember } from '../coalition/coalition-member';
import { mapBriefing } from './briefing.mapper';
import { mapPriorityRef } from '../priorities/priority.mapper';
import { suggestedBriefer } from './briefing-suggestions';
import { buildBriefingPlan } from './briefing-plan';
import type { TimingWindowDates } from '../timing/timing-concern';
import { assertStatusFits, BriefingParties, planDay, resolveBriefingParties } from './briefing-rules';
import { BriefingColumns, BriefingsRepository } from './briefings.repository';
import { StakeholderWriteLock } from '../stakeholders/stakeholder-write-lock';
import { LastContactRepository } from '../cadence/last-contact.repository';
import { PrioritiesRepository } from '../priorities/priorities.repository';
import { CreateBriefingDto, ListBriefingsDto, ReorderBriefingsDto, UpdateBriefingDto } from './dto/briefing.dto';

// Who, when, status and order are kept in the audit trail; the brief and the outcome are words, named only.
const BRIEFING_AUDITABLE_FIELDS = ['brieferId', 'hr', 'audienceId', 'topTeam', 'plannedFor', 'status', 'order', 'priorityIds'] as const;

function auditFields(briefing: Briefing): Record<string, unknown> {
  return {
    brieferId: briefing.briefer?.id ?? null,
    hr: briefing.hr,
    audienceId: briefing.audience?.id ?? null,
    topTeam: briefing.topTeam,
    plannedFor: briefing.plannedFor,
    status: briefing.status,
    order: briefing.order,
    priorityIds: briefing.priorities.map((priority) => priority.id),
    brief: briefing.brief,
    outcome: briefing.outcome,
  };
}

function partyColumns(parties: BriefingParties): BriefingColumns {
  return {
    briefer_id: parties.brieferId,
    briefer_is_hr: parties.hr,
    audience_id: parties.audienceId,
    audience_is_top_team: parties.topTeam,
  };
}

@Injectable()
export class BriefingsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly briefings: BriefingsRepository,
    private readonly writeLock: StakeholderWriteLock,
    private readonly audit: AuditService,
    private readonly deletedItems: DeletedItemsService,
    private readonly lastContact: LastContactRepository,
    private readonly priorities: PrioritiesRepository,
  ) {}

  async list(query: ListBriefingsDto): Promise<Page<Briefing>> {
    const { page, pageSize } = pageOf(query);
    const { rows, total } = await this.briefings.list(query, page, pageSize);
    return { items: rows.map(mapBriefing), total, totalIsEstimate: false, page, pageSize };
  }

  /** One statement whatever the plan's size: the briefings with their people, and the top team. */
  async plan(): Promise<BriefingPlan> {
    const { briefings: rows, topTeam } = await this.briefings.plan();
    const sounded = new Set<string>();
    for (const row of rows) {
      if (row.briefer_id && row.briefer_sounded) sounded.add(row.briefer_id);
      if (row.audience_id && row.audience_sounded) sounded.add(row.audience_id);
    }
    for (const member of topTeam) if (member.sounded) sounded.add(member.id);
    const avoids = new Map<string, Set<string>>();
    for (const row of rows) {
      if (!row.briefer_id || row.briefer_avoids.length === 0) continue;
      const avoided = avoids.get(row.briefer_id) ?? new Set<string>();
      for (const id of row.briefer_avoids) avoided.add(id);
      avoids.set(row.briefer_id, avoided);
    }
    const windows = new Map<string, TimingWindowDates[]>(topTeam.map((member) => [member.id, member.timing_windows]));
    for (const row of rows) if (row.audience_id && row.audience_windows.length > 0) windows.set(row.audience_id, row.audience_windows);
    const audiencePriorities = new Map(rows.map((row) => [row.id, row.audience_function_priorities.map(mapPriorityRef)]));
    return buildBriefingPlan(rows.map(mapBriefing), sounded, topTeam.map(({ id, name }) => ({ id, name })), avoids, windows, audiencePriorities);
  }

  /** Two statements whatever the campaign's size: the audience, and the ranked candidates. */
  async suggestedBriefers(audienceId: string): Promise<SuggestedBriefers> {
    const [audienceRow, rows] = await Promise.all([this.briefings.audienceOf(audienceId), this.briefings.suggestedBriefers(audienceId)]);
    if (!audienceRow) throw invalidField('audienceId', 'is not a known stakeholder');
    if (audienceRow.erased) throw invalidField('audienceId', 'was erased: nobody briefs them any more');
    const audience = mapCoalitionMember(audienceRow, 'audience');
    return {
      audience,
      items: rows.map((row) => suggestedBriefer(mapCoalitionMember(row, 'person'), audience, row.relationship as RelationshipQuality | null, row.same_function)),
    };
  }

  async get(id: string, manager: EntityManager = this.dataSource.manager): Promise<Briefing> {
    const row = await this.briefings.findById(id, manager);
    if (!row) throw notFound('Briefing');
    return mapBriefing(row);
  }

  async create(actor: Actor, input: CreateBriefingDto): Promise<Briefing> {
    const parties = resolveBriefingParties(null, input);
    const status = input.status ?? 'planned';
    assertStatusFits({ status, plannedFor: input.plannedFor, outcome: input.outcome ?? null });
    return this.dataSource.transaction(async (manager) => {
      await this.writeLock.lock(manager, [parties.brieferId, parties.audienceId]);
      await this.assertPartiesExist(manager, parties, input);
      await this.assertPrioritiesExist(manager, input.priorityIds);
      const id = await this.briefings.insert(manager, {
        ...partyColumns(parties),
        planned_for: input.plannedFor,
        brief: input.brief,
        status,
        outcome: input.outcome,
      });
      await this.refreshContact(manager, [parties]);
      if (input.priorityIds?.length) await this.briefings.setPriorities(manager, id, input.priorityIds);
      const created = await this.get(id, manager);
      await this.audit.record(
        actor,
        {
          action: 'briefing.create',
          entityType: 'briefing',
          entityId: id,
          stakeholderId: parties.brieferId ?? parties.audienceId,
          ...auditableChanges(null, auditFields(created), BRIEFING_AUDITABLE_FIELDS),
        },
        manager,
      );
      return created;
    });
  }

  async update(actor: Actor, id: string, version: number, input: UpdateBriefingDto): Promise<Briefing> {
    return this.dataSource.transaction(async (manager) => {
      const current = await this.get(id, manager);
      const currentParties: BriefingParties = {
        brieferId: current.briefer?.id ?? null,
        hr: current.hr,
        audienceId: current.audience?.id ?? null,
        topTeam: current.topTeam,
      };
      const parties = resolveBriefingParties(currentParties, input);
      // A briefing is about who gives it and who receives it, before and after the change.
      await this.writeLock.lock(manager, [currentParties.brieferId, currentParties.audienceId, parties.brieferId, parties.audienceId]);
      const plannedFor = input.plannedFor ?? current.plannedFor;
      assertStatusFits({
        status: input.status ?? current.status,
        plannedFor,
        outcome: input.outcome !== undefined ? input.outcome : current.outcome,
      });
      await this.assertPartiesExist(manager, parties, {
        brieferId: parties.brieferId !== currentParties.brieferId ? parties.brieferId : null,
        audienceId: parties.audienceId !== currentParties.audienceId ? parties.audienceId : null,
      });
      await this.assertPrioritiesExist(manager, input.priorityIds);
      const columns: BriefingColumns = {
        ...partyColumns(parties),
        planned_for: input.plannedFor,
        brief: input.brief,
        status: input.status,
        outcome: input.outcome,
      };
      const movesDay = input.plannedFor !== undefined && planDay(input.plannedFor) !== current.day;
      if (!(await this.briefings.updateIfVersion(manager, id, version, columns, movesDay))) {
        const latest = await this.briefings.findById(id, manager);
        if (!latest) throw notFound('Briefing');
        throw versionConflict(mapBriefing(latest));
      }
      await this.refreshContact(manager, [currentParties, parties]);
      if (input.priorityIds) await this.briefings.setPriorities(manager, id, input.priorityIds);
      const updated = await this.get(id, manager);
      await this.audit.record(
        actor,
        {
          action: 'briefing.update',
          entityType: 'briefing',
          entityId: id,
          stakeholderId: parties.brieferId ?? parties.audienceId,
          ...auditableChanges(auditFields(current), auditFields(updated), BRIEFING_AUDITABLE_FIELDS),
        },
        manager,
      );
      return updated;
    });
  }

  async remove(actor: Actor, id: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const existing = await this.get(id, manager);
      await this.writeLock.lock(manager, [existing.briefer?.id, existing.audience?.id]);
      await this.deletedItems.hold(manager, actor, 'briefing', id, `${existing.briefer?.name ?? 'HR'} to ${existing.audience?.name ?? 'the top team'}`);
      const row = await this.briefings.delete(manager, id);
      if (!row) throw notFound('Briefing');
      const removed = mapBriefing(row);
      await this.refreshContact(manager, [{ brieferId: removed.briefer?.id ?? null, audienceId: removed.audience?.id ?? null, topTeam: removed.topTeam }]);
      await this.audit.record(
        actor,
        {
          action: 'briefing.delete',
          entityType: 'briefing',
          entityId: id,
          stakeholderId: removed.briefer?.id ?? removed.audience?.id ?? null,
          before: auditableChanges(null, auditFields(removed), BRIEFING_AUDITABLE_FIELDS).after,
        },
        manager,
      );
    });
  }

  /**
   * Puts one day's briefings in the given order. The list must be exactly that day's briefings:
   * if someone added, moved or removed one since the caller loaded the plan, nothing changes (409).
   */
  async reorder(actor: Actor, input: ReorderBriefingsDto): Promise<Briefing[]> {
    return this.dataSource.transaction(async (manager) => {
      const onDay = await this.briefings.lockDay(manager, input.day);
      const sameSet = onDay.length === input.briefingIds.length && input.briefingIds.every((id) => onDay.includes(id));
      if (!sameSet) {
        const current = (await this.briefings.forDay(manager, input.day)).map(mapBriefing);
        throw new ConflictException({
          statusCode: HttpStatus.CONFLICT,
          error: 'Conflict',
          code: ERROR_CODES.versionConflict,
          message: `briefingIds must be exactly the ${onDay.length} briefing(s) planned for ${input.day}; the plan may have changed since you loaded it. Reload and reorder again.`,
          current,
        } satisfies ApiErrorBody);
      }
      await this.briefings.setDayOrder(manager, input.briefingIds);
      await this.audit.record(
        actor,
        { action: 'briefing.reorder', entityType: 'briefing', entityId: null, after: { day: input.day, briefingIds: input.briefingIds } },
        manager,
      );
      return (await this.briefings.forDay(manager, input.day)).map(mapBriefing);
    });
  }

  /** A done briefing is contact for both sides (every top-team member when it was top-team-wide). */
  private async refreshContact(manager: EntityManager, sides: Pick<BriefingParties, 'brieferId' | 'audienceId' | 'topTeam'>[]): Promise<void> {
    await this.lastContact.refresh(manager, sides.flatMap((side) => [side.brieferId, side.audienceId]));
    if (sides.some((side) => side.topTeam)) await this.lastContact.refreshTopTeam(manager);
  }

  /** Every priority named must be on record. */
  private async assertPrioritiesExist(manager: EntityManager, priorityIds: string[] | undefined): Promise<void> {
    if (!priorityIds?.length) return;
    const found = await this.priorities.existing(manager, priorityIds);
    const unknown = priorityIds.filter((priorityId) => !found.has(priorityId));
    if (unknown.length > 0) throw invalidField('priorityIds', `must name priorities on record (unknown: ${unknown.join(', ')})`);
  }

  /** The named briefer must exist; the named audience must be on the top team. One statement. */
  private async assertPartiesExist(manager: EntityManager, parties: BriefingParties, named: { brieferId?: string | null; audienceId?: string | null }): Promise<void> {
    const brieferId = named.brieferId ? parties.brieferId : null;
    const audienceId = named.audienceId ? parties.audienceId : null;
    const ids = [brieferId, audienceId].filter((id): id is string => id !== null);
    if (ids.length === 0) return;
    const roles = await this.briefings.rolesOf(ids, manager);
    if (brieferId && !roles.has(brieferId)) throw invalidField('brieferId', 'is not a known stakeholder');
    if (audienceId && !roles.has(audienceId)) throw invalidField('audienceId', 'is not a known stakeholder');
    if (audienceId && roles.get(audienceId) !== 'top_team') {
      throw invalidField('audienceId', 'must be a member of the top team (or set topTeam: true to brief the whole top team)');
    }
  }
}
