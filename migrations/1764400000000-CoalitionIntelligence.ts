import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CoalitionIntelligence1764400000000 implements MigrationInterface {
  name = 'CoalitionIntelligence1764400000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    // Who sways whom. Directed kinds read "from is swayed by to" (looks_to, mentor: to mentors from);
    // ally and conflict go both ways, so one pair may hold them only once whichever end is written first.
    // Reporting lines count as influence too, read from stakeholders.reports_to_id and never copied here.
    await queryRunner.query(`
      CREATE TABLE influences (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        from_id uuid NOT NULL REFERENCES stakeholders(id) ON DELETE CASCADE,
        to_id uuid NOT NULL REFERENCES stakeholders(id) ON DELETE CASCADE,
        kind text NOT NULL CHECK (kind IN ('looks_to','mentor','ally','conflict')),
        strength smallint NOT NULL DEFAULT 2 CHECK (strength BETWEEN 1 AND 3),
        note text,
        created_by uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1,
        CONSTRAINT influences_not_to_self CHECK (from_id <> to_id)
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX influences_one_per_pair_and_kind ON influences (from_id, to_id, kind)`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX influences_one_per_unordered_pair ON influences (least(from_id, to_id), greatest(from_id, to_id), kind)
        WHERE kind IN ('ally','conflict')`,
    );
    await queryRunner.query(`CREATE INDEX influences_to ON influences (to_id, kind)`);

    // Who on our side holds the relationship with a person: an account (HR) or a champion.
    await queryRunner.query(`
      CREATE TABLE relationships (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        stakeholder_id uuid NOT NULL REFERENCES stakeholders(id) ON DELETE CASCADE,
        holder_user_id uuid REFERENCES users(id) ON DELETE CASCADE,
        holder_stakeholder_id uuid REFERENCES stakeholders(id) ON DELETE CASCADE,
        quality text NOT NULL CHECK (quality IN ('strong','building','avoid')),
        note text,
        created_by uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1,
        CONSTRAINT relationships_one_holder CHECK ((holder_user_id IS NULL) <> (holder_stakeholder_id IS NULL)),
        CONSTRAINT relationships_not_with_self CHECK (holder_stakeholder_id IS DISTINCT FROM stakeholder_id)
      )`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX relationships_one_per_account ON relationships (stakeholder_id, holder_user_id) WHERE holder_user_id IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX relationships_one_per_champion ON relationships (stakeholder_id, holder_stakeholder_id) WHERE holder_stakeholder_id IS NOT NULL`,
    );
    await queryRunner.query(`CREATE INDEX relationships_holder_user ON relationships (holder_user_id) WHERE holder_user_id IS NOT NULL`);
    await queryRunner.query(
      `CREATE INDEX relationships_holder_stakeholder ON relationships (holder_stakeholder_id) WHERE holder_stakeholder_id IS NOT NULL`,
    );

    // Evidence for the three champion tests recorded by hand, beside what is read from briefings,
    // meetings, soundings and links.
    await queryRunner.query(`
      CREATE TABLE champion_evidence (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        stakeholder_id uuid NOT NULL REFERENCES stakeholders(id) ON DELETE CASCADE,
        test text NOT NULL CHECK (test IN ('influence','advocacy','stake')),
        evidence text NOT NULL CHECK (length(evidence) > 0),
        observed_on date NOT NULL,
        created_by uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1
      )`);
    await queryRunner.query(`CREATE INDEX champion_evidence_stakeholder ON champion_evidence (stakeholder_id, observed_on DESC)`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE champion_evidence`);
    await queryRunner.query(`DROP TABLE relationships`);
    await queryRunner.query(`DROP TABLE influences`);
  }
}
