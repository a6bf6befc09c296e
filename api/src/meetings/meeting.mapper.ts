import { CommitmentLevel, Meeting, MeetingListItem, MeetingReadinessCounts, meetingVerdict, MeetingSummary, StakeholderRole } from '@soundings/shared';
import { MeetingAttendeeRow, MeetingListRow, MeetingRow } from './meetings.repository';

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

export function mapMeetingListItem(row: MeetingListRow): MeetingListItem {
  const counts: MeetingReadinessCounts = {
    attendees: Number(row.attendee_count),
    onBoard: Number(row.on_board),
    atRequired: Number(row.at_required),
    withRequired: Number(row.with_required),
    notSounded: Number(row.not_sounded),
    resistant: Number(row.resistant),
  };
  return { ...mapMeetingSummary(row), readiness: { ...counts, verdict: meetingVerdict(counts) } };
}
