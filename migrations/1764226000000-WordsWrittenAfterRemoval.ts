import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The retention job skips soundings and fears whose words it already removed (`text_removed_at`).
 * If someone writes words into one afterwards, it must count as holding words again, or the job would
 * never remove them: these triggers clear the mark on any write that changes the words without
 * setting the mark itself, whichever code path makes it.
 */
export class WordsWrittenAfterRemoval1764226000000 implements MigrationInterface {
  name = 'WordsWrittenAfterRemoval1764226000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE FUNCTION words_written_after_removal() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        NEW.text_removed_at := NULL;
        RETURN NEW;
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER soundings_words_written_after_removal BEFORE UPDATE ON soundings FOR EACH ROW
        WHEN (OLD.text_removed_at IS NOT NULL AND NEW.text_removed_at IS NOT DISTINCT FROM OLD.text_removed_at
              AND (NEW.summary, NEW.developmental_experience, NEW.benefits_seen, NEW.personal_cost, NEW.priorities_served, NEW.next_step)
                  IS DISTINCT FROM (OLD.summary, OLD.developmental_experience, OLD.benefits_seen, OLD.personal_cost, OLD.priorities_served, OLD.next_step))
        EXECUTE FUNCTION words_written_after_removal()`);
    await queryRunner.query(`
      CREATE TRIGGER fears_words_written_after_removal BEFORE UPDATE ON fears FOR EACH ROW
        WHEN (OLD.text_removed_at IS NOT NULL AND NEW.text_removed_at IS NOT DISTINCT FROM OLD.text_removed_at
              AND (NEW.statement, NEW.response) IS DISTINCT FROM (OLD.statement, OLD.response))
        EXECUTE FUNCTION words_written_after_removal()`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER fears_words_written_after_removal ON fears`);
    await queryRunner.query(`DROP TRIGGER soundings_words_written_after_removal ON soundings`);
    await queryRunner.query(`DROP FUNCTION words_written_after_removal()`);
  }
}
