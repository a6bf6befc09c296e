import type { Cadence, UpdateStakeholderRequest } from '@soundings/shared';
import { CadenceDto } from '../../cadence/dto/cadence.dto';
import { NestedObject, Nullable, PatchOf, RecordVersion } from '../../common/validation';
import { CreateStakeholderDto } from './create-stakeholder.dto';

export class UpdateStakeholderDto extends PatchOf(CreateStakeholderDto) implements UpdateStakeholderRequest {
  /** Their own contact cadence (ideal ≤ max, each 1–365 days); null returns them to their role's. */
  @Nullable()
  @NestedObject(() => CadenceDto, 'a cadence with idealDays and maxDays, or null')
  cadence?: Cadence | null;

  /** The version you loaded; a stale one gets 409 with the current record. Or send If-Match. */
  @RecordVersion()
  version?: number;
}
