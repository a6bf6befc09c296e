import type { MigrationInterface, QueryRunner } from 'typeorm';

// A frozen copy of the folding rules at the time of this migration (migrations must not change
// meaning when application code does later).
const LATIN_EQUIVALENTS: Record<string, string> = { ß: 'ss', ł: 'l', ø: 'o', æ: 'ae', œ: 'oe', đ: 'd', ð: 'd', þ: 'th', ı: 'i', ħ: 'h', ŧ: 't' };

function fold(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLocaleLowerCase('en')
    .replace(new RegExp(`[${Object.keys(LATIN_EQUIVALENTS).join('')}]`, 'g'), (letter) => LATIN_EQUIVALENTS[letter]);
}

/** Search now also matches "Soren" to "Søren" and "Lukasz" to "Łukasz": refold what is stored. */
export class RefoldSearchText1764210000000 implements MigrationInterface {
  name = 'RefoldSearchText1764210000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    const rows: { id: string; name: string; title: string | null; email: string | null }[] = await queryRunner.query(
      `SELECT id, name, title, email FROM stakeholders WHERE search_text ~ '[łøæœđðþıħŧ]'`,
    );
    if (rows.length === 0) return;
    await queryRunner.query(
      `UPDATE stakeholders s SET search_text = refolded.search_text
         FROM unnest($1::uuid[], $2::text[]) AS refolded(id, search_text)
        WHERE s.id = refolded.id`,
      [rows.map((row) => row.id), rows.map((row) => fold([row.name, row.title, row.email].filter(Boolean).join(' ')))],
    );
  }

  public async down(): Promise<void> {
    // The refolded text is a superset match of the old one; nothing to undo.
  }
}
