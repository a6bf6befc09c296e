import type { MigrationInterface, QueryRunner } from 'typeorm';

export class PasswordResets1764301000000 implements MigrationInterface {
  name = 'PasswordResets1764301000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    // One-time links an admin issues so a person can set a new password. Only a SHA-256 of the secret
    // is kept (a copy of this table opens no account); used and expired rows are pruned by the
    // retention job.
    await queryRunner.query(`
      CREATE TABLE password_reset_tokens (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        token_hash text NOT NULL UNIQUE,
        issued_by uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        used_at timestamptz
      )`);
    await queryRunner.query(`CREATE INDEX password_reset_tokens_user ON password_reset_tokens (user_id)`);
    await queryRunner.query(`CREATE INDEX password_reset_tokens_expires ON password_reset_tokens (expires_at)`);
    // Sessions are pruned by when they went idle as well as by their absolute expiry.
    await queryRunner.query(`CREATE INDEX sessions_last_seen ON sessions (last_seen_at)`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX sessions_last_seen`);
    await queryRunner.query(`DROP TABLE password_reset_tokens`);
  }
}
