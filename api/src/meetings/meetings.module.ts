import { Module } from '@nestjs/common';
import { CadenceModule } from '../cadence/cadence.module';
import { CommitmentModule } from '../commitment/commitment.module';
import { StakeholdersModule } from '../stakeholders/stakeholders.module';
import { MeetingBriefController } from './meeting-brief.controller';
import { MeetingBriefService } from './meeting-brief.service';
import { MeetingsController } from './meetings.controller';
import { MeetingsRepository } from './meetings.repository';
import { MeetingsService } from './meetings.service';

@Module({
  imports: [CommitmentModule, StakeholdersModule, CadenceModule],
  controllers: [MeetingsController, MeetingBriefController],
  providers: [MeetingsService, MeetingsRepository, MeetingBriefService],
  exports: [MeetingsRepository],
})
export class MeetingsModule {}
