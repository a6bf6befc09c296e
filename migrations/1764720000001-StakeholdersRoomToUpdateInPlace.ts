import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Every sounding updates its person's row (level, follow-up, last contact). With full pages the new
 * version of the row lands on another page, so every one of the table's indexes gets an entry for it,
 * the trigram index included. A fifth of each page kept free lets PostgreSQL write it on the same page
 * (a heap-only update) whenever no indexed column changed. Existing pages get the room as they are
 * rewritten (VACUUM FULL or pg_repack at a quiet hour on a large existing table).
 */
export class StakeholdersRoomToUpdateInPlace1764720000001 implements MigrationInterface {
  name = 'StakeholdersRoomToUpdateInPlace1764720000001';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE stakeholders SET (fillfactor = 80)`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE stakeholders RESET (fillfactor)`);
  }
}
