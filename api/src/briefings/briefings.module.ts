import { Module } from '@nestjs/common';
import { StakeholdersModule } from '../stakeholders/stakeholders.module';
import { BriefingsController } from './briefings.controller';
import { BriefingsRepository } from './briefings.repository';
import { BriefingsService } from './briefings.service';

@Module({
  imports: [StakeholdersModule],
  controllers: [BriefingsController],
  providers: [BriefingsService, BriefingsRepository],
  exports: [BriefingsRepository],
})
export class BriefingsModule {}
