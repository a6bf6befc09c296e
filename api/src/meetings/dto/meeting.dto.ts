import { LIMITS, MEETING_ATTENDEES_MAX } from '@soundings/shared';
import type { CreateMeetingRequest, MeetingListQuery, RecordSpokeForRequest, UpdateMeetingRequest } from '@soundings/shared';
import { ArrayMaxSize, ArrayNotEmpty, ArrayUnique, IsArray } from 'class-validator';
import { PageQueryDto } from '../../common/pagination.dto';
import { DateTime, IdList, Optional, OptionalText, PatchOf, PLANNING_DAYS, RecordVersion, RequiredText } from '../../common/validation';

const idsMessage = 'must list stakeholder ids (UUIDs)';

export class MeetingFieldsDto {
  @RequiredText(LIMITS.shortText)
  title: string;

  /** When, with a time zone; from 2000 to five years ahead. */
  @DateTime(PLANNING_DAYS)
  scheduledFor: string;

  /** What support you will ask the room for. */
  @OptionalText()
  purpose?: string | null;

  /** Everyone attending, each once; replaces the whole list on PATCH. */
  @Optional()
  @IsArray({ message: 'must be a list of stakeholder ids' })
  @ArrayMaxSize(MEETING_ATTENDEES_MAX, { message: `must list at most ${MEETING_ATTENDEES_MAX} attendees` })
  @IdList(idsMessage)
  @ArrayUnique({ message: 'must list each attendee once' })
  attendeeIds?: string[];
}

export class CreateMeetingDto extends MeetingFieldsDto implements CreateMeetingRequest {}

export class UpdateMeetingDto extends PatchOf(MeetingFieldsDto) implements UpdateMeetingRequest {
  /** The version you loaded; a stale one gets 409 with the current record. Or send If-Match. */
  @RecordVersion()
  version?: number;
}

export class ListMeetingsDto extends PageQueryDto implements MeetingListQuery {}

export class RecordSpokeForDto implements RecordSpokeForRequest {
  /** Attendees who spoke for it in the room. */
  @IsArray({ message: 'must be a list of stakeholder ids' })
  @ArrayNotEmpty({ message: 'must name at least one attendee' })
  @ArrayMaxSize(MEETING_ATTENDEES_MAX, { message: `must list at most ${MEETING_ATTENDEES_MAX} attendees` })
  @IdList(idsMessage)
  @ArrayUnique({ message: 'must list each attendee once' })
  stakeholderIds: string[];
}
