import { Module } from '@nestjs/common';
import { CadenceModule } from '../cadence/cadence.module';
import { StakeholdersModule } from '../stakeholders/stakeholders.module';
import { FearsController } from './fears.controller';
import { FearsRepository } from './fears.repository';
import { FearsService } from './fears.service';

@Module({
  imports: [StakeholdersModule, CadenceModule],
  controllers: [FearsController],
  providers: [FearsService, FearsRepository],
  exports: [FearsRepository],
})
export class FearsModule {}
