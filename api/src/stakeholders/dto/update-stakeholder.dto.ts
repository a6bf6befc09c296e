import { PartialType } from '@nestjs/swagger';
import { LIMITS } from '@soundings/shared';
import type { StakeholderRole, UpdateStakeholderRequest } from '@soundings/shared';
import { IsPresentOrAbsent, RecordVersion, RequiredText } from '../../common/validation';
import { CreateStakeholderDto } from './create-stakeholder.dto';

export class UpdateStakeholderDto extends PartialType(CreateStakeholderDto) implements UpdateStakeholderRequest {
  @IsPresentOrAbsent()
  @RequiredText(LIMITS.name)
  declare name?: string;

  // PartialType makes every field optional, null included; these columns are NOT NULL.
  @IsPresentOrAbsent()
  declare role?: StakeholderRole;

  @IsPresentOrAbsent()
  declare potentialChampion?: boolean;

  /** The version you loaded; a stale one gets 409 with the current record. Or send If-Match. */
  @RecordVersion()
  version?: number;
}
