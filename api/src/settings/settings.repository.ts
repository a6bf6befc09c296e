import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

export interface SettingsRow {
  redact_soundings_after_months: number | null;
  retention_last_run_at: Date | null;
  updated_at: Date;
  version: number;
}

const SETTINGS_COLUMNS = 'redact_soundings_after_months, retention_last_run_at, updated_at, version';

/** The one row of admin settings (created by its migration). */
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

  /** Compare-and-set: null when the stored version is not the one the caller loaded. */
  async updateIfVersion(manager: EntityManager, version: number, changes: { redactSoundingsAfterMonths: number | null }): Promise<SettingsRow | null> {
    const rows = await manager.query(
      `UPDATE settings SET redact_soundings_after_months = $2, updated_at = now(), version = version + 1
        WHERE version = $1 RETURNING ${SETTINGS_COLUMNS}`,
      [version, changes.redactSoundingsAfterMonths],
    );
    return rows[0]?.[0] ?? null;
  }

  async markRetentionRun(manager: EntityManager): Promise<void> {
    await manager.query(`UPDATE settings SET retention_last_run_at = now()`);
  }
}
