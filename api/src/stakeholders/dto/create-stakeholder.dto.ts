import { COMMITMENT_LEVELS, LIMITS, STAKEHOLDER_ROLES } from '@soundings/shared';
import type { CommitmentLevel, CreateStakeholderRequest, StakeholderRole } from '@soundings/shared';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn } from 'class-validator';
import { Email, Id, Nullable, Optional, OptionalText, PersonName, WholeNumber } from '../../common/validation';

export class CreateStakeholderDto implements CreateStakeholderRequest {
  /** Full name as they write it, any script. */
  @PersonName()
  name: string;

  @OptionalText(LIMITS.shortText)
  title?: string | null;

  // Blank is "none", like optional text.
  @Transform(({ value }) => (typeof value === 'string' && value.trim() === '' ? null : value))
  @Nullable()
  @Email()
  email?: string | null;

  /** e.g. Finance, IT, Sales. */
  @OptionalText(LIMITS.shortText)
  businessFunction?: string | null;

  /** Defaults to other when left out. */
  @Optional()
  @IsIn(STAKEHOLDER_ROLES, { message: `must be one of ${STAKEHOLDER_ROLES.join(', ')}` })
  role?: StakeholderRole;

  @Optional()
  @IsBoolean({ message: 'must be true or false' })
  potentialChampion?: boolean;

  /** How much others follow their lead, 1 (little) to 5 (a lot). */
  @Nullable()
  @WholeNumber(1, 5)
  influence?: number | null;

  @Nullable()
  @Id('must be a stakeholder id (UUID)')
  reportsToId?: string | null;

  /** The level the campaign needs from this person. */
  @Nullable()
  @IsIn(COMMITMENT_LEVELS, { message: `must be one of ${COMMITMENT_LEVELS.join(', ')}` })
  requiredCommitment?: CommitmentLevel | null;

  /** When and how this person is best approached. */
  @OptionalText()
  timingNotes?: string | null;
}
