import { RESPONSIBILITY_MONTHS_MAX } from '@soundings/shared';
import type { ResponsibilityQuery } from '@soundings/shared';
import { Optional, QueryInteger, WholeNumber } from '../../common/validation';

export class ResponsibilityQueryDto implements ResponsibilityQuery {
  /** How many months, the current one included (RESPONSIBILITY_MONTHS_DEFAULT when left out). */
  @Optional()
  @QueryInteger()
  @WholeNumber(1, RESPONSIBILITY_MONTHS_MAX)
  months?: number;
}
