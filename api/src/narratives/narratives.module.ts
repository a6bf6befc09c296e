import { Module } from '@nestjs/common';
import { NarrativesController } from './narratives.controller';
import { NarrativesRepository } from './narratives.repository';
import { NarrativesService } from './narratives.service';

/** The organisation's narratives and values, and which of them resonate across the top team. */
@Module({
  controllers: [NarrativesController],
  providers: [NarrativesService, NarrativesRepository],
  exports: [NarrativesRepository],
})
export class NarrativesModule {}
