import { Module } from '@nestjs/common';
import { BriefingsModule } from '../briefings/briefings.module';
import { ChampionsModule } from '../champions/champions.module';
import { CommitmentModule } from '../commitment/commitment.module';
import { ExpectationsModule } from '../expectations/expectations.module';
import { FearsModule } from '../fears/fears.module';
import { InfluenceModule } from '../influence/influence.module';
import { PrioritiesModule } from '../priorities/priorities.module';
import { InitiativesModule } from '../initiatives/initiatives.module';
import { MeetingsModule } from '../meetings/meetings.module';
import { PilotsModule } from '../pilots/pilots.module';
import { RelationshipsModule } from '../relationships/relationships.module';
import { SoundingsModule } from '../soundings/soundings.module';
import { StakeholdersModule } from '../stakeholders/stakeholders.module';
import { TimingModule } from '../timing/timing.module';
import { DataProtectionController } from './data-protection.controller';
import { ErasureRepository } from './erasure.repository';
import { ErasureService } from './erasure.service';
import { SubjectAccessService } from './subject-access.service';

/** A person's rights over what is held about them: see all of it (export, history) and have it erased. */
@Module({
  imports: [StakeholdersModule, SoundingsModule, FearsModule, CommitmentModule, BriefingsModule, MeetingsModule, InfluenceModule, ChampionsModule, RelationshipsModule, TimingModule, ExpectationsModule, PrioritiesModule, PilotsModule, InitiativesModule],
  controllers: [DataProtectionController],
  providers: [SubjectAccessService, ErasureService, ErasureRepository],
})
export class DataProtectionModule {}
