// Letters that carry no combining mark, so decomposition leaves them alone, but that people type as
// plain Latin letters: "Soren" should find "Søren", "Lukasz" "Łukasz".
const LATIN_EQUIVALENTS: Record<string, string> = {
  ß: 'ss',
  ł: 'l',
  ø: 'o',
  æ: 'ae',
  œ: 'oe',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ı: 'i',
  ħ: 'h',
  ŧ: 't',
};
const LATIN_EQUIVALENT_PATTERN = new RegExp(`[${Object.keys(LATIN_EQUIVALENTS).join('')}]`, 'g');

/**
 * Folds text for search so "Zoë", "ZOE" and "zoe" match each other: strip accents (NFKD then drop
 * combining marks), lower-case, spell out letters like ø and ł. Stored on write and applied to the
 * query, so no database extension is needed.
 */
export function foldForSearch(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLocaleLowerCase('en')
    .replace(LATIN_EQUIVALENT_PATTERN, (letter) => LATIN_EQUIVALENTS[letter]);
}

export function stakeholderSearchText(fields: { name: string; title?: string | null; email?: string | null; businessFunction?: string | null }): string {
  return foldForSearch([fields.name, fields.title, fields.email, fields.businessFunction].filter(Boolean).join(' '));
}

/** Each word of a search must appear somewhere in the person's text, in any order ("finance priya"). */
export function searchWords(query: string): string[] {
  return [...new Set(foldForSearch(query).split(/\s+/).filter(Boolean))].slice(0, 8);
}

/** Makes user text safe inside LIKE: %, _ and \ match themselves. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
