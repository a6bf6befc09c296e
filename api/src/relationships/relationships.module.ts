import { Module } from '@nestjs/common';
import { StakeholdersModule } from '../stakeholders/stakeholders.module';
import { RelationshipsController } from './relationships.controller';
import { RelationshipsRepository } from './relationships.repository';
import { RelationshipsService } from './relationships.service';

/** Who on our side (an HR account or a champion) holds the relationship with each person, and how well. */
@Module({
  imports: [StakeholdersModule],
  controllers: [RelationshipsController],
  providers: [RelationshipsService, RelationshipsRepository],
  exports: [RelationshipsRepository],
})
export class RelationshipsModule {}
