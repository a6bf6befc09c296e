import { RETENTION_MONTHS_MAX, UpdateSettingsRequest } from '@soundings/shared';
import { IsDefined, IsInt, Max, Min, ValidateIf } from 'class-validator';
import { RecordVersion } from '../../common/validation';

const MONTHS_MESSAGE = { message: `must be a whole number of months from 1 to ${RETENTION_MONTHS_MAX}, or null to keep the words` };

export class UpdateSettingsDto implements UpdateSettingsRequest {
  /** Months after which a sounding's words (and its fears' words) are removed by the daily job; null turns the rule off. */
  @IsDefined(MONTHS_MESSAGE)
  @ValidateIf((_, value) => value !== null)
  @IsInt(MONTHS_MESSAGE)
  @Min(1, MONTHS_MESSAGE)
  @Max(RETENTION_MONTHS_MAX, MONTHS_MESSAGE)
  redactSoundingsAfterMonths!: number | null;

  /** The version you loaded; a stale one gets 409 with the current settings. Or send If-Match. */
  @RecordVersion()
  version?: number;
}
