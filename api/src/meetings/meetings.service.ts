import { ConflictException, HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApiErrorBody, ERROR_CODES, Meeting, MeetingListItem, MeetingReadiness, MeetingSummary, Page } from '@soundings/shared';
import { DataSource, EntityManager } from 'typeorm';
import { auditableChanges, AuditService } from '../audit/audit.service';
import { DeletedItemsService } from '../deleted-items/deleted-items.service';
import type { Actor } from '../auth/actor';
import { pageOf } from '../common/pagination.dto';
import { ConfidentialityPolicy } from '../confidentiality/confidentiality.policy';
import type { ConfidentialView } from '../confidentiality/confidential-view';
import { latestPossibleToday } from '../common/validation';
import { CommitmentService } from '../commitment/commitment.service';
import { invalidField, notFound, versionConflict } from '../errors/api-exceptions';
import { CreateMeetingDto, ListMeetingsDto, RecordSpokeForDto, UpdateMeetingDto } from './dto/meeting.dto';
import { mapMeeting, mapMeetingListItem, mapMeetingSummary } from './meeting.mapper';
import { buildMeetingReadiness } from './meeting-readiness';
import { MeetingsRepository } from './meetings.repository';
import { StakeholderWriteLock } from '../stakeholders/stakeholder-write-lock';
import { LastContactRepository } from '../cadence/last-contact.repository';

// When and how many are kept in the audit trail; the title and purpose are words, named only.
const MEETING_AUDITABLE_FIELDS = ['scheduledFor', 'attendeeCount'] as const;

function auditFields(meeting: MeetingSummary): Record<string, unknown> {
  return { scheduledFor: meeting.scheduledFor, attendeeCount: meeting.attendeeCount, title: meeting.title, purpose: meeting.purpose };
}

