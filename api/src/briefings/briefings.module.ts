import { Module } from '@nestjs/common';
import { CadenceModule } from '../cadence/cadence.module';
import { PrioritiesModule } from '../priorities/priorities.module';
import { StakeholdersModule } from '../stakeholders/stakeholders.module';
import { BriefingsController } from './briefings.controller';
import { BriefingsRepository } from './briefings.repository';
import { BriefingsService } from './briefings.service';

@Module({
  imports: [StakeholdersModule, CadenceModule, PrioritiesModule],
  controllers: [BriefingsController],
  providers: [BriefingsService, BriefingsRepository],
  exports: [BriefingsRepository],
})
export class BriefingsModule {}
