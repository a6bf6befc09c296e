import type { MigrationInterface, QueryRunner } from 'typeorm';

const LEVELS = `'not_sounded','sounded','open','supportive','committed','public_champion','resistant'`;

export class InitialSchema1764180000000 implements MigrationInterface {
  name = 'InitialSchema1764180000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    // pg_trgm is a trusted extension: a database owner may create it without superuser rights.
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);

    await queryRunner.query(`
      CREATE TABLE stakeholders (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        title text,
        email text,
        business_function text,
        role text NOT NULL DEFAULT 'other'
          CHECK (role IN ('top_team','senior_leader','line_manager','hr','other')),
        potential_champion boolean NOT NULL DEFAULT false,
        influence smallint CHECK (influence BETWEEN 1 AND 5),
        reports_to_id uuid REFERENCES stakeholders(id) ON DELETE SET NULL,
        required_commitment text CHECK (required_commitment IN (${LEVELS})),
        timing_notes text,
        commitment text NOT NULL DEFAULT 'not_sounded' CHECK (commitment IN (${LEVELS})),
        commitment_since date,
        last_contact_at date,
        -- follow_up_on of the latest sounding, kept with the level so "overdue" is one indexed filter
        next_follow_up_on date,
        search_text text NOT NULL DEFAULT '',
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1,
        CONSTRAINT stakeholders_not_own_manager CHECK (reports_to_id IS DISTINCT FROM id)
      )`);
    // Accent- and case-folded name/title/email; trigram index serves substring search.
    await queryRunner.query(`CREATE INDEX stakeholders_search_trgm ON stakeholders USING gin (search_text gin_trgm_ops)`);
    await queryRunner.query(`CREATE INDEX stakeholders_name ON stakeholders (lower(name), id)`);
    await queryRunner.query(`CREATE INDEX stakeholders_commitment ON stakeholders (commitment)`);
    await queryRunner.query(`CREATE INDEX stakeholders_role ON stakeholders (role)`);
    await queryRunner.query(`CREATE INDEX stakeholders_last_contact ON stakeholders (last_contact_at)`);
    await queryRunner.query(`CREATE INDEX stakeholders_next_follow_up ON stakeholders (next_follow_up_on)`);
    await queryRunner.query(`CREATE INDEX stakeholders_reports_to ON stakeholders (reports_to_id)`);

    await queryRunner.query(`
      CREATE TABLE soundings (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        stakeholder_id uuid NOT NULL REFERENCES stakeholders(id) ON DELETE CASCADE,
        held_on date NOT NULL,
        channel text NOT NULL DEFAULT 'in_person' CHECK (channel IN ('in_person','video','phone')),
        conducted_by text,
        summary text NOT NULL CHECK (length(summary) > 0),
        developmental_experience text,
        benefits_seen text,
        personal_cost text,
        priorities_served text,
        commitment_after text NOT NULL CHECK (commitment_after IN (${LEVELS}) AND commitment_after <> 'not_sounded'),
        next_step text,
        follow_up_on date,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1
      )`);
    await queryRunner.query(`CREATE INDEX soundings_stakeholder_held_on ON soundings (stakeholder_id, held_on DESC, created_at DESC)`);

    await queryRunner.query(`
      CREATE TABLE fears (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        stakeholder_id uuid NOT NULL REFERENCES stakeholders(id) ON DELETE CASCADE,
        sounding_id uuid REFERENCES soundings(id) ON DELETE SET NULL,
        statement text NOT NULL CHECK (length(statement) > 0),
        category text NOT NULL CHECK (category IN
          ('time_and_workload','personal_exposure','loss_of_control','doubt_about_value','cost_and_budget','culture_fit','other')),
        status text NOT NULL DEFAULT 'open' CHECK (status IN ('open','addressing','resolved')),
        response text,
        owner text,
        voiced_on date NOT NULL,
        resolved_on date,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1,
        CONSTRAINT fears_resolved_has_date CHECK ((status = 'resolved') = (resolved_on IS NOT NULL))
      )`);
    await queryRunner.query(`CREATE INDEX fears_stakeholder ON fears (stakeholder_id, voiced_on)`);
    await queryRunner.query(`CREATE INDEX fears_newest ON fears (voiced_on DESC, created_at DESC, id)`);
    await queryRunner.query(`CREATE INDEX fears_status_newest ON fears (status, voiced_on DESC, created_at DESC, id)`);
    await queryRunner.query(`CREATE INDEX fears_sounding ON fears (sounding_id)`);
    await queryRunner.query(`CREATE INDEX fears_open_by_category ON fears (category) WHERE status <> 'resolved'`);

    // The level history. Rows with a sounding_id are derived from soundings (rebuilt when a sounding
    // is logged or corrected); rows without one are explicit changes recorded with a reason.
    await queryRunner.query(`
      CREATE TABLE commitment_changes (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        stakeholder_id uuid NOT NULL REFERENCES stakeholders(id) ON DELETE CASCADE,
        to_level text NOT NULL CHECK (to_level IN (${LEVELS})),
        changed_on date NOT NULL,
        reason text,
        sounding_id uuid REFERENCES soundings(id) ON DELETE CASCADE,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT commitment_changes_have_evidence CHECK (sounding_id IS NOT NULL OR length(reason) > 0)
      )`);
    await queryRunner.query(`CREATE INDEX commitment_changes_stakeholder ON commitment_changes (stakeholder_id, changed_on, created_at)`);
    await queryRunner.query(`CREATE INDEX commitment_changes_sounding ON commitment_changes (sounding_id)`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE commitment_changes`);
    await queryRunner.query(`DROP TABLE fears`);
    await queryRunner.query(`DROP TABLE soundings`);
    await queryRunner.query(`DROP TABLE stakeholders`);
  }
}
