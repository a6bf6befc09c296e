import { Module } from '@nestjs/common';
import { CoalitionController } from './coalition.controller';
import { CoalitionRepository } from './coalition.repository';
import { CoalitionService } from './coalition.service';

@Module({ controllers: [CoalitionController], providers: [CoalitionService, CoalitionRepository] })
export class CoalitionModule {}
