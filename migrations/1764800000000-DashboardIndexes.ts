import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The dashboard in index walks instead of passes over every person (decision 033):
 * - the people cooling off are counted one role at a time on a range of last contact (an index-only count) for
 *   everyone on their role's cadence, and found one by one among the few with a cadence of their own;
 * - the level counts read (commitment, role) from an index instead of the table; it replaces the index on the
 *   level alone, which it serves as well, so a change of level still updates one index for it.
 */
export class DashboardIndexes1764800000000 implements MigrationInterface {
  name = 'DashboardIndexes1764800000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX stakeholders_cooling ON stakeholders (role, last_contact_at) WHERE cadence_ideal_days IS NULL`);
    await queryRunner.query(`CREATE INDEX stakeholders_own_cadence ON stakeholders (cadence_max_days) WHERE cadence_max_days IS NOT NULL`);
    await queryRunner.query(`CREATE INDEX stakeholders_commitment_role ON stakeholders (commitment, role)`);
    await queryRunner.query(`DROP INDEX stakeholders_commitment`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX stakeholders_commitment ON stakeholders (commitment)`);
    await queryRunner.query(`DROP INDEX stakeholders_commitment_role`);
    await queryRunner.query(`DROP INDEX stakeholders_own_cadence`);
    await queryRunner.query(`DROP INDEX stakeholders_cooling`);
  }
}
