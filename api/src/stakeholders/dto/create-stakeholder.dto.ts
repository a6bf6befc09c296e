import { COMMITMENT_LEVELS, LIMITS, STAKEHOLDER_ROLES } from '@soundings/shared';
import type { CommitmentLevel, CreateStakeholderRequest, StakeholderRole } from '@soundings/shared';
import { Transform } from 'class-transformer';
import { IsBoolean, IsEmail, IsIn, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { IsPresentOrAbsent, OptionalText, RequiredText } from '../../common/validation';

export class CreateStakeholderDto implements CreateStakeholderRequest {
  /** Full name as they write it, any script. */
  @RequiredText(LIMITS.name)
  name: string;

  @OptionalText(LIMITS.shortText)
  title?: string | null;

  @Transform(({ value }) => (typeof value === 'string' ? (value.trim() === '' ? null : value.trim()) : value))
  @IsOptional()
  @IsEmail({}, { message: 'must be an email address' })
  email?: string | null;

  /** e.g. Finance, IT, Sales. */
  @OptionalText(LIMITS.shortText)
  businessFunction?: string | null;

  // Left out means the default; null is refused (the columns are NOT NULL).
  @IsPresentOrAbsent()
  @IsIn(STAKEHOLDER_ROLES, { message: `must be one of ${STAKEHOLDER_ROLES.join(', ')}` })
  role?: StakeholderRole;

  @IsPresentOrAbsent()
  @IsBoolean({ message: 'must be true or false' })
  potentialChampion?: boolean;

  /** How much others follow their lead, 1 (little) to 5 (a lot). */
  @IsOptional()
  @IsInt({ message: 'must be a whole number from 1 to 5' })
  @Min(1, { message: 'must be a whole number from 1 to 5' })
  @Max(5, { message: 'must be a whole number from 1 to 5' })
  influence?: number | null;

  @IsOptional()
  @IsUUID('all', { message: 'must be a stakeholder id (UUID)' })
  reportsToId?: string | null;

  /** The level the campaign needs from this person. */
  @IsOptional()
  @IsIn(COMMITMENT_LEVELS, { message: `must be one of ${COMMITMENT_LEVELS.join(', ')}` })
  requiredCommitment?: CommitmentLevel | null;

  /** When and how this person is best approached. */
  @OptionalText()
  timingNotes?: string | null;
}
