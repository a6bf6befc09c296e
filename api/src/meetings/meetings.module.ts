import { Module } from '@nestjs/common';
import { CadenceModule } from '../cadence/cadence.module';
import { CommitmentModule } from '../commitment/commitment.module';
import { StakeholdersModule } from '../stakeholders/stakeholders.module';
import { MeetingsController } from './meetings.controller';
import { MeetingsRepository } from './meetings.repository';
import { MeetingsService } from './meetings.service';

@Module({
  imports: [CommitmentModule, StakeholdersModule, CadenceModule],
  controllers: [MeetingsController],
  providers: [MeetingsService, MeetingsRepository],
  exports: [MeetingsRepository],
})
export class MeetingsModule {}
