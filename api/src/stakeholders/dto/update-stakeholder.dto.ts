import { PartialType } from '@nestjs/swagger';
import { LIMITS } from '@soundings/shared';
import type { UpdateStakeholderRequest } from '@soundings/shared';
import { IsInt, IsOptional, Min } from 'class-validator';
import { IsPresentOrAbsent, RequiredText } from '../../common/validation';
import { CreateStakeholderDto } from './create-stakeholder.dto';

export class UpdateStakeholderDto extends PartialType(CreateStakeholderDto) implements UpdateStakeholderRequest {
  @IsPresentOrAbsent()
  @RequiredText(LIMITS.name)
  declare name?: string;

  /** The version you loaded; a stale one gets 409 with the current record. Or send If-Match. */
  @IsOptional()
  @IsInt({ message: 'must be the record version you loaded (a whole number)' })
  @Min(1)
  version?: number;
}
