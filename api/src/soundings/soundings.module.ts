import { Module } from '@nestjs/common';
import { CommitmentModule } from '../commitment/commitment.module';
import { FearsModule } from '../fears/fears.module';
import { StakeholdersModule } from '../stakeholders/stakeholders.module';
import { SoundingsController } from './soundings.controller';
import { SoundingsRepository } from './soundings.repository';
import { SoundingLinksRepository } from './sounding-links.repository';
import { SoundingsService } from './soundings.service';

@Module({
  imports: [StakeholdersModule, FearsModule, CommitmentModule],
  controllers: [SoundingsController],
  providers: [SoundingsService, SoundingsRepository, SoundingLinksRepository],
  exports: [SoundingsRepository, SoundingsService],
})
export class SoundingsModule {}
