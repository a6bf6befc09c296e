import { Module } from '@nestjs/common';
import { StakeholdersModule } from '../stakeholders/stakeholders.module';
import { CommitmentController } from './commitment.controller';
import { CommitmentRepository } from './commitment.repository';
import { CommitmentService } from './commitment.service';

@Module({
  imports: [StakeholdersModule],
  controllers: [CommitmentController],
  providers: [CommitmentService, CommitmentRepository],
  exports: [CommitmentRepository, CommitmentService],
})
export class CommitmentModule {}
