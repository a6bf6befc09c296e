import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Deleted records held for restore: one row per delete, holding the deleted row and every row its
 * delete took with it (and the links it cleared) as they were, for 30 days.
 */
export class DeletedItems1764640000000 implements MigrationInterface {
  name = 'DeletedItems1764640000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE deleted_items (
        -- the id the deleted record had, so whoever deleted it can undo without asking for another id
        id uuid PRIMARY KEY,
        kind text NOT NULL CHECK (kind IN ('stakeholder','meeting','briefing','influence','relationship','timing_window',
          'expectation','priority','narrative','pilot','proof_point','initiative','champion_evidence')),
        label text NOT NULL,
        snapshot jsonb NOT NULL,
        -- every person the held rows name, for erasure and the subject-access export
        stakeholder_ids uuid[] NOT NULL DEFAULT '{}',
        deleted_by uuid REFERENCES users(id) ON DELETE SET NULL,
        deleted_at timestamptz NOT NULL DEFAULT now(),
        purge_after timestamptz NOT NULL
      )`);
    await queryRunner.query(`CREATE INDEX deleted_items_deleted_at ON deleted_items (deleted_at DESC, id)`);
    await queryRunner.query(`CREATE INDEX deleted_items_purge_after ON deleted_items (purge_after)`);
    await queryRunner.query(`CREATE INDEX deleted_items_stakeholders ON deleted_items USING gin (stakeholder_ids)`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE deleted_items`);
  }
}
