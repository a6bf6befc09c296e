import { Module } from '@nestjs/common';
import { BriefingsModule } from '../briefings/briefings.module';
import { CommitmentModule } from '../commitment/commitment.module';
import { FearsModule } from '../fears/fears.module';
import { PilotsModule } from '../pilots/pilots.module';
import { InitiativesModule } from '../initiatives/initiatives.module';
import { SoundingsModule } from '../soundings/soundings.module';
import { StakeholdersModule } from '../stakeholders/stakeholders.module';
import { JourneysController } from './journeys.controller';
import { JourneysRepository } from './journeys.repository';
import { JourneysService } from './journeys.service';

@Module({
  imports: [StakeholdersModule, SoundingsModule, FearsModule, CommitmentModule, BriefingsModule, PilotsModule, InitiativesModule],
  controllers: [JourneysController],
  providers: [JourneysService, JourneysRepository],
})
export class JourneysModule {}
