import { Cadence, LIMITS, RETENTION_MONTHS_MAX, StakeholderRole, UpdateSettingsRequest } from '@soundings/shared';
import { IsDefined, IsString, MaxLength, ValidateIf } from 'class-validator';
import { CadenceDto } from '../../cadence/dto/cadence.dto';
import { NestedObject, Optional, RecordVersion, WholeNumber } from '../../common/validation';

const MONTHS_MESSAGE = `must be a whole number of months from 1 to ${RETENTION_MONTHS_MAX}, or null to keep the words`;
const CADENCE_MESSAGE = 'a cadence with idealDays and maxDays';

/** Every role's cadence. */
export class CadenceByRoleDto implements Record<StakeholderRole, Cadence> {
  @NestedObject(() => CadenceDto, CADENCE_MESSAGE)
  top_team!: CadenceDto;

  @NestedObject(() => CadenceDto, CADENCE_MESSAGE)
  senior_leader!: CadenceDto;

  @NestedObject(() => CadenceDto, CADENCE_MESSAGE)
  line_manager!: CadenceDto;

  @NestedObject(() => CadenceDto, CADENCE_MESSAGE)
  hr!: CadenceDto;

  @NestedObject(() => CadenceDto, CADENCE_MESSAGE)
  other!: CadenceDto;
}

export class UpdateSettingsDto implements UpdateSettingsRequest {
  /** Months after which a sounding's words (and its fears' words) are removed by the daily job; null turns the rule off. */
  @IsDefined({ message: MONTHS_MESSAGE })
  @ValidateIf((_, value) => value !== null)
  @WholeNumber(1, RETENTION_MONTHS_MAX, MONTHS_MESSAGE)
  redactSoundingsAfterMonths!: number | null;

  /** The organisation's IANA time zone (e.g. "Europe/London"), known to both PostgreSQL and browsers; left out: unchanged. */
  @Optional()
  @IsString({ message: 'must be an IANA time zone name such as Europe/London' })
  @MaxLength(LIMITS.shortText, { message: `must be at most ${LIMITS.shortText} characters` })
  timeZone?: string;

  /** Every role's cadence (ideal ≤ max, each 1–365 days); left out: unchanged. */
  @Optional()
  @NestedObject(() => CadenceByRoleDto, 'every role with its cadence')
  cadence?: CadenceByRoleDto;

  /** The version you loaded; a stale one gets 409 with the current settings. Or send If-Match. */
  @RecordVersion()
  version?: number;
}
