import { Injectable } from '@nestjs/common';
import { RECOMMENDATIONS_DEFAULT_LIMIT, SoundingRecommendations } from '@soundings/shared';
import { RecommendationQueryDto } from './dto/recommendation-query.dto';
import { mapRecommendation } from './recommendation-reasons';
import { RecommendationsRepository } from './recommendations.repository';

@Injectable()
export class RecommendationsService {
  constructor(private readonly recommendations: RecommendationsRepository) {}

  /**
   * Whom to sound next: the score is summed in SQL from the shared weights, the reasons are built in words
   * from the same counts. Reasons hold names, counts, meeting titles and dates only, never a note's words,
   * so every role reads the same list. One statement whatever the campaign's size.
   */
  async soundings(query: RecommendationQueryDto): Promise<SoundingRecommendations> {
    const rows = await this.recommendations.soundings(query.limit ?? RECOMMENDATIONS_DEFAULT_LIMIT);
    return { items: rows.map(mapRecommendation) };
  }
}
