import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A deleted saved view is held for restore like every other delete, but it is one account's own: held for that
 * account alone (listed, restored and purged only by it), and gone with the account.
 */
export class SavedViewsHeldForRestore1764810000000 implements MigrationInterface {
  name = 'SavedViewsHeldForRestore1764810000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE deleted_items DROP CONSTRAINT deleted_items_kind_check`);
    await queryRunner.query(`
      ALTER TABLE deleted_items ADD CONSTRAINT deleted_items_kind_check CHECK (kind IN ('stakeholder','meeting','briefing','influence',
        'relationship','timing_window','expectation','priority','narrative','pilot','proof_point','initiative','champion_evidence','saved_view'))`);
    // Null for what the whole organisation may see and restore; the account's id for what only it may.
    await queryRunner.query(`ALTER TABLE deleted_items ADD COLUMN owner_id uuid REFERENCES users(id) ON DELETE CASCADE`);
    await queryRunner.query(`CREATE INDEX deleted_items_owner ON deleted_items (owner_id) WHERE owner_id IS NOT NULL`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM deleted_items WHERE kind = 'saved_view' OR owner_id IS NOT NULL`);
    await queryRunner.query(`ALTER TABLE deleted_items DROP COLUMN owner_id`);
    await queryRunner.query(`ALTER TABLE deleted_items DROP CONSTRAINT deleted_items_kind_check`);
    await queryRunner.query(`
      ALTER TABLE deleted_items ADD CONSTRAINT deleted_items_kind_check CHECK (kind IN ('stakeholder','meeting','briefing','influence',
        'relationship','timing_window','expectation','priority','narrative','pilot','proof_point','initiative','champion_evidence'))`);
  }
}
