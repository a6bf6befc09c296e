import { COMMITMENT_LEVELS, LIMITS, STAKEHOLDER_ROLES } from '@soundings/shared';
import type { CommitmentLevel, NetworkQuery, StakeholderRole } from '@soundings/shared';
import { IsIn } from 'class-validator';
import { Optional, QueryText } from '../../common/validation';

export class NetworkQueryDto implements NetworkQuery {
  /** Only people in this business function (any case). */
  @QueryText(LIMITS.shortText)
  businessFunction?: string;

  @Optional()
  @IsIn(STAKEHOLDER_ROLES, { message: `must be one of ${STAKEHOLDER_ROLES.join(', ')}` })
  role?: StakeholderRole;

  @Optional()
  @IsIn(COMMITMENT_LEVELS, { message: `must be one of ${COMMITMENT_LEVELS.join(', ')}` })
  commitment?: CommitmentLevel;
}
