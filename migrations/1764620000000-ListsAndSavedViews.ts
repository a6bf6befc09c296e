import type { MigrationInterface, QueryRunner } from 'typeorm';

const PATH = `ARRAY['not_sounded','sounded','open','supportive','committed','public_champion']::text[]`;

export class ListsAndSavedViews1764620000000 implements MigrationInterface {
  name = 'ListsAndSavedViews1764620000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    // Steps still to climb to the required level, as shared `commitmentGap` says (a test holds the two
    // together for every pair): resistant stands at "sounded", no required level (or "resistant") is no gap.
    // Immutable, so the list can sort by it through an index.
    await queryRunner.query(`
      CREATE FUNCTION commitment_gap(current_level text, required_level text) RETURNS integer
        LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
        $$ SELECT CASE WHEN required_level IS NULL OR required_level = 'resistant' THEN 0
                       ELSE greatest(0, array_position(${PATH}, required_level)
                                        - array_position(${PATH}, CASE WHEN current_level = 'resistant' THEN 'sounded' ELSE current_level END))
                  END $$`);
    // The list's two new sorts, each walked in index order so a page of 100,000 people needs no sort.
    await queryRunner.query(
      `CREATE INDEX stakeholders_gap_sort ON stakeholders (commitment_gap(commitment, required_commitment) DESC, lower(name), id)`,
    );
    await queryRunner.query(`CREATE INDEX stakeholders_influence_sort ON stakeholders (influence DESC NULLS LAST, lower(name), id)`);

    // A user's named filter and sort of the stakeholder list. The free-text search is kept in a column of its
    // own (it may hold a person's name, which erasure replaces); the rest are enums, function names and a sort.
    await queryRunner.query(`
      CREATE TABLE saved_views (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 80),
        search text CHECK (length(search) BETWEEN 1 AND 200),
        filters jsonb NOT NULL DEFAULT '{}'::jsonb CHECK (jsonb_typeof(filters) = 'object'),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX saved_views_one_name_per_user ON saved_views (user_id, lower(name))`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE saved_views`);
    await queryRunner.query(`DROP INDEX stakeholders_influence_sort`);
    await queryRunner.query(`DROP INDEX stakeholders_gap_sort`);
    await queryRunner.query(`DROP FUNCTION commitment_gap(text, text)`);
  }
}
