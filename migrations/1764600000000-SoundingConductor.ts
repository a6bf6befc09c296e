import type { MigrationInterface, QueryRunner } from 'typeorm';

export class SoundingConductor1764600000000 implements MigrationInterface {
  name = 'SoundingConductor1764600000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    // The champion who held the conversation, as a person on record, so each champion's soundings can be
    // counted. Erasing them clears it (the sounding stays the person's); deleting them does the same.
    await queryRunner.query(`ALTER TABLE soundings ADD COLUMN conducted_by_stakeholder_id uuid REFERENCES stakeholders(id) ON DELETE SET NULL`);
    await queryRunner.query(
      `CREATE INDEX soundings_conducted_by_stakeholder ON soundings (conducted_by_stakeholder_id, held_on DESC) WHERE conducted_by_stakeholder_id IS NOT NULL`,
    );
    // Nobody sounds themselves.
    await queryRunner.query(
      `ALTER TABLE soundings ADD CONSTRAINT soundings_not_conducted_by_subject CHECK (conducted_by_stakeholder_id IS DISTINCT FROM stakeholder_id)`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE soundings DROP CONSTRAINT soundings_not_conducted_by_subject`);
    await queryRunner.query(`DROP INDEX soundings_conducted_by_stakeholder`);
    await queryRunner.query(`ALTER TABLE soundings DROP COLUMN conducted_by_stakeholder_id`);
  }
}
