import type { MigrationInterface, QueryRunner } from 'typeorm';

export class DataProtection1764225000000 implements MigrationInterface {
  name = 'DataProtection1764225000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    // One row of admin settings. Typed columns rather than key/value pairs, so the database checks them.
    await queryRunner.query(`
      CREATE TABLE settings (
        id boolean PRIMARY KEY DEFAULT true CHECK (id),
        -- null: the retention rule is off
        redact_soundings_after_months integer CHECK (redact_soundings_after_months BETWEEN 1 AND 600),
        retention_last_run_at timestamptz,
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1
      )`);
    await queryRunner.query(`INSERT INTO settings (id) VALUES (true)`);

    // When the words of a sounding or fear were removed (retention or erasure): the job skips them after that.
    await queryRunner.query(`ALTER TABLE soundings ADD COLUMN text_removed_at timestamptz`);
    await queryRunner.query(`ALTER TABLE fears ADD COLUMN text_removed_at timestamptz`);
    await queryRunner.query(`CREATE INDEX soundings_text_kept_held_on ON soundings (held_on) WHERE text_removed_at IS NULL`);
    await queryRunner.query(`CREATE INDEX fears_text_kept_voiced_on ON fears (voiced_on) WHERE text_removed_at IS NULL`);
    await queryRunner.query(`ALTER TABLE stakeholders ADD COLUMN erased_at timestamptz`);

    // Request counters per caller and fixed window, one upsert per request. UNLOGGED: no WAL for
    // counters that only matter for a minute (a crash or failover simply starts them again).
    await queryRunner.query(`
      CREATE UNLOGGED TABLE rate_limit_windows (
        bucket text NOT NULL,
        window_start timestamptz NOT NULL,
        expires_at timestamptz NOT NULL,
        hits integer NOT NULL,
        PRIMARY KEY (bucket, window_start)
      )`);
    await queryRunner.query(`CREATE INDEX rate_limit_windows_expires ON rate_limit_windows (expires_at)`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE rate_limit_windows`);
    await queryRunner.query(`ALTER TABLE stakeholders DROP COLUMN erased_at`);
    await queryRunner.query(`DROP INDEX fears_text_kept_voiced_on`);
    await queryRunner.query(`DROP INDEX soundings_text_kept_held_on`);
    await queryRunner.query(`ALTER TABLE fears DROP COLUMN text_removed_at`);
    await queryRunner.query(`ALTER TABLE soundings DROP COLUMN text_removed_at`);
    await queryRunner.query(`DROP TABLE settings`);
  }
}
