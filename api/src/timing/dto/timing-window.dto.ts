import { TIMING_WINDOW_KINDS } from '@soundings/shared';
import type { CreateTimingWindowRequest, TimingWindowKind, TimingWindowListQuery, UpdateTimingWindowRequest } from '@soundings/shared';
import { IsIn } from 'class-validator';
import { PageQueryDto } from '../../common/pagination.dto';
import { CalendarDate, Id, Optional, OptionalText, PLANNING_DAYS, RecordVersion } from '../../common/validation';

const kindMessage = { message: `must be one of ${TIMING_WINDOW_KINDS.join(', ')}` };

export class CreateTimingWindowDto implements CreateTimingWindowRequest {
  /** The person whose window it is. */
  @Id('must be a stakeholder id (UUID)')
  stakeholderId: string;

  /** best: when they are most receptive; not_now: a time they asked not to be approached. */
  @IsIn(TIMING_WINDOW_KINDS, kindMessage)
  kind: TimingWindowKind;

  /** First day of the window (inside it). */
  @CalendarDate(PLANNING_DAYS)
  startsOn: string;

  /** Last day of the window (inside it); on or after startsOn. */
  @CalendarDate(PLANNING_DAYS)
  endsOn: string;

  /** Why, in words ("budget round"). */
  @OptionalText()
  note?: string | null;
}

export class UpdateTimingWindowDto implements UpdateTimingWindowRequest {
  @Optional()
  @IsIn(TIMING_WINDOW_KINDS, kindMessage)
  kind?: TimingWindowKind;

  @Optional()
  @CalendarDate(PLANNING_DAYS)
  startsOn?: string;

  @Optional()
  @CalendarDate(PLANNING_DAYS)
  endsOn?: string;

  @OptionalText()
  note?: string | null;

  /** The version you loaded; a stale one gets 409 with the current record. Or send If-Match. */
  @RecordVersion()
  version?: number;
}

export class ListTimingWindowsDto extends PageQueryDto implements TimingWindowListQuery {
  @Optional()
  @Id('must be a stakeholder id (UUID)')
  stakeholderId?: string;

  /** Windows that end on or after this day. */
  @Optional()
  @CalendarDate(PLANNING_DAYS)
  from?: string;

  /** Windows that start on or before this day. */
  @Optional()
  @CalendarDate(PLANNING_DAYS)
  to?: string;
}
