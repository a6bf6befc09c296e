import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CommitmentModule } from './commitment/commitment.module';
import { DashboardModule } from './dashboard/dashboard.module';
import { dataSourceOptions } from './database/database.options';
import { FearsModule } from './fears/fears.module';
import { HealthModule } from './health/health.module';
import { JourneysModule } from './journeys/journeys.module';
import { SoundingsModule } from './soundings/soundings.module';
import { StakeholdersModule } from './stakeholders/stakeholders.module';

@Module({})
export class AppModule {
  static forDatabase(databaseUrl: string): DynamicModule {
    return {
      module: AppModule,
      imports: [
        TypeOrmModule.forRoot({ ...dataSourceOptions(databaseUrl), retryAttempts: 3, retryDelay: 1_000 }),
        HealthModule,
        StakeholdersModule,
        SoundingsModule,
        FearsModule,
        CommitmentModule,
        JourneysModule,
        DashboardModule,
      ],
    };
  }
}
