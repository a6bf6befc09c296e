import { Controller, Get, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { SoundingRecommendations } from '@soundings/shared';
import { ApiResult } from '../openapi/api-responses';
import { RecommendationQueryDto } from './dto/recommendation-query.dto';
import { RecommendationsService } from './recommendations.service';

@ApiTags('recommendations')
@Controller('recommendations')
export class RecommendationsController {
  constructor(private readonly service: RecommendationsService) {}

  /**
   * Whom to sound next, highest score first (then by name), each with the reasons for the score in words and
   * their weights. Everyone not erased is a candidate except public champions with no gap to their required
   * level and no open fear.
   */
  @Get('soundings')
  @ApiResult('SoundingRecommendations')
  soundings(@Query() query: RecommendationQueryDto): Promise<SoundingRecommendations> {
    return this.service.soundings(query);
  }
}
