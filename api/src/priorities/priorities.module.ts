import { Module } from '@nestjs/common';
import { StakeholdersModule } from '../stakeholders/stakeholders.module';
import { PrioritiesController } from './priorities.controller';
import { PrioritiesRepository } from './priorities.repository';
import { PrioritiesService } from './priorities.service';

@Module({
  imports: [StakeholdersModule],
  controllers: [PrioritiesController],
  providers: [PrioritiesService, PrioritiesRepository],
  exports: [PrioritiesRepository],
})
export class PrioritiesModule {}
