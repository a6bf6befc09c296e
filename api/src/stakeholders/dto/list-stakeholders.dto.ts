import { COMMITMENT_LEVELS, LIMITS, STAKEHOLDER_ROLES, STAKEHOLDER_SORTS } from '@soundings/shared';
import type { CommitmentLevel, StakeholderListQuery, StakeholderRole, StakeholderSort } from '@soundings/shared';
import { IsBoolean, IsIn, IsOptional } from 'class-validator';
import { PageQueryDto } from '../../common/pagination.dto';
import { QueryBoolean, QueryText } from '../../common/validation';

export class ListStakeholdersDto extends PageQueryDto implements StakeholderListQuery {
  /** Matches name, title or email, ignoring case and accents. */
  @QueryText(LIMITS.shortText)
  q?: string;

  @IsOptional()
  @IsIn(COMMITMENT_LEVELS, { message: `must be one of ${COMMITMENT_LEVELS.join(', ')}` })
  commitment?: CommitmentLevel;

  @IsOptional()
  @IsIn(STAKEHOLDER_ROLES, { message: `must be one of ${STAKEHOLDER_ROLES.join(', ')}` })
  role?: StakeholderRole;

  @QueryText(LIMITS.shortText)
  businessFunction?: string;

  @IsOptional()
  @QueryBoolean()
  @IsBoolean({ message: 'must be true or false' })
  potentialChampion?: boolean;

  @IsOptional()
  @IsIn(STAKEHOLDER_SORTS, { message: `must be one of ${STAKEHOLDER_SORTS.join(', ')}` })
  sort?: StakeholderSort;

  @IsOptional()
  @QueryBoolean()
  @IsBoolean({ message: 'must be true or false' })
  cooling?: boolean;

  @IsOptional()
  @QueryBoolean()
  @IsBoolean({ message: 'must be true or false' })
  overdue?: boolean;
}
