import type { UpdateStakeholderRequest } from '@soundings/shared';
import { PatchOf, RecordVersion } from '../../common/validation';
import { CreateStakeholderDto } from './create-stakeholder.dto';

export class UpdateStakeholderDto extends PatchOf(CreateStakeholderDto) implements UpdateStakeholderRequest {
  /** The version you loaded; a stale one gets 409 with the current record. Or send If-Match. */
  @RecordVersion()
  version?: number;
}
