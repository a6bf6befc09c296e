import { PartialType } from '@nestjs/swagger';
import { BRIEFING_STATUSES, BRIEFINGS_PER_DAY_MAX } from '@soundings/shared';
import type { BriefingListQuery, BriefingStatus, CreateBriefingRequest, ReorderBriefingsRequest, UpdateBriefingRequest } from '@soundings/shared';
import { ArrayMaxSize, ArrayNotEmpty, ArrayUnique, IsArray, IsBoolean, IsIn, IsOptional, IsUUID } from 'class-validator';
import { PageQueryDto } from '../../common/pagination.dto';
import { IsCalendarDate, IsDateTime, IsPresentOrAbsent, OptionalText, RecordVersion } from '../../common/validation';

const statusMessage = { message: `must be one of ${BRIEFING_STATUSES.join(', ')}` };
const stakeholderIdMessage = { message: 'must be a stakeholder id (UUID)' };
const booleanMessage = { message: 'must be true or false' };

export class BriefingFieldsDto {
  /** The champion who briefs; leave out (or null) when HR presents. */
  @IsOptional()
  @IsUUID('all', stakeholderIdMessage)
  brieferId?: string | null;

  /** True when HR presents itself, instead of a briefer. */
  @IsPresentOrAbsent()
  @IsBoolean(booleanMessage)
  hr?: boolean;

  /** The top-team member briefed; leave out (or null) when briefing the whole top team. */
  @IsOptional()
  @IsUUID('all', stakeholderIdMessage)
  audienceId?: string | null;

  /** True for a briefing of the whole top team, instead of one member. */
  @IsPresentOrAbsent()
  @IsBoolean(booleanMessage)
  topTeam?: boolean;

  /** When, with a time zone. */
  @IsDateTime()
  plannedFor: string;

  /** The case they will make, for their own area. */
  @OptionalText()
  brief?: string | null;

  /** Defaults to planned. */
  @IsPresentOrAbsent()
  @IsIn(BRIEFING_STATUSES, statusMessage)
  status?: BriefingStatus;

  /** What happened; once done or cancelled. */
  @OptionalText()
  outcome?: string | null;
}

export class CreateBriefingDto extends BriefingFieldsDto implements CreateBriefingRequest {}

export class UpdateBriefingDto extends PartialType(BriefingFieldsDto) implements UpdateBriefingRequest {
  @IsPresentOrAbsent()
  @IsBoolean(booleanMessage)
  declare hr?: boolean;

  @IsPresentOrAbsent()
  @IsBoolean(booleanMessage)
  declare topTeam?: boolean;

  @IsPresentOrAbsent()
  @IsDateTime()
  declare plannedFor?: string;

  @IsPresentOrAbsent()
  @IsIn(BRIEFING_STATUSES, statusMessage)
  declare status?: BriefingStatus;

  /** The version you loaded; a stale one gets 409 with the current record. Or send If-Match. */
  @RecordVersion()
  version?: number;
}

export class ListBriefingsDto extends PageQueryDto implements BriefingListQuery {
  @IsOptional()
  @IsIn(BRIEFING_STATUSES, statusMessage)
  status?: BriefingStatus;

  /** Briefings this person gives or receives. */
  @IsOptional()
  @IsUUID('all', stakeholderIdMessage)
  stakeholderId?: string;
}

export class ReorderBriefingsDto implements ReorderBriefingsRequest {
  /** The plan's day (UTC date of plannedFor). */
  @IsCalendarDate()
  day: string;

  /** Every briefing of that day, each once, in the order they should happen. */
  @IsArray({ message: 'must be a list of briefing ids' })
  @ArrayNotEmpty({ message: 'must list the briefings of the day' })
  @ArrayMaxSize(BRIEFINGS_PER_DAY_MAX, { message: `must list at most ${BRIEFINGS_PER_DAY_MAX} briefings` })
  @IsUUID('all', { each: true, message: 'must list briefing ids (UUIDs)' })
  @ArrayUnique({ message: 'must list each briefing once' })
  briefingIds: string[];
}
