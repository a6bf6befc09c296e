import { Injectable } from '@nestjs/common';
import type { Actor } from '../auth/actor';
import { OrganisationCalendar } from '../cadence/organisation-calendar';
import { ConfidentialityPolicy } from '../confidentiality/confidentiality.policy';
import { UsersRepository } from '../users/users.repository';
import { briefFileName, renderMeetingBriefPdf } from './meeting-brief-pdf';
import { MeetingsService } from './meetings.service';

export interface MeetingBriefFile {
  fileName: string;
  pdf: Buffer;
}

@Injectable()
export class MeetingBriefService {
  constructor(
    private readonly meetings: MeetingsService,
    private readonly confidentiality: ConfidentialityPolicy,
    private readonly calendar: OrganisationCalendar,
    private readonly users: UsersRepository,
  ) {}

  /**
   * The brief as a PDF, made from readiness mapped through the reader's view, so it withholds exactly
   * the words the JSON withholds from them. Taking notes about named people out of the app is an export:
   * one audit entry names the meeting, the people in it and the confidential notes it carried.
   */
  async pdf(actor: Actor, id: string): Promise<MeetingBriefFile> {
    const view = this.confidentiality.view(actor);
    const readiness = await this.meetings.readinessThrough(view, id);
    const [timeZone, reader] = await Promise.all([this.calendar.timeZone(), this.users.findById(actor.user.id)]);
    const printedAt = new Date();
    const pdf = await renderMeetingBriefPdf(readiness, { timeZone, printedBy: reader?.display_name ?? actor.user.email, printedAt });
    await this.confidentiality.recordWith(view, {
      action: 'meeting.brief_export',
      entityType: 'meeting',
      entityId: id,
      after: { format: 'pdf', stakeholderIds: readiness.attendees.map((attendee) => attendee.stakeholder.id) },
    });
    return { fileName: briefFileName(readiness.meeting.title, readiness.meeting.scheduledFor.slice(0, 10)), pdf };
  }
}
