import { Module } from '@nestjs/common';
import { StakeholdersModule } from '../stakeholders/stakeholders.module';
import { InfluencesController } from './influences.controller';
import { InfluencesRepository } from './influences.repository';
import { InfluencesService } from './influences.service';

@Module({
  imports: [StakeholdersModule],
  controllers: [InfluencesController],
  providers: [InfluencesService, InfluencesRepository],
  exports: [InfluencesRepository],
})
export class InfluenceModule {}