@Injectable()
export class MeetingsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly meetings: MeetingsRepository,
    private readonly commitment: CommitmentService,
    private readonly writeLock: StakeholderWriteLock,
    private readonly audit: AuditService,
    private readonly deletedItems: DeletedItemsService,
    private readonly confidentiality: ConfidentialityPolicy,
    private readonly lastContact: LastContactRepository,
  ) {}

  async list(query: ListMeetingsDto): Promise<Page<MeetingListItem>> {
    const { page, pageSize } = pageOf(query);
    const { rows, total } = await this.meetings.list(page, pageSize);
    return { items: rows.map(mapMeetingListItem), total, totalIsEstimate: false, page, pageSize };
  }

  async get(id: string, manager: EntityManager = this.dataSource.manager): Promise<Meeting> {
    const [row, attendees] = await Promise.all([this.meetings.findById(id, manager), this.meetings.attendees(id, manager)]);
    if (!row) throw notFound('Meeting');
    return mapMeeting(row, attendees);
  }

  async create(actor: Actor, input: CreateMeetingDto): Promise<Meeting> {
    const attendeeIds = input.attendeeIds ?? [];
    return this.dataSource.transaction(async (manager) => {
      await this.assertStakeholders(manager, attendeeIds);
      await this.writeLock.lock(manager, attendeeIds);
      const id = await this.meetings.insert(manager, { title: input.title, scheduled_for: input.scheduledFor, purpose: input.purpose ?? null });
      await this.meetings.replaceAttendees(manager, id, attendeeIds);
      await this.lastContact.refresh(manager, attendeeIds);
      const created = await this.get(id, manager);
      await this.audit.record(
        actor,
        {
          action: 'meeting.create',
          entityType: 'meeting',
          entityId: id,
          ...auditableChanges(null, auditFields(created), MEETING_AUDITABLE_FIELDS),
        },
        manager,
      );
      return created;
    });
  }

  async update(actor: Actor, id: string, version: number, input: UpdateMeetingDto): Promise<Meeting> {
    return this.dataSource.transaction(async (manager) => {
      const before = await this.meetings.findById(id, manager);
      if (!before) throw notFound('Meeting');
      if (input.attendeeIds) await this.lockAttendanceChanges(manager, id, input.attendeeIds);
      const changed = await this.meetings.updateIfVersion(manager, id, version, {
        title: input.title,
        scheduled_for: input.scheduledFor,
        purpose: input.purpose,
      });
      if (!changed) {
        const latest = await this.meetings.findById(id, manager);
        if (!latest) throw notFound('Meeting');
        throw versionConflict(mapMeeting(latest, await this.meetings.attendees(id, manager)));
      }
      const attendance = input.attendeeIds ? await this.meetings.replaceAttendees(manager, id, input.attendeeIds) : { added: [], removed: [] };
      const attending = (await this.meetings.attendees(id, manager)).map((attendee) => attendee.id);
      // Attended by its day: a move or a change of attendees changes who was last in touch when.
      await this.lastContact.refresh(manager, [...attending, ...attendance.removed]);
      const updated = await this.get(id, manager);
      const changes = auditableChanges(auditFields(mapMeetingSummary(before)), auditFields(updated), MEETING_AUDITABLE_FIELDS);
      await this.audit.record(
        actor,
        {
          action: 'meeting.update',
          entityType: 'meeting',
          entityId: id,
          before: changes.before,
          after: {
            ...changes.after,
            ...(attendance.added.length ? { attendeesAdded: attendance.added } : {}),
            ...(attendance.removed.length ? { attendeesRemoved: attendance.removed } : {}),
          },
        },
        manager,
      );
      return updated;
    });
  }

  async remove(actor: Actor, id: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const attended = (await this.meetings.attendees(id, manager)).map((attendee) => attendee.id);
      await this.deletedItems.hold(manager, actor, 'meeting', id);
      const row = await this.meetings.delete(manager, id);
      if (!row) throw notFound('Meeting');
      await this.lastContact.refresh(manager, attended);
      await this.audit.record(
        actor,
        {
          action: 'meeting.delete',
          entityType: 'meeting',
          entityId: id,
          before: auditableChanges(null, auditFields(mapMeetingSummary(row)), MEETING_AUDITABLE_FIELDS).after,
        },
        manager,
      );
    });
  }

  /** One statement whatever the number of attendees (the meeting, the attendees, their open fears), and the audit entry when it shows confidential words. */
  async readiness(actor: Actor, id: string): Promise<MeetingReadiness> {
    const view = this.confidentiality.view(actor);
    const readiness = await this.readinessThrough(view, id);
    await this.confidentiality.record(view);
    return readiness;
  }

  /** Readiness mapped through `view`, which then knows which confidential notes it showed; the caller records them. */
  async readinessThrough(view: ConfidentialView, id: string): Promise<MeetingReadiness> {
    const rows = await this.meetings.readiness(id);
    if (!rows) throw notFound('Meeting');
    const { meeting, attendees, fears } = rows;
    return buildMeetingReadiness({ ...mapMeetingSummary(meeting), day: meeting.day }, attendees, fears, view);
  }

  /**
   * After the meeting: marks who spoke for it and moves each to public_champion through an explicit,
   * dated change naming the meeting, all in one transaction. Those already marked are left as they are.
   */
  async recordSpokeFor(actor: Actor, id: string, input: RecordSpokeForDto): Promise<Meeting> {
    return this.dataSource.transaction(async (manager) => {
      const meeting = await this.meetings.lock(manager, id);
      if (!meeting) throw notFound('Meeting');
      if (meeting.day > latestPossibleToday()) {
        throw new ConflictException({
          statusCode: HttpStatus.CONFLICT,
          error: 'Conflict',
          code: ERROR_CODES.conflict,
          message: `The meeting is scheduled for ${meeting.day}; record who spoke for it once it has happened.`,
        } satisfies ApiErrorBody);
      }
      const attending = await this.meetings.lockAttendees(manager, id, input.stakeholderIds);
      if (attending.length !== input.stakeholderIds.length) {
        const missing = input.stakeholderIds.length - attending.length;
        throw invalidField('stakeholderIds', `must all be attendees of this meeting (${missing} ${missing === 1 ? 'is' : 'are'} not)`);
      }
      const newly = attending.filter((row) => !row.spoke_for).map((row) => row.stakeholder_id);
      if (newly.length === 0) return this.get(id, manager);

      const levels = await this.writeLock.lock(manager, newly);
      await this.meetings.markSpokeFor(manager, id, newly);
      // Read on a person's timeline, which prints the change's day (the meeting's) beside it in the reader's locale.
      const reason = `Spoke for it in the meeting "${meeting.title}"`;
      for (const stakeholderId of newly) {
        const before = levels.get(stakeholderId)!.commitment;
        if (before !== 'public_champion') {
          // Through the service that owns level changes, so it keeps its own audit entry, in this transaction.
          await this.commitment.recordChange(actor, stakeholderId, { level: 'public_champion', on: meeting.day, reason }, manager);
        }
        // The reason names the meeting's title (words), so the trail keeps only levels, date and the meeting id.
        await this.audit.record(
          actor,
          {
            action: 'meeting.spoke_for',
            entityType: 'meeting',
            entityId: id,
            stakeholderId,
            before: { level: before, spokeFor: false },
            after: { level: 'public_champion', on: meeting.day, spokeFor: true },
          },
          manager,
        );
      }
      return this.get(id, manager);
    });
  }

  /**
   * Before a new attendee list is written: the ids must be people, and whoever joins or leaves the
   * room is locked (meeting first, then people, as when recording who spoke for it), so a change to
   * an erased person's attendance is refused.
   */
  private async lockAttendanceChanges(manager: EntityManager, id: string, attendeeIds: string[]): Promise<void> {
    if (!(await this.meetings.lock(manager, id))) throw notFound('Meeting');
    await this.assertStakeholders(manager, attendeeIds);
    const wanted = new Set(attendeeIds);
    const current = new Set((await this.meetings.attendees(id, manager)).map((attendee) => attendee.id));
    await this.writeLock.lock(manager, [...attendeeIds.filter((attendee) => !current.has(attendee)), ...[...current].filter((attendee) => !wanted.has(attendee))]);
  }

  private async assertStakeholders(manager: EntityManager, ids: string[]): Promise<void> {
    const known = await this.meetings.existingStakeholders(manager, ids);
    const unknown = ids.filter((id) => !known.has(id));
    if (unknown.length > 0) {
      throw invalidField('attendeeIds', `includes ${unknown.length} id(s) that are not stakeholders: ${unknown.slice(0, 5).join(', ')}${unknown.length > 5 ? ', …' : ''}`);
    }
  }
}
