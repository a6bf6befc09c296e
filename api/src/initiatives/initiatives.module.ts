import { Module } from '@nestjs/common';
import { CadenceModule } from '../cadence/cadence.module';
import { StakeholdersModule } from '../stakeholders/stakeholders.module';
import { InitiativesController } from './initiatives.controller';
import { InitiativesRepository } from './initiatives.repository';
import { InitiativesService } from './initiatives.service';

/** The rolling programme that keeps leaders involved: updates, events, showcases, with an owner and the people involved. */
@Module({
  imports: [StakeholdersModule, CadenceModule],
  controllers: [InitiativesController],
  providers: [InitiativesService, InitiativesRepository],
  exports: [InitiativesRepository],
})
export class InitiativesModule {}
