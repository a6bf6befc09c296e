import { FEAR_CATEGORIES, FEAR_STATUSES, LIMITS } from '@soundings/shared';
import type { FearCategory, FearInput, FearListQuery, FearStatus, UpdateFearRequest } from '@soundings/shared';
import { IsIn } from 'class-validator';
import { PageQueryDto } from '../../common/pagination.dto';
import {
  CalendarDate,
  Id,
  Nullable,
  Optional,
  OptionalPersonName,
  OptionalText,
  PAST_DAYS,
  RecordVersion,
  RequiredText,
} from '../../common/validation';

const categoryMessage = { message: `must be one of ${FEAR_CATEGORIES.join(', ')}` };
const statusMessage = { message: `must be one of ${FEAR_STATUSES.join(', ')}` };

export class FearInputDto implements FearInput {
  /** What they fear, in their own words. */
  @RequiredText(LIMITS.longText)
  statement: string;

  @IsIn(FEAR_CATEGORIES, categoryMessage)
  category: FearCategory;
}

export class ListFearsDto extends PageQueryDto implements FearListQuery {
  @Optional()
  @IsIn(FEAR_STATUSES, statusMessage)
  status?: FearStatus;

  @Optional()
  @IsIn(FEAR_CATEGORIES, categoryMessage)
  category?: FearCategory;

  @Optional()
  @Id('must be a stakeholder id (UUID)')
  stakeholderId?: string;
}

export class UpdateFearDto implements UpdateFearRequest {
  @Optional()
  @RequiredText(LIMITS.longText)
  statement?: string;

  @Optional()
  @IsIn(FEAR_CATEGORIES, categoryMessage)
  category?: FearCategory;

  @Optional()
  @IsIn(FEAR_STATUSES, statusMessage)
  status?: FearStatus;

  /** How the fear is being answered. */
  @OptionalText()
  response?: string | null;

  /** Who is answering it. */
  @OptionalPersonName(LIMITS.shortText)
  owner?: string | null;

  /** Defaults to today when the status becomes resolved. */
  @Nullable()
  @CalendarDate(PAST_DAYS)
  resolvedOn?: string | null;

  @RecordVersion()
  version?: number;
}
