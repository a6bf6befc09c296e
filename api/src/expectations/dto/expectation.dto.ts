import { EXPECTATION_STATUSES, LIMITS } from '@soundings/shared';
import type { CreateExpectationRequest, ExpectationListQuery, ExpectationStatus, UpdateExpectationRequest } from '@soundings/shared';
import { IsBoolean, IsIn } from 'class-validator';
import { PageQueryDto } from '../../common/pagination.dto';
import { CalendarDate, Id, Nullable, Optional, OptionalText, PAST_DAYS, PatchOf, QueryBoolean, RecordVersion, RequiredText } from '../../common/validation';

const statusMessage = { message: `must be one of ${EXPECTATION_STATUSES.join(', ')}` };
const stakeholderIdMessage = 'must be a stakeholder id (UUID)';
const accountIdMessage = 'must be an account id (UUID)';

export class ExpectationFieldsDto {
  /** What they were told to expect, in words ("a coach for each of her direct reports by March"). */
  @RequiredText(LIMITS.longText)
  expectation: string;

  /** The day they were told; not in the future. */
  @CalendarDate(PAST_DAYS)
  toldOn: string;

  /** The account that told them; leave both tellers out and it is you. */
  @Nullable()
  @Id(accountIdMessage)
  toldByUserId?: string | null;

  /** The champion (a stakeholder, not the person themself) who told them. */
  @Nullable()
  @Id(stakeholderIdMessage)
  toldByStakeholderId?: string | null;

  /** Whether the campaign can actually deliver it. */
  @IsBoolean({ message: 'must be true or false' })
  realistic: boolean;

  /** open (the default), met, at_risk or withdrawn. */
  @Optional()
  @IsIn(EXPECTATION_STATUSES, statusMessage)
  status?: ExpectationStatus;

  @OptionalText()
  note?: string | null;
}

export class CreateExpectationDto extends ExpectationFieldsDto implements CreateExpectationRequest {
  /** The leader who was told. */
  @Id(stakeholderIdMessage)
  stakeholderId: string;
}

export class UpdateExpectationDto extends PatchOf(ExpectationFieldsDto) implements UpdateExpectationRequest {
  /** The version you loaded; a stale one gets 409 with the current record. Or send If-Match. */
  @RecordVersion()
  version?: number;
}

export class ListExpectationsDto extends PageQueryDto implements ExpectationListQuery {
  /** What this person was told to expect. */
  @Optional()
  @Id(stakeholderIdMessage)
  stakeholderId?: string;

  @Optional()
  @IsIn(EXPECTATION_STATUSES, statusMessage)
  status?: ExpectationStatus;

  /** false: only the unrealistic ones. */
  @Optional()
  @QueryBoolean()
  @IsBoolean({ message: 'must be true or false' })
  realistic?: boolean;
}
