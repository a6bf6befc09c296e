import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Indexes in the exact order the lists and the dashboard sort by, so a page is read from the front of an index
 * and cut after its rows instead of sorting the whole table. The expressions must stay as the queries write them.
 * The single-column contact and follow-up indexes give way to these (they lead with the same column).
 */
export class SortedListIndexes1764700000000 implements MigrationInterface {
  name = 'SortedListIndexes1764700000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX stakeholders_last_contact`);
    await queryRunner.query(`CREATE INDEX stakeholders_last_contact_sort ON stakeholders (last_contact_at ASC NULLS FIRST, lower(name), id)`);
    await queryRunner.query(`DROP INDEX stakeholders_next_follow_up`);
    await queryRunner.query(`CREATE INDEX stakeholders_next_follow_up_sort ON stakeholders (next_follow_up_on, lower(name), id)`);
    await queryRunner.query(
      `CREATE INDEX stakeholders_commitment_sort ON stakeholders (
         array_position(ARRAY['resistant','not_sounded','sounded','open','supportive','committed','public_champion']::text[], commitment),
         lower(name), id)`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX stakeholders_commitment_sort`);
    await queryRunner.query(`DROP INDEX stakeholders_next_follow_up_sort`);
    await queryRunner.query(`CREATE INDEX stakeholders_next_follow_up ON stakeholders (next_follow_up_on)`);
    await queryRunner.query(`DROP INDEX stakeholders_last_contact_sort`);
    await queryRunner.query(`CREATE INDEX stakeholders_last_contact ON stakeholders (last_contact_at)`);
  }
}
