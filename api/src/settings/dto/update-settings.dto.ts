import { RETENTION_MONTHS_MAX, UpdateSettingsRequest } from '@soundings/shared';
import { IsDefined, ValidateIf } from 'class-validator';
import { RecordVersion, WholeNumber } from '../../common/validation';

const MONTHS_MESSAGE = `must be a whole number of months from 1 to ${RETENTION_MONTHS_MAX}, or null to keep the words`;

export class UpdateSettingsDto implements UpdateSettingsRequest {
  /** Months after which a sounding's words (and its fears' words) are removed by the daily job; null turns the rule off. */
  @IsDefined({ message: MONTHS_MESSAGE })
  @ValidateIf((_, value) => value !== null)
  @WholeNumber(1, RETENTION_MONTHS_MAX, MONTHS_MESSAGE)
  redactSoundingsAfterMonths!: number | null;

  /** The version you loaded; a stale one gets 409 with the current settings. Or send If-Match. */
  @RecordVersion()
  version?: number;
}
