import { Module } from '@nestjs/common';
import { CadenceModule } from '../cadence/cadence.module';
import { StakeholdersModule } from '../stakeholders/stakeholders.module';
import { CommitmentController } from './commitment.controller';
import { CommitmentRepository } from './commitment.repository';
import { CommitmentService } from './commitment.service';

@Module({
  imports: [StakeholdersModule, CadenceModule],
  controllers: [CommitmentController],
  providers: [CommitmentService, CommitmentRepository],
  exports: [CommitmentRepository, CommitmentService],
})
export class CommitmentModule {}
