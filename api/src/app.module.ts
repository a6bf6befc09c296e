import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { Logger as TypeOrmLogger } from 'typeorm';
import { requireAuditKeyFromEnvironment } from './audit/audit-key';
import { AuditModule } from './audit/audit.module';
import { AuthModule } from './auth/auth.module';
import { BriefingsModule } from './briefings/briefings.module';
import { CadenceModule } from './cadence/cadence.module';
import { ChampionsModule } from './champions/champions.module';
import { CoalitionModule } from './coalition/coalition.module';
import { CommitmentModule } from './commitment/commitment.module';
import { ConfidentialityModule } from './confidentiality/confidentiality.module';
import { ExpectationsModule } from './expectations/expectations.module';
import { DashboardModule } from './dashboard/dashboard.module';
import { dataSourceOptions } from './database/database.options';
import { DeletedItemsModule } from './deleted-items/deleted-items.module';
import { FearsModule } from './fears/fears.module';
import { HealthModule } from './health/health.module';
import { InfluenceModule } from './influence/influence.module';
import { InitiativesModule } from './initiatives/initiatives.module';
import { JourneysModule } from './journeys/journeys.module';
import { MeetingsModule } from './meetings/meetings.module';
import { NarrativesModule } from './narratives/narratives.module';
import { SavedViewsModule } from './saved-views/saved-views.module';
import { PilotsModule } from './pilots/pilots.module';
import { SoundingsModule } from './soundings/soundings.module';
import { StakeholdersModule } from './stakeholders/stakeholders.module';
import { DataProtectionModule } from './data-protection/data-protection.module';
import { RateLimitsModule } from './rate-limits/rate-limits.module';
import { RecommendationsModule } from './recommendations/recommendations.module';
import { RetentionModule } from './retention/retention.module';
import { SettingsModule } from './settings/settings.module';
import { RelationshipsModule } from './relationships/relationships.module';
import { TimingModule } from './timing/timing.module';
import { PrioritiesModule } from './priorities/priorities.module';
import { ResponsibilityModule } from './responsibility/responsibility.module';

@Module({})
export class AppModule {
  /**
   * `queryLogger` lets tests count the SQL statements a request runs; `auditKey` chains the audit trail
   * (AUDIT_HMAC_KEY unless given).
   */
  static forDatabase(databaseUrl: string, queryLogger?: TypeOrmLogger, auditKey: Buffer = requireAuditKeyFromEnvironment()): DynamicModule {
    return {
      module: AppModule,
      imports: [
        TypeOrmModule.forRoot({
          ...dataSourceOptions(databaseUrl),
          ...(queryLogger ? { logger: queryLogger, logging: ['query' as const] } : {}),
          retryAttempts: 3,
          retryDelay: 1_000,
        }),
        AuditModule.withKey(auditKey),
        ConfidentialityModule,
        DeletedItemsModule,
        // Before AuthModule: its guard must run first.
        RateLimitsModule,
        AuthModule,
        HealthModule,
        StakeholdersModule,
        SoundingsModule,
        FearsModule,
        CommitmentModule,
        JourneysModule,
        DashboardModule,
        BriefingsModule,
        MeetingsModule,
        InfluenceModule,
        ChampionsModule,
        CoalitionModule,
        RelationshipsModule,
        TimingModule,
        SettingsModule,
        RetentionModule,
        DataProtectionModule,
        RecommendationsModule,
        CadenceModule,
        NarrativesModule,
        SavedViewsModule,
        ExpectationsModule,
        PrioritiesModule,
        PilotsModule,
        InitiativesModule,
        ResponsibilityModule,
      ],
    };
  }
}
