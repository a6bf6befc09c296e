import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * First-admin setup is open only on an installation that has never had an account anyone could sign
 * in with. That is a durable fact, kept in `settings.first_account_at` and set by the database in the
 * same transaction as the first such account, whichever path creates it (setup, the
 * SOUNDINGS_ADMIN_* bootstrap, an admin's invitation, a script): deactivating or deleting every
 * account later never reopens setup. The demo data's author is inserted inactive, so loading the
 * demo organisation first leaves setup open.
 */
export class FirstAccountMarker1764300000000 implements MigrationInterface {
  name = 'FirstAccountMarker1764300000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE settings ADD COLUMN first_account_at timestamptz`);
    // Existing installations: any account that is active or has a password was a real one (the first
    // admin always has a password; the demo author has neither).
    await queryRunner.query(`UPDATE settings SET first_account_at = (SELECT min(created_at) FROM users WHERE active OR password_hash IS NOT NULL)`);
    await queryRunner.query(`
      CREATE FUNCTION users_mark_first_account() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE settings SET first_account_at = now() WHERE first_account_at IS NULL;
        RETURN NULL;
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER users_mark_first_account AFTER INSERT ON users
        FOR EACH ROW WHEN (NEW.active) EXECUTE FUNCTION users_mark_first_account()`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER users_mark_first_account ON users`);
    await queryRunner.query(`DROP FUNCTION users_mark_first_account()`);
    await queryRunner.query(`ALTER TABLE settings DROP COLUMN first_account_at`);
  }
}
