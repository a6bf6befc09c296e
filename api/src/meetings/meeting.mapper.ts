import { CommitmentLevel, Meeting, MeetingSummary, StakeholderRole } from '@soundings/shared';
import { MeetingAttendeeRow, MeetingRow } from './meetings.repository';

export function mapMeetingSummary(row: MeetingRow): MeetingSummary {
  return {
    id: row.id,
    title: row.title,
    scheduledFor: row.scheduled_for.toISOString(),
    purpose: row.purpose,
    attendeeCount: Number(row.attendee_count),
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    version: row.version,
  };
}

export function mapMeeting(row: MeetingRow, attendees: MeetingAttendeeRow[]): Meeting {
  return {
    ...mapMeetingSummary(row),
    attendees: attendees.map((attendee) => ({
      id: attendee.id,
      name: attendee.name,
      role: attendee.role as StakeholderRole,
      commitment: attendee.commitment as CommitmentLevel,
      spokeFor: attendee.spoke_for,
    })),
  };
}
