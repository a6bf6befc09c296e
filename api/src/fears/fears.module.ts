import { Module } from '@nestjs/common';
import { StakeholdersModule } from '../stakeholders/stakeholders.module';
import { FearsController } from './fears.controller';
import { FearsRepository } from './fears.repository';
import { FearsService } from './fears.service';

@Module({
  imports: [StakeholdersModule],
  controllers: [FearsController],
  providers: [FearsService, FearsRepository],
  exports: [FearsRepository],
})
export class FearsModule {}
