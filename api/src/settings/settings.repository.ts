import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Cadence, StakeholderRole } from '@soundings/shared';
import { DataSource, EntityManager } from 'typeorm';

export interface SettingsRow {
  redact_soundings_after_months: number | null;
  retention_last_run_at: Date | null;
  time_zone: string;
  /** Every role's cadence from cadence_rules. */
  cadence: Partial<Record<StakeholderRole, Cadence>> | null;
  updated_at: Date;
  version: number;
}

const SETTINGS_COLUMNS = `redact_soundings_after_months, retention_last_run_at, time_zone, updated_at, version,
  (SELECT json_object_agg(role, json_build_object('idealDays', ideal_days, 'maxDays', max_days)) FROM cadence_rules) AS cadence`;

/** The one row of admin settings (created by its migration), with the cadence by role beside it. */
@Injectable()
export class SettingsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async get(manager: EntityManager = this.dataSource.manager): Promise<SettingsRow> {
    const rows = await manager.query(`SELECT ${SETTINGS_COLUMNS} FROM settings`);
    return rows[0];
  }

  /** The row locked for the rest of the transaction. */
  async lock(manager: EntityManager): Promise<SettingsRow> {
    const rows = await manager.query(`SELECT ${SETTINGS_COLUMNS} FROM settings FOR UPDATE`);
    return rows[0];
  }

  /** Compare-and-set: false when the stored version is not the one the caller loaded. */
  async updateIfVersion(
    manager: EntityManager,
    version: number,
    changes: { redactSoundingsAfterMonths: number | null; timeZone: string },
  ): Promise<boolean> {
    const rows = await manager.query(
      `UPDATE settings SET redact_soundings_after_months = $2, time_zone = $3, updated_at = now(), version = version + 1
        WHERE version = $1 RETURNING version`,
      [version, changes.redactSoundingsAfterMonths, changes.timeZone],
    );
    return rows[0].length > 0;
  }

  async setCadence(manager: EntityManager, byRole: Record<StakeholderRole, Cadence>): Promise<void> {
    const entries = Object.entries(byRole);
    await manager.query(
      `INSERT INTO cadence_rules (role, ideal_days, max_days)
       SELECT * FROM unnest($1::text[], $2::int[], $3::int[])
       ON CONFLICT (role) DO UPDATE SET ideal_days = excluded.ideal_days, max_days = excluded.max_days`,
      [entries.map(([role]) => role), entries.map(([, c]) => c.idealDays), entries.map(([, c]) => c.maxDays)],
    );
  }

  /** Whether PostgreSQL knows this zone by its IANA name (not an abbreviation or a POSIX offset). */
  async knowsTimeZone(name: string): Promise<boolean> {
    const rows = await this.dataSource.query(`SELECT 1 FROM pg_timezone_names WHERE name = $1`, [name]);
    return rows.length > 0;
  }

  async markRetentionRun(manager: EntityManager): Promise<void> {
    await manager.query(`UPDATE settings SET retention_last_run_at = now()`);
  }
}
