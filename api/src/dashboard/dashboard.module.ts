import { Module } from '@nestjs/common';
import { CoalitionDashboardRepository } from './coalition-dashboard.repository';
import { CoalitionDashboardService } from './coalition-dashboard.service';
import { DashboardController } from './dashboard.controller';
import { DashboardRepository } from './dashboard.repository';
import { DashboardService } from './dashboard.service';
import { FunctionCoverageRepository } from './function-coverage.repository';
import { FunctionCoverageService } from './function-coverage.service';

@Module({
  controllers: [DashboardController],
  providers: [DashboardService, DashboardRepository, CoalitionDashboardService, CoalitionDashboardRepository, FunctionCoverageService, FunctionCoverageRepository],
})
export class DashboardModule {}
