import { FEAR_CATEGORIES, FEAR_STATUSES, LIMITS } from '@soundings/shared';
import type { FearCategory, FearInput, FearListQuery, FearStatus, UpdateFearRequest } from '@soundings/shared';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { PageQueryDto } from '../../common/pagination.dto';
import { IsCalendarDate, IsNotInFuture, IsPresentOrAbsent, OptionalText, RecordVersion, RequiredText } from '../../common/validation';

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
  @IsOptional()
  @IsIn(FEAR_STATUSES, statusMessage)
  status?: FearStatus;

  @IsOptional()
  @IsIn(FEAR_CATEGORIES, categoryMessage)
  category?: FearCategory;

  @IsOptional()
  @IsUUID('all', { message: 'must be a stakeholder id (UUID)' })
  stakeholderId?: string;
}

export class UpdateFearDto implements UpdateFearRequest {
  @IsPresentOrAbsent()
  @RequiredText(LIMITS.longText)
  statement?: string;

  @IsPresentOrAbsent()
  @IsIn(FEAR_CATEGORIES, categoryMessage)
  category?: FearCategory;

  @IsPresentOrAbsent()
  @IsIn(FEAR_STATUSES, statusMessage)
  status?: FearStatus;

  /** How the fear is being answered. */
  @OptionalText()
  response?: string | null;

  /** Who is answering it. */
  @OptionalText(LIMITS.shortText)
  owner?: string | null;

  /** Defaults to today when the status becomes resolved. */
  @IsOptional()
  @IsCalendarDate()
  @IsNotInFuture()
  resolvedOn?: string | null;

  @RecordVersion()
  version?: number;
}
