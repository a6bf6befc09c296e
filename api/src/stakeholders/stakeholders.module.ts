import { Module } from '@nestjs/common';
import { StakeholdersController } from './stakeholders.controller';
import { StakeholdersRepository } from './stakeholders.repository';
import { StakeholdersService } from './stakeholders.service';
import { StakeholderWriteLock } from './stakeholder-write-lock';

@Module({
  controllers: [StakeholdersController],
  providers: [StakeholdersService, StakeholdersRepository, StakeholderWriteLock],
  exports: [StakeholdersRepository, StakeholderWriteLock],
})
export class StakeholdersModule {}
