import { LIMITS, SOUNDING_LEVELS } from '@soundings/shared';
import type { CommitmentChangeRequest, CommitmentLevel } from '@soundings/shared';
import { IsIn } from 'class-validator';
import { CalendarDate, PAST_DAYS, RequiredText } from '../../common/validation';

export class RecordCommitmentChangeDto implements CommitmentChangeRequest {
  /** The level they have now reached (not_sounded cannot be recorded: it is where everyone starts). */
  @IsIn(SOUNDING_LEVELS, { message: `must be one of ${SOUNDING_LEVELS.join(', ')}` })
  level: Exclude<CommitmentLevel, 'not_sounded'>;

  /** When the change was seen. */
  @CalendarDate(PAST_DAYS)
  on: string;

  /** The evidence, e.g. "spoke for it in the operations review". */
  @RequiredText(LIMITS.longText)
  reason: string;
}
