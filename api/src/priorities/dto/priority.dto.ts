import { LIMITS } from '@soundings/shared';
import type { CreatePriorityRequest, PriorityListQuery, UpdatePriorityRequest } from '@soundings/shared';
import { PageQueryDto } from '../../common/pagination.dto';
import { Id, Nullable, Optional, OptionalText, PatchOf, QueryText, RecordVersion, RequiredText } from '../../common/validation';

const stakeholderIdMessage = 'must be a stakeholder id (UUID)';

export class PriorityFieldsDto {
  /** The function whose priority it is, e.g. Finance, IT, Sales. */
  @RequiredText(LIMITS.shortText)
  businessFunction: string;

  /** The priority in the function's own words; once per function, whatever the case. */
  @RequiredText(LIMITS.shortText)
  title: string;

  /** The stakeholder who owns it; null (or left out) while no one is named. */
  @Nullable()
  @Id(stakeholderIdMessage)
  ownerId: string | null;

  /** How a coaching culture serves it; named in the audit trail, never copied. */
  @OptionalText()
  coachingLink?: string | null;
}

export class CreatePriorityDto extends PriorityFieldsDto implements CreatePriorityRequest {}

export class UpdatePriorityDto extends PatchOf(PriorityFieldsDto) implements UpdatePriorityRequest {
  /** The version you loaded; a stale one gets 409 with the current priority. Or send If-Match. */
  @RecordVersion()
  version?: number;
}

export class ListPrioritiesDto extends PageQueryDto implements PriorityListQuery {
  /** Priorities of this function, ignoring case. */
  @QueryText(LIMITS.shortText)
  businessFunction?: string;

  /** Priorities this person owns. */
  @Optional()
  @Id(stakeholderIdMessage)
  ownerId?: string;
}
