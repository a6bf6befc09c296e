import { BRIEFING_STATUSES, BRIEFINGS_PER_DAY_MAX } from '@soundings/shared';
import type {
  BriefingListQuery,
  BriefingStatus,
  CreateBriefingRequest,
  ReorderBriefingsRequest,
  SuggestedBriefersQuery,
  UpdateBriefingRequest,
} from '@soundings/shared';
import { ArrayMaxSize, ArrayNotEmpty, ArrayUnique, IsArray, IsBoolean, IsIn } from 'class-validator';
import { PageQueryDto } from '../../common/pagination.dto';
import {
  CalendarDate,
  DateTime,
  Id,
  IdList,
  Nullable,
  Optional,
  OptionalText,
  PatchOf,
  PLANNING_DAYS,
  RecordVersion,
} from '../../common/validation';

const statusMessage = { message: `must be one of ${BRIEFING_STATUSES.join(', ')}` };
const stakeholderIdMessage = 'must be a stakeholder id (UUID)';
const booleanMessage = { message: 'must be true or false' };
/** A brief ties the case to a few priorities, not to a function's whole list. */
export const BRIEFING_PRIORITIES_MAX = 20;

export class BriefingFieldsDto {
  /** The champion who briefs; leave out (or null) when HR presents. */
  @Nullable()
  @Id(stakeholderIdMessage)
  brieferId?: string | null;

  /** True when HR presents itself, instead of a briefer. */
  @Optional()
  @IsBoolean(booleanMessage)
  hr?: boolean;

  /** The top-team member briefed; leave out (or null) when briefing the whole top team. */
  @Nullable()
  @Id(stakeholderIdMessage)
  audienceId?: string | null;

  /** True for a briefing of the whole top team, instead of one member. */
  @Optional()
  @IsBoolean(booleanMessage)
  topTeam?: boolean;

  /** When, with a time zone; from 2000 to five years ahead. */
  @DateTime(PLANNING_DAYS)
  plannedFor: string;

  /** The case they will make, for their own area. */
  @OptionalText()
  brief?: string | null;

  /** Defaults to planned. */
  @Optional()
  @IsIn(BRIEFING_STATUSES, statusMessage)
  status?: BriefingStatus;

  /** What happened; once done or cancelled. */
  @OptionalText()
  outcome?: string | null;

  /** The business priorities the brief ties the case to, each once; on PATCH the new list replaces the old. */
  @Optional()
  @IsArray({ message: 'must be a list of priority ids' })
  @ArrayMaxSize(BRIEFING_PRIORITIES_MAX, { message: `must list at most ${BRIEFING_PRIORITIES_MAX} priorities` })
  @IdList('must list priority ids (UUIDs)')
  @ArrayUnique({ message: 'must list each priority once' })
  priorityIds?: string[];
}

export class CreateBriefingDto extends BriefingFieldsDto implements CreateBriefingRequest {}

export class UpdateBriefingDto extends PatchOf(BriefingFieldsDto) implements UpdateBriefingRequest {
  /** The version you loaded; a stale one gets 409 with the current record. Or send If-Match. */
  @RecordVersion()
  version?: number;
}

export class ListBriefingsDto extends PageQueryDto implements BriefingListQuery {
  @Optional()
  @IsIn(BRIEFING_STATUSES, statusMessage)
  status?: BriefingStatus;

  /** Briefings this person gives or receives. */
  @Optional()
  @Id(stakeholderIdMessage)
  stakeholderId?: string;
}

export class ReorderBriefingsDto implements ReorderBriefingsRequest {
  /** The plan's day (UTC date of plannedFor). */
  @CalendarDate(PLANNING_DAYS)
  day: string;

  /** Every briefing of that day, each once, in the order they should happen. */
  @IsArray({ message: 'must be a list of briefing ids' })
  @ArrayNotEmpty({ message: 'must list the briefings of the day' })
  @ArrayMaxSize(BRIEFINGS_PER_DAY_MAX, { message: `must list at most ${BRIEFINGS_PER_DAY_MAX} briefings` })
  @IdList('must list briefing ids (UUIDs)')
  @ArrayUnique({ message: 'must list each briefing once' })
  briefingIds: string[];
}

export class SuggestedBriefersDto implements SuggestedBriefersQuery {
  /** The person to be briefed. */
  @Id(stakeholderIdMessage)
  audienceId: string;
}
