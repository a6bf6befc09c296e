import { Module } from '@nestjs/common';
import { StakeholdersModule } from '../stakeholders/stakeholders.module';
import { PilotsController } from './pilots.controller';
import { PilotsRepository } from './pilots.repository';
import { PilotsService } from './pilots.service';

/** Pilots as proof: sponsor, scope, dated results, and whether each leader who asked has heard the latest. */
@Module({
  imports: [StakeholdersModule],
  controllers: [PilotsController],
  providers: [PilotsService, PilotsRepository],
  exports: [PilotsRepository],
})
export class PilotsModule {}
