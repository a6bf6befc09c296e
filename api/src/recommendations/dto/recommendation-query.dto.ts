import { RECOMMENDATIONS_MAX_LIMIT } from '@soundings/shared';
import type { RecommendationQuery } from '@soundings/shared';
import { Optional, QueryInteger, WholeNumber } from '../../common/validation';

export class RecommendationQueryDto implements RecommendationQuery {
  /** How many people to return, highest score first; RECOMMENDATIONS_DEFAULT_LIMIT when left out. */
  @Optional()
  @QueryInteger()
  @WholeNumber(1, RECOMMENDATIONS_MAX_LIMIT)
  limit?: number;
}
