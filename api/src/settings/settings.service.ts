import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AppSettings, DEFAULT_CADENCE, STAKEHOLDER_ROLES } from '@soundings/shared';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { Actor } from '../auth/actor';
import { cadenceProblems } from '../cadence/cadence-rules';
import { LastContactRepository } from '../cadence/last-contact.repository';
import { invalidField, invalidFields, versionConflict } from '../errors/api-exceptions';
import { UpdateSettingsDto } from './dto/update-settings.dto';
import { SettingsRepository, SettingsRow } from './settings.repository';

export function mapSettings(row: SettingsRow): AppSettings {
  return {
    redactSoundingsAfterMonths: row.redact_soundings_after_months,
    retentionLastRunAt: row.retention_last_run_at?.toISOString() ?? null,
    timeZone: row.time_zone,
    cadence: Object.fromEntries(STAKEHOLDER_ROLES.map((role) => [role, row.cadence?.[role] ?? DEFAULT_CADENCE[role]])) as AppSettings['cadence'],
    updatedAt: row.updated_at.toISOString(),
    version: row.version,
  };
}

/** Whether this Node's Intl (as browsers do) knows the zone by a name of IANA's shape; an unknown one throws. */
export function intlKnowsTimeZone(timeZone: string): boolean {
  if (!/^[A-Za-z][A-Za-z0-9_+\-/]*$/.test(timeZone)) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return true;
  } catch {
    return false;
  }
}

const TIME_ZONE_MESSAGE = 'must be an IANA time zone name such as Europe/London or UTC';

@Injectable()
export class SettingsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly settings: SettingsRepository,
    private readonly lastContact: LastContactRepository,
    private readonly audit: AuditService,
  ) {}

  async get(): Promise<AppSettings> {
    return mapSettings(await this.settings.get());
  }

  async update(actor: Actor, version: number, input: UpdateSettingsDto): Promise<AppSettings> {
    if (input.timeZone !== undefined && !(intlKnowsTimeZone(input.timeZone) && (await this.settings.knowsTimeZone(input.timeZone)))) {
      throw invalidField('timeZone', TIME_ZONE_MESSAGE);
    }
    if (input.cadence) {
      const problems = STAKEHOLDER_ROLES.flatMap((role) => cadenceProblems(input.cadence![role], `cadence.${role}`));
      if (problems.length > 0) throw invalidFields(problems);
    }
    return this.dataSource.transaction(async (manager) => {
      const before = mapSettings(await this.settings.lock(manager));
      const timeZone = input.timeZone ?? before.timeZone;
      if (!(await this.settings.updateIfVersion(manager, version, { redactSoundingsAfterMonths: input.redactSoundingsAfterMonths, timeZone }))) {
        throw versionConflict(before);
      }
      if (input.cadence) await this.settings.setCadence(manager, input.cadence);
      // "Today" moved: contact dated on the day that came or went counts, or stops counting, now.
      if (timeZone !== before.timeZone) await this.lastContact.refreshEveryone(manager);
      const after = mapSettings(await this.settings.get(manager));
      await this.audit.record(
        actor,
        {
          action: 'settings.update',
          entityType: 'settings',
          before: { redactSoundingsAfterMonths: before.redactSoundingsAfterMonths, timeZone: before.timeZone, cadence: before.cadence },
          after: { redactSoundingsAfterMonths: after.redactSoundingsAfterMonths, timeZone: after.timeZone, cadence: after.cadence },
        },
        manager,
      );
      return after;
    });
  }
}
