import { COMMITMENT_LEVELS, LIMITS, STAKEHOLDER_CONTACT_FILTERS, STAKEHOLDER_ROLES, STAKEHOLDER_SORTS } from '@soundings/shared';
import type { CommitmentLevel, StakeholderContactFilter, StakeholderListQuery, StakeholderRole, StakeholderSort } from '@soundings/shared';
import { IsBoolean, IsIn } from 'class-validator';
import { PageQueryDto } from '../../common/pagination.dto';
import { Optional, QueryBoolean, QueryList, QueryText } from '../../common/validation';

/** Every filter of the list; one that takes several values matches anyone with any of them. */
export class ListStakeholdersDto extends PageQueryDto implements StakeholderListQuery {
  /** Matches name, title or email, ignoring case and accents. */
  @QueryText(LIMITS.shortText)
  q?: string;

  /** Repeat for several (`?commitment=open&commitment=sounded`). */
  @QueryList({ allowed: COMMITMENT_LEVELS })
  commitment?: CommitmentLevel[];

  /** Repeat for several. */
  @QueryList({ allowed: STAKEHOLDER_ROLES })
  role?: StakeholderRole[];

  /** Function names, ignoring case; repeat for several. */
  @QueryList({ maxLength: LIMITS.shortText })
  businessFunction?: string[];

  @Optional()
  @QueryBoolean()
  @IsBoolean({ message: 'must be true or false' })
  potentialChampion?: boolean;

  /** `-gap`: furthest from their required level first; `-influence`: most influential first. */
  @Optional()
  @IsIn(STAKEHOLDER_SORTS, { message: `must be one of ${STAKEHOLDER_SORTS.join(', ')}` })
  sort?: StakeholderSort;

  /** true: past their ideal contact interval (due or overdue); false: on track or never contacted. */
  @Optional()
  @QueryBoolean()
  @IsBoolean({ message: 'must be true or false' })
  cooling?: boolean;

  /** on_track, due (past their ideal contact interval), overdue (past their maximum), never (no contact yet); repeat for several. */
  @QueryList({ allowed: STAKEHOLDER_CONTACT_FILTERS })
  contact?: StakeholderContactFilter[];

  @Optional()
  @QueryBoolean()
  @IsBoolean({ message: 'must be true or false' })
  overdue?: boolean;
}
