import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AccountsSessionsAudit1764190000000 implements MigrationInterface {
  name = 'AccountsSessionsAudit1764190000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE users (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email text NOT NULL CHECK (length(email) BETWEEN 3 AND 320),
        display_name text,
        -- null for accounts that sign in only through single sign-on
        password_hash text,
        role text NOT NULL CHECK (role IN ('admin','practitioner','viewer')),
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX users_email ON users (lower(email))`);

    // Server-side sessions, shared by every API instance. The id is a SHA-256 of the cookie value,
    // so a copy of this table does not hand out live sessions.
    await queryRunner.query(`
      CREATE TABLE sessions (
        id text PRIMARY KEY,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        csrf_token text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        last_seen_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        client_address text,
        user_agent text
      )`);
    await queryRunner.query(`CREATE INDEX sessions_user ON sessions (user_id)`);
    await queryRunner.query(`CREATE INDEX sessions_expires ON sessions (expires_at)`);

    await queryRunner.query(`
      CREATE TABLE api_tokens (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        token_hash text NOT NULL UNIQUE,
        created_at timestamptz NOT NULL DEFAULT now(),
        last_used_at timestamptz
      )`);
    await queryRunner.query(`CREATE INDEX api_tokens_user ON api_tokens (user_id)`);

    // Rate-limit state lives in the database so that every API instance sees the same counts.
    await queryRunner.query(`
      CREATE TABLE rate_limit_hits (
        bucket text NOT NULL,
        hit_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX rate_limit_hits_bucket ON rate_limit_hits (bucket, hit_at)`);

    await queryRunner.query(`
      CREATE TABLE audit_log (
        id bigserial PRIMARY KEY,
        at timestamptz NOT NULL DEFAULT clock_timestamp(),
        actor_id uuid,
        actor_email text,
        action text NOT NULL,
        entity_type text,
        entity_id text,
        stakeholder_id uuid,
        before jsonb,
        after jsonb,
        request_id text,
        client_address text,
        prev_hash text,
        hash text NOT NULL
      )`);
    await queryRunner.query(`CREATE INDEX audit_log_stakeholder ON audit_log (stakeholder_id, id)`);
    await queryRunner.query(`CREATE INDEX audit_log_actor ON audit_log (actor_id, id)`);
    await queryRunner.query(`CREATE INDEX audit_log_action ON audit_log (action, id)`);
    // Append-only: the application never updates or deletes audit rows, and the database refuses to.
    await queryRunner.query(`
      CREATE FUNCTION audit_log_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_log is append-only' USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON audit_log
        FOR EACH STATEMENT EXECUTE FUNCTION audit_log_is_append_only()`);

    await queryRunner.query(`ALTER TABLE soundings ADD COLUMN confidential boolean NOT NULL DEFAULT false`);
    await queryRunner.query(`ALTER TABLE soundings ADD COLUMN author_id uuid REFERENCES users(id) ON DELETE SET NULL`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE soundings DROP COLUMN author_id`);
    await queryRunner.query(`ALTER TABLE soundings DROP COLUMN confidential`);
    await queryRunner.query(`DROP TABLE audit_log`);
    await queryRunner.query(`DROP FUNCTION audit_log_is_append_only()`);
    await queryRunner.query(`DROP TABLE rate_limit_hits`);
    await queryRunner.query(`DROP TABLE api_tokens`);
    await queryRunner.query(`DROP TABLE sessions`);
    await queryRunner.query(`DROP TABLE users`);
  }
}
