import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Ids from here up are entries appended but not yet sealed into the chain; below it, chain positions. */
export const AUDIT_PENDING_FLOOR = '4611686018427387904';

/**
 * Writers no longer lock the chain's head. An entry is appended in the writer's transaction unsealed: an
 * id from `audit_pending_id_seq` (at or above `AUDIT_PENDING_FLOOR`), no `prev_hash`, no `hash`. One sealer
 * at a time then takes the head's row lock and, for each unsealed entry it can see, gives it the head's
 * id + 1, chains it to the head's hash and moves the head: positions are handed out at sealing, so an
 * entry whose transaction committed late is sealed later, never skipped, and sealed ids stay gapless.
 *
 * The trail stays append-only: the one update allowed is sealing an unsealed entry (its id, `prev_hash`
 * and `hash`, which is all the app's role may update) at exactly the head's next position, its content
 * unchanged. Deleting and truncating are refused as before.
 */
export class AuditSealedAfterCommit1764720000000 implements MigrationInterface {
  name = 'AuditSealedAfterCommit1764720000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`LOCK TABLE audit_log IN EXCLUSIVE MODE`);
    await queryRunner.query(`CREATE SEQUENCE audit_pending_id_seq AS bigint START ${AUDIT_PENDING_FLOOR} MINVALUE ${AUDIT_PENDING_FLOOR}`);
    await queryRunner.query(`ALTER TABLE audit_log ALTER COLUMN hash DROP NOT NULL`);

    await queryRunner.query(`
      CREATE OR REPLACE FUNCTION audit_log_extends_head() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
      DECLARE
        head audit_head%ROWTYPE;
      BEGIN
        IF NEW.hash IS NULL THEN
          -- Unsealed: it takes its place in the chain when it is sealed.
          IF NEW.id < ${AUDIT_PENDING_FLOOR} OR NEW.prev_hash IS NOT NULL THEN
            RAISE EXCEPTION 'an unsealed audit_log entry takes an id from audit_pending_id_seq and no prev_hash'
              USING ERRCODE = 'integrity_constraint_violation';
          END IF;
          RETURN NEW;
        END IF;
        SELECT * INTO head FROM audit_head FOR UPDATE;
        IF NEW.id <> head.last_id + 1 OR NEW.prev_hash IS DISTINCT FROM head.last_hash THEN
          RAISE EXCEPTION 'audit_log entry % does not extend the chain head (entry %)', NEW.id, head.last_id
            USING ERRCODE = 'integrity_constraint_violation';
        END IF;
        UPDATE audit_head SET last_id = NEW.id, last_hash = NEW.hash, entries = entries + 1;
        RETURN NEW;
      END $$`);

    // Row by row, so each sealed entry is checked against the head as the previous one left it.
    await queryRunner.query(`DROP TRIGGER audit_log_append_only ON audit_log`);
    await queryRunner.query(`
      CREATE FUNCTION audit_log_only_seals() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
      DECLARE
        head audit_head%ROWTYPE;
      BEGIN
        IF TG_OP = 'UPDATE' AND OLD.hash IS NULL AND OLD.id >= ${AUDIT_PENDING_FLOOR} AND NEW.hash IS NOT NULL
           AND (NEW.at, NEW.actor_id, NEW.actor_email, NEW.action, NEW.entity_type, NEW.entity_id, NEW.stakeholder_id,
                NEW.before, NEW.after, NEW.request_id, NEW.client_address)
               IS NOT DISTINCT FROM
               (OLD.at, OLD.actor_id, OLD.actor_email, OLD.action, OLD.entity_type, OLD.entity_id, OLD.stakeholder_id,
                OLD.before, OLD.after, OLD.request_id, OLD.client_address) THEN
          SELECT * INTO head FROM audit_head FOR UPDATE;
          IF NEW.id <> head.last_id + 1 OR NEW.prev_hash IS DISTINCT FROM head.last_hash THEN
            RAISE EXCEPTION 'sealing audit_log entry % does not extend the chain head (entry %)', NEW.id, head.last_id
              USING ERRCODE = 'integrity_constraint_violation';
          END IF;
          UPDATE audit_head SET last_id = NEW.id, last_hash = NEW.hash, entries = entries + 1;
          RETURN NEW;
        END IF;
        RAISE EXCEPTION 'audit_log is append-only' USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
        FOR EACH ROW EXECUTE FUNCTION audit_log_only_seals()`);
    await queryRunner.query(`
      CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
        FOR EACH STATEMENT EXECUTE FUNCTION audit_log_is_append_only()`);

    // One round trip for a batch; runs as the caller, so the column grants and the trigger above apply.
    await queryRunner.query(`
      CREATE FUNCTION audit_seal(pending bigint[], positions bigint[], prev_hashes text[], hashes text[]) RETURNS integer
        LANGUAGE plpgsql SET search_path = public, pg_temp AS $$
      BEGIN
        FOR i IN 1 .. coalesce(array_length(pending, 1), 0) LOOP
          UPDATE audit_log SET id = positions[i], prev_hash = prev_hashes[i], hash = hashes[i] WHERE id = pending[i] AND hash IS NULL;
          IF NOT FOUND THEN
            RAISE EXCEPTION 'audit_log entry % is not waiting to be sealed', pending[i] USING ERRCODE = 'integrity_constraint_violation';
          END IF;
        END LOOP;
        RETURN coalesce(array_length(pending, 1), 0);
      END $$`);
    await queryRunner.query(`REVOKE EXECUTE ON FUNCTION audit_seal(bigint[], bigint[], text[], text[]) FROM PUBLIC`);
    await queryRunner.query(`CREATE INDEX audit_log_unsealed ON audit_log (id) WHERE hash IS NULL`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    const [{ pending }] = await queryRunner.query(`SELECT count(*)::int AS pending FROM audit_log WHERE hash IS NULL`);
    if (pending > 0) throw new Error(`${pending} audit entries are not sealed yet: start the app once to seal them, then migrate down`);
    await queryRunner.query(`DROP INDEX audit_log_unsealed`);
    await queryRunner.query(`DROP FUNCTION audit_seal(bigint[], bigint[], text[], text[])`);
    await queryRunner.query(`DROP TRIGGER audit_log_no_truncate ON audit_log`);
    await queryRunner.query(`DROP TRIGGER audit_log_append_only ON audit_log`);
    await queryRunner.query(`DROP FUNCTION audit_log_only_seals()`);
    await queryRunner.query(`
      CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON audit_log
        FOR EACH STATEMENT EXECUTE FUNCTION audit_log_is_append_only()`);
    await queryRunner.query(`
      CREATE OR REPLACE FUNCTION audit_log_extends_head() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
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
    await queryRunner.query(`ALTER TABLE audit_log ALTER COLUMN hash SET NOT NULL`);
    await queryRunner.query(`DROP SEQUENCE audit_pending_id_seq`);
  }
}
