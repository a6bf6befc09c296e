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

type Row = { id: string; name: string; title: string | null; email: string | null; business_function: string | null };

async function refold(queryRunner: QueryRunner, searchText: (row: Row) => string): Promise<void> {
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const rows: Row[] = await queryRunner.query(
      `SELECT id, name, title, email, business_function FROM stakeholders WHERE id > $1 ORDER BY id LIMIT 10000`,
      [after],
    );
    if (rows.length === 0) return;
    await queryRunner.query(
      `UPDATE stakeholders s SET search_text = refolded.search_text
         FROM unnest($1::uuid[], $2::text[]) AS refolded(id, search_text)
        WHERE s.id = refolded.id`,
      [rows.map((row) => row.id), rows.map(searchText)],
    );
    after = rows[rows.length - 1].id;
  }
}

/** A person is found by their business function too ("priya finance" tells the Priyas apart). */
export class SearchByBusinessFunction1764610000000 implements MigrationInterface {
  name = 'SearchByBusinessFunction1764610000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await refold(queryRunner, (row) => fold([row.name, row.title, row.email, row.business_function].filter(Boolean).join(' ')));
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await refold(queryRunner, (row) => fold([row.name, row.title, row.email].filter(Boolean).join(' ')));
  }
}
