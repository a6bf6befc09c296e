/**
 * Folds text for search so "Zoë", "ZOE" and "zoe" match each other: strip accents (NFD then drop
 * combining marks), lower-case. Stored on write and applied to the query, so no extension is needed.
 */
export function foldForSearch(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLocaleLowerCase('en').replace(/ß/g, 'ss');
}

export function stakeholderSearchText(fields: { name: string; title?: string | null; email?: string | null }): string {
  return foldForSearch([fields.name, fields.title, fields.email].filter(Boolean).join(' '));
}

/** Makes user text safe inside LIKE: %, _ and \ match themselves. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
