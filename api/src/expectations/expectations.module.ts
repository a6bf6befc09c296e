import { Module } from '@nestjs/common';
import { StakeholdersModule } from '../stakeholders/stakeholders.module';
import { ExpectationsController } from './expectations.controller';
import { ExpectationsRepository } from './expectations.repository';
import { ExpectationsService } from './expectations.service';

/** The expectations register: what each leader was told to expect, by whom, and whether it is realistic. */
@Module({
  imports: [StakeholdersModule],
  controllers: [ExpectationsController],
  providers: [ExpectationsService, ExpectationsRepository],
  exports: [ExpectationsRepository],
})
export class ExpectationsModule {}
