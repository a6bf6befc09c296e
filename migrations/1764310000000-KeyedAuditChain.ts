import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The audit chain gets a head: one row holding the newest entry's id and hash and the number of
 * entries, moved in the same transaction as each append by a trigger that only lets it advance. A
 * deleted tail or a deleted row in the middle no longer leaves a chain that recomputes cleanly.
 *
 * Entries from `keyed_from_id` on are chained with HMAC-SHA256 under a key the database never sees,
 * and their ids are gapless (the head's id + 1, taken under the head's row lock). Entries written
 * before this migration keep their plain SHA-256 chain and verify as they always did; the first keyed
 * entry is chained to the last of them.
 *
 * The application's own role may read both tables and append to the trail, nothing else: see
 * `api/src/database/database-roles.ts` for the grants.
 */
export class KeyedAuditChain1764310000000 implements MigrationInterface {
  name = 'KeyedAuditChain1764310000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    // Writers of the old code must not append while the head is being taken.
    await queryRunner.query(`LOCK TABLE audit_log IN EXCLUSIVE MODE`);
    await queryRunner.query(`
      CREATE TABLE audit_head (
        singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
        last_id bigint NOT NULL,
        last_hash text,
        entries bigint NOT NULL,
        keyed_from_id bigint NOT NULL
      )`);
    await queryRunner.query(`
      INSERT INTO audit_head (last_id, last_hash, entries, keyed_from_id)
      SELECT coalesce(max(id), 0), (SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1), count(*), coalesce(max(id), 0) + 1
        FROM audit_log`);

    // Runs as the owner (SECURITY DEFINER): the app's role may not update the head itself.
    await queryRunner.query(`
      CREATE FUNCTION audit_log_extends_head() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
      DECLARE
        head audit_head%ROWTYPE;
      BEGIN
        SELECT * INTO head FROM audit_head FOR UPDATE;
        IF NEW.id <> head.last_id + 1 OR NEW.prev_hash IS DISTINCT FROM head.last_hash THEN
          RAISE EXCEPTION 'audit_log entry % does not extend the chain head (entry %)', NEW.id, head.last_id
            USING ERRCODE = 'integrity_constraint_violation';
        END IF;
        UPDATE audit_head SET last_id = NEW.id, last_hash = NEW.hash, entries = entries + 1;
        RETURN NEW;
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER audit_log_extends_head BEFORE INSERT ON audit_log
        FOR EACH ROW EXECUTE FUNCTION audit_log_extends_head()`);

    await queryRunner.query(`
      CREATE FUNCTION audit_head_only_advances() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'UPDATE' AND NEW.keyed_from_id = OLD.keyed_from_id AND NEW.last_id > OLD.last_id AND NEW.entries = OLD.entries + 1 THEN
          RETURN NEW;
        END IF;
        RAISE EXCEPTION 'audit_head only advances, one entry at a time' USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER audit_head_only_advances BEFORE UPDATE OR DELETE ON audit_head
        FOR EACH ROW EXECUTE FUNCTION audit_head_only_advances()`);
    await queryRunner.query(`
      CREATE TRIGGER audit_head_no_truncate BEFORE TRUNCATE ON audit_head
        FOR EACH STATEMENT EXECUTE FUNCTION audit_head_only_advances()`);

    // The one way for the app's role to lock the head (FOR UPDATE needs UPDATE rights it does not have).
    // Writers take this row lock until commit, so the chain never forks and ids stay gapless.
    await queryRunner.query(`
      CREATE FUNCTION audit_head_for_append() RETURNS TABLE (last_id bigint, last_hash text)
        LANGUAGE sql SECURITY DEFINER SET search_path = public, pg_temp AS $$
        SELECT last_id, last_hash FROM audit_head FOR UPDATE
      $$`);
    await queryRunner.query(`REVOKE EXECUTE ON FUNCTION audit_head_for_append() FROM PUBLIC`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP FUNCTION audit_head_for_append()`);
    await queryRunner.query(`DROP TRIGGER audit_log_extends_head ON audit_log`);
    await queryRunner.query(`DROP FUNCTION audit_log_extends_head()`);
    await queryRunner.query(`DROP TABLE audit_head`);
    await queryRunner.query(`DROP FUNCTION audit_head_only_advances()`);
    // Keyed entries took their ids from the head, not the sequence the earlier code draws from.
    await queryRunner.query(`SELECT setval('audit_log_id_seq', coalesce((SELECT max(id) FROM audit_log), 0) + 1, false)`);
  }
}
