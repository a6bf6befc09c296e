import { CommitmentTrendQuery, TREND_WEEKS_MAX } from '@soundings/shared';
import { Optional, QueryInteger, WholeNumber } from '../../common/validation';

export class CommitmentTrendQueryDto implements CommitmentTrendQuery {
  /** How many weeks, the current one included (TREND_WEEKS_DEFAULT when left out). */
  @Optional()
  @QueryInteger()
  @WholeNumber(1, TREND_WEEKS_MAX)
  weeks?: number;
}
