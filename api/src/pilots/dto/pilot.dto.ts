import { LIMITS, PILOT_STATUSES } from '@soundings/shared';
import type {
  CreatePilotRequest,
  CreateProofPointRequest,
  PilotListQuery,
  PilotStatus,
  TellPilotResultRequest,
  UpdatePilotRequest,
  UpdateProofPointRequest,
} from '@soundings/shared';
import { ArrayMaxSize, ArrayUnique, IsArray, IsIn } from 'class-validator';
import { PageQueryDto } from '../../common/pagination.dto';
import {
  CalendarDate,
  DecimalNumber,
  Id,
  IdList,
  Nullable,
  Optional,
  OptionalText,
  OptionalUnitText,
  PAST_DAYS,
  PatchOf,
  PLANNING_DAYS,
  QueryText,
  RecordVersion,
  RequiredText,
} from '../../common/validation';

/** At most this many leaders asked for proof of one pilot. */
export const PILOT_ASKERS_MAX = 100;
/** A measured value: large enough for any money or headcount, small enough to stay exact. */
export const PROOF_VALUE_LIMIT = 1_000_000_000_000;
export const PROOF_UNIT_MAX = 40;

const statusMessage = { message: `must be one of ${PILOT_STATUSES.join(', ')}` };
const stakeholderIdMessage = 'must be a stakeholder id (UUID)';

export class PilotFieldsDto {
  @RequiredText(LIMITS.shortText)
  name: string;

  /** The leader who sponsors it; null (or left out) while HR runs it alone. */
  @Nullable()
  @Id(stakeholderIdMessage)
  sponsorId: string | null;

  /** e.g. Finance, IT, Sales. */
  @OptionalText(LIMITS.shortText)
  businessFunction?: string | null;

  /** Who takes part, for how long, what it measures. */
  @OptionalText()
  scope?: string | null;

  @Nullable()
  @CalendarDate(PLANNING_DAYS)
  startOn?: string | null;

  /** On or after startOn. */
  @Nullable()
  @CalendarDate(PLANNING_DAYS)
  endOn?: string | null;

  /** proposed when left out. */
  @Optional()
  @IsIn(PILOT_STATUSES, statusMessage)
  status?: PilotStatus;

  /** Leaders who wanted proof before committing, each once; replaces the whole list on PATCH (those who stay keep what they were told). */
  @Optional()
  @IsArray({ message: 'must be a list of stakeholder ids' })
  @ArrayMaxSize(PILOT_ASKERS_MAX, { message: `must list at most ${PILOT_ASKERS_MAX} people` })
  @IdList('must list stakeholder ids (UUIDs)')
  @ArrayUnique({ message: 'must list each person once' })
  askedBy?: string[];
}

export class CreatePilotDto extends PilotFieldsDto implements CreatePilotRequest {}

export class UpdatePilotDto extends PatchOf(PilotFieldsDto) implements UpdatePilotRequest {
  /** The version you loaded; a stale one gets 409 with the current pilot. Or send If-Match. */
  @RecordVersion()
  version?: number;
}

export class ListPilotsDto extends PageQueryDto implements PilotListQuery {
  @Optional()
  @IsIn(PILOT_STATUSES, statusMessage)
  status?: PilotStatus;

  @Optional()
  @Id(stakeholderIdMessage)
  sponsorId?: string;

  /** Pilots this leader asked for proof of. */
  @Optional()
  @Id(stakeholderIdMessage)
  askedById?: string;

  /** Any case. */
  @QueryText(LIMITS.shortText)
  businessFunction?: string;
}

export class ProofPointFieldsDto {
  /** The day the result was seen; not in the future. */
  @CalendarDate(PAST_DAYS)
  observedOn: string;

  /** The result in words. */
  @RequiredText()
  result: string;

  /** The result as a number, if it has one. */
  @Nullable()
  @DecimalNumber(PROOF_VALUE_LIMIT, 4)
  value?: number | null;

  /** What the value counts, e.g. "%" or "days"; needs a value. */
  @OptionalUnitText(PROOF_UNIT_MAX)
  unit?: string | null;
}

export class CreateProofPointDto extends ProofPointFieldsDto implements CreateProofPointRequest {}

export class UpdateProofPointDto extends PatchOf(ProofPointFieldsDto) implements UpdateProofPointRequest {
  /** The version you loaded; a stale one gets 409 with the current proof point. Or send If-Match. */
  @RecordVersion()
  version?: number;
}

export class TellPilotResultDto implements TellPilotResultRequest {
  /** A leader who asked for proof of this pilot. */
  @Id(stakeholderIdMessage)
  stakeholderId: string;

  /** The result they heard; the pilot's latest when left out. */
  @Optional()
  @Id('must be a proof point id (UUID)')
  proofPointId?: string;

  /** The day they heard it; today when left out. Not before the result was observed. */
  @Optional()
  @CalendarDate(PAST_DAYS)
  toldOn?: string;
}
