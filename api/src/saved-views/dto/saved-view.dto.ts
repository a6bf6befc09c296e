import {
  COMMITMENT_LEVELS,
  LIMITS,
  SAVED_VIEW_NAME_MAX,
  STAKEHOLDER_CONTACT_FILTERS,
  STAKEHOLDER_ROLES,
  STAKEHOLDER_SORTS,
} from '@soundings/shared';
import type {
  CommitmentLevel,
  CreateSavedViewRequest,
  StakeholderContactFilter,
  StakeholderRole,
  StakeholderSort,
  StakeholderViewFilters,
  UpdateSavedViewRequest,
} from '@soundings/shared';
import { IsBoolean, IsIn } from 'class-validator';
import { NestedObject, Optional, OptionalText, PatchOf, RecordVersion, RequiredText, ValueList } from '../../common/validation';

/** The stakeholder list's filters and sort, as the list takes them (each multi-value filter a list). */
export class StakeholderViewFiltersDto implements StakeholderViewFilters {
  @OptionalText(LIMITS.shortText)
  q?: string;

  @ValueList({ allowed: COMMITMENT_LEVELS })
  commitment?: CommitmentLevel[];

  @ValueList({ allowed: STAKEHOLDER_ROLES })
  role?: StakeholderRole[];

  @ValueList({ maxLength: LIMITS.shortText })
  businessFunction?: string[];

  @Optional()
  @IsBoolean({ message: 'must be true or false' })
  potentialChampion?: boolean;

  @Optional()
  @IsBoolean({ message: 'must be true or false' })
  cooling?: boolean;

  @ValueList({ allowed: STAKEHOLDER_CONTACT_FILTERS })
  contact?: StakeholderContactFilter[];

  @Optional()
  @IsBoolean({ message: 'must be true or false' })
  overdue?: boolean;

  @Optional()
  @IsIn(STAKEHOLDER_SORTS, { message: `must be one of ${STAKEHOLDER_SORTS.join(', ')}` })
  sort?: StakeholderSort;
}

export class SavedViewFieldsDto {
  /** What the view is called; unique among your views, whatever the case. */
  @RequiredText(SAVED_VIEW_NAME_MAX)
  name: string;

  @NestedObject(() => StakeholderViewFiltersDto, 'the filters and sort')
  filters: StakeholderViewFiltersDto;
}

export class CreateSavedViewDto extends SavedViewFieldsDto implements CreateSavedViewRequest {}

export class UpdateSavedViewDto extends PatchOf(SavedViewFieldsDto) implements UpdateSavedViewRequest {
  /** The version you loaded; a stale one gets 409 with the current view. Or send If-Match. */
  @RecordVersion()
  version?: number;
}
