import { Module } from '@nestjs/common';
import { StakeholdersModule } from '../stakeholders/stakeholders.module';
import { ChampionEvidenceController } from './champion-evidence.controller';
import { ChampionEvidenceService } from './champion-evidence.service';
import { ChampionsController } from './champions.controller';
import { ChampionsRepository } from './champions.repository';
import { ChampionsService } from './champions.service';

/** Champion qualification: the three tests for each potential champion, and the evidence recorded for them. */
@Module({
  imports: [StakeholdersModule],
  controllers: [ChampionsController, ChampionEvidenceController],
  providers: [ChampionsService, ChampionEvidenceService, ChampionsRepository],
  exports: [ChampionsRepository],
})
export class ChampionsModule {}
