import { COMMITMENT_LEVELS, LIMITS, STAKEHOLDER_CONTACT_FILTERS, STAKEHOLDER_ROLES, STAKEHOLDER_SORTS } from '@soundings/shared';
import type { CommitmentLevel, StakeholderContactFilter, StakeholderListQuery, StakeholderRole, StakeholderSort } from '@soundings/shared';
import { IsBoolean, IsIn } from 'class-validator';
import { PageQueryDto } from '../../common/pagination.dto';
import { Optional, QueryBoolean, QueryText } from '../../common/validation';

export class ListStakeholdersDto extends PageQueryDto implements StakeholderListQuery {
  /** Matches name, title or email, ignoring case and accents. */
  @QueryText(LIMITS.shortText)
  q?: string;

  @Optional()
  @IsIn(COMMITMENT_LEVELS, { message: `must be one of ${COMMITMENT_LEVELS.join(', ')}` })
  commitment?: CommitmentLevel;

  @Optional()
  @IsIn(STAKEHOLDER_ROLES, { message: `must be one of ${STAKEHOLDER_ROLES.join(', ')}` })
  role?: StakeholderRole;

  @QueryText(LIMITS.shortText)
  businessFunction?: string;

  @Optional()
  @QueryBoolean()
  @IsBoolean({ message: 'must be true or false' })
  potentialChampion?: boolean;

  @Optional()
  @IsIn(STAKEHOLDER_SORTS, { message: `must be one of ${STAKEHOLDER_SORTS.join(', ')}` })
  sort?: StakeholderSort;

  /** true: past their ideal contact interval (due or overdue); false: on track or never contacted. */
  @Optional()
  @QueryBoolean()
  @IsBoolean({ message: 'must be true or false' })
  cooling?: boolean;

  /** due: past their ideal contact interval; overdue: past their maximum; never: no contact recorded yet. */
  @Optional()
  @IsIn(STAKEHOLDER_CONTACT_FILTERS, { message: `must be one of ${STAKEHOLDER_CONTACT_FILTERS.join(', ')}` })
  contact?: StakeholderContactFilter;

  @Optional()
  @QueryBoolean()
  @IsBoolean({ message: 'must be true or false' })
  overdue?: boolean;
}
