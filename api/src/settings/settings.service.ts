import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AppSettings } from '@soundings/shared';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { Actor } from '../auth/actor';
import { versionConflict } from '../errors/api-exceptions';
import { UpdateSettingsDto } from './dto/update-settings.dto';
import { SettingsRepository, SettingsRow } from './settings.repository';

export function mapSettings(row: SettingsRow): AppSettings {
  return {
    redactSoundingsAfterMonths: row.redact_soundings_after_months,
    retentionLastRunAt: row.retention_last_run_at?.toISOString() ?? null,
    updatedAt: row.updated_at.toISOString(),
    version: row.version,
  };
}

@Injectable()
export class SettingsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly settings: SettingsRepository,
    private readonly audit: AuditService,
  ) {}

  async get(): Promise<AppSettings> {
    return mapSettings(await this.settings.get());
  }

  async update(actor: Actor, version: number, input: UpdateSettingsDto): Promise<AppSettings> {
    return this.dataSource.transaction(async (manager) => {
      const before = await this.settings.lock(manager);
      const after = await this.settings.updateIfVersion(manager, version, { redactSoundingsAfterMonths: input.redactSoundingsAfterMonths });
      if (!after) throw versionConflict(mapSettings(before));
      await this.audit.record(
        actor,
        {
          action: 'settings.update',
          entityType: 'settings',
          before: { redactSoundingsAfterMonths: before.redact_soundings_after_months },
          after: { redactSoundingsAfterMonths: after.redact_soundings_after_months },
        },
        manager,
      );
      return mapSettings(after);
    });
  }
}
