import { Module } from '@nestjs/common';
import { CoalitionDashboardRepository } from './coalition-dashboard.repository';
import { CoalitionDashboardService } from './coalition-dashboard.service';
import { DashboardController } from './dashboard.controller';
import { DashboardRepository } from './dashboard.repository';
import { DashboardService } from './dashboard.service';

@Module({
  controllers: [DashboardController],
  providers: [DashboardService, DashboardRepository, CoalitionDashboardService, CoalitionDashboardRepository],
})
export class DashboardModule {}
