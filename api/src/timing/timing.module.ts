import { Module } from '@nestjs/common';
import { StakeholdersModule } from '../stakeholders/stakeholders.module';
import { TimingController } from './timing.controller';
import { TimingRepository } from './timing.repository';
import { TimingService } from './timing.service';

/** When each person is best approached: receptiveness notes and dated best / not-now windows. */
@Module({
  imports: [StakeholdersModule],
  controllers: [TimingController],
  providers: [TimingService, TimingRepository],
  exports: [TimingRepository],
})
export class TimingModule {}
