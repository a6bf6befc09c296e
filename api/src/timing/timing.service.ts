import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Page, StakeholderTiming, TimingWindow } from '@soundings/shared';
import { DataSource, EntityManager } from 'typeorm';
import { auditableChanges, AuditService } from '../audit/audit.service';
import { DeletedItemsService } from '../deleted-items/deleted-items.service';
import type { Actor } from '../auth/actor';
import { pageOf } from '../common/pagination.dto';
import { invalidField, invalidFields, notFound, versionConflict } from '../errors/api-exceptions';
import { StakeholderWriteLock } from '../stakeholders/stakeholder-write-lock';
import { CreateTimingWindowDto, ListTimingWindowsDto, UpdateTimingWindowDto } from './dto/timing-window.dto';
import { mapTimingWindow } from './timing-window.mapper';
import { TimingRepository } from './timing.repository';

// Kind and dates are kept in the audit trail; the note is words about the person, named only.
const TIMING_AUDITABLE_FIELDS = ['kind', 'startsOn', 'endsOn'] as const;

function auditFields(window: TimingWindow): Record<string, unknown> {
  return { kind: window.kind, startsOn: window.startsOn, endsOn: window.endsOn, note: window.note };
}

/** A window ends on or after the day it starts; both days are inside it. */
export function assertWindowDates(startsOn: string, endsOn: string, changed: { startsOn?: unknown; endsOn?: unknown } = { startsOn, endsOn }): void {
  if (endsOn >= startsOn) return;
  // Name the field that was sent: moving only the start past the end is the start's fault.
  const field = changed.endsOn !== undefined ? 'endsOn' : 'startsOn';
  throw invalidField(field, field === 'endsOn' ? `must be on or after the first day (${startsOn})` : `must be on or before the last day (${endsOn})`);
}

@Injectable()
export class TimingService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly timing: TimingRepository,
    private readonly writeLock: StakeholderWriteLock,
    private readonly audit: AuditService,
    private readonly deletedItems: DeletedItemsService,
  ) {}

  async list(query: ListTimingWindowsDto): Promise<Page<TimingWindow>> {
    if (query.from && query.to && query.to < query.from) {
      throw invalidFields([{ field: 'to', message: `must be on or after from (${query.from})` }]);
    }
    const { page, pageSize } = pageOf(query);
    const { rows, total } = await this.timing.list(query, page, pageSize);
    return { items: rows.map(mapTimingWindow), total, totalIsEstimate: false, page, pageSize };
  }

  async get(id: string, manager: EntityManager = this.dataSource.manager): Promise<TimingWindow> {
    const row = await this.timing.findById(id, manager);
    if (!row) throw notFound('Timing window');
    return mapTimingWindow(row);
  }

  /** The person's receptiveness notes and every window of theirs, by start. Two statements. */
  async forStakeholder(stakeholderId: string): Promise<StakeholderTiming> {
    const [person, windows] = await Promise.all([this.timing.notesOf(stakeholderId), this.timing.forStakeholder(stakeholderId)]);
    if (!person) throw notFound('Stakeholder');
    return { stakeholderId, timingNotes: person.timing_notes, windows: windows.map(mapTimingWindow) };
  }

  async create(actor: Actor, input: CreateTimingWindowDto): Promise<TimingWindow> {
    assertWindowDates(input.startsOn, input.endsOn);
    return this.dataSource.transaction(async (manager) => {
      const people = await this.writeLock.lock(manager, [input.stakeholderId]);
      if (!people.has(input.stakeholderId)) throw invalidField('stakeholderId', 'is not a known stakeholder');
      const id = await this.timing.insert(manager, {
        stakeholderId: input.stakeholderId,
        kind: input.kind,
        startsOn: input.startsOn,
        endsOn: input.endsOn,
        note: input.note ?? null,
        createdBy: actor.user.id,
      });
      const created = await this.get(id, manager);
      await this.audit.record(
        actor,
        {
          action: 'timing_window.create',
          entityType: 'timing_window',
          entityId: id,
          stakeholderId: created.stakeholderId,
          ...auditableChanges(null, auditFields(created), TIMING_AUDITABLE_FIELDS),
        },
        manager,
      );
      return created;
    });
  }

  async update(actor: Actor, id: string, version: number, input: UpdateTimingWindowDto): Promise<TimingWindow> {
    return this.dataSource.transaction(async (manager) => {
      const current = await this.get(id, manager);
      await this.writeLock.lockOne(manager, current.stakeholderId);
      assertWindowDates(input.startsOn ?? current.startsOn, input.endsOn ?? current.endsOn, input);
      const changes = { kind: input.kind, startsOn: input.startsOn, endsOn: input.endsOn, note: input.note };
      if (!(await this.timing.updateIfVersion(manager, id, version, changes))) {
        const latest = await this.timing.findById(id, manager);
        if (!latest) throw notFound('Timing window');
        throw versionConflict(mapTimingWindow(latest));
      }
      const updated = await this.get(id, manager);
      await this.audit.record(
        actor,
        {
          action: 'timing_window.update',
          entityType: 'timing_window',
          entityId: id,
          stakeholderId: updated.stakeholderId,
          ...auditableChanges(auditFields(current), auditFields(updated), TIMING_AUDITABLE_FIELDS),
        },
        manager,
      );
      return updated;
    });
  }

  async remove(actor: Actor, id: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const existing = await this.get(id, manager);
      await this.writeLock.lockOne(manager, existing.stakeholderId);
      await this.deletedItems.hold(manager, actor, 'timing_window', id, `${existing.kind.replace(/_/g, ' ')} window`, existing.stakeholderId);
      if (!(await this.timing.delete(manager, id))) throw notFound('Timing window');
      await this.audit.record(
        actor,
        {
          action: 'timing_window.delete',
          entityType: 'timing_window',
          entityId: id,
          stakeholderId: existing.stakeholderId,
          before: auditableChanges(null, auditFields(existing), TIMING_AUDITABLE_FIELDS).after,
        },
        manager,
      );
    });
  }
}
