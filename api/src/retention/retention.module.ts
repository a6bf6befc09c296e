import { Module } from '@nestjs/common';
import { SettingsModule } from '../settings/settings.module';
import { RetentionRepository } from './retention.repository';
import { RetentionScheduler } from './retention.scheduler';
import { RetentionService } from './retention.service';

@Module({
  imports: [SettingsModule],
  providers: [RetentionService, RetentionRepository, RetentionScheduler],
  exports: [RetentionService],
})
export class RetentionModule {}
