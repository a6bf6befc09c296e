import {
  COMMITMENT_LADDER,
  COMMITMENT_LEVELS,
  STAKEHOLDER_ROLE_LABELS,
  STAKEHOLDER_ROLES,
  type StakeholderListQuery,
} from '@soundings/shared';

export type PersonSearch = Pick<StakeholderListQuery, 'q' | 'role' | 'commitment' | 'potentialChampion'>;

const fold = (text: string) =>
  text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLocaleLowerCase('en')
    .replace(/[-_]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

// Longest phrases first, so "public champion" is a level before "champion" is the mark.
const PHRASES: { words: string; search: PersonSearch }[] = [
  ...COMMITMENT_LEVELS.map((level) => ({ words: fold(COMMITMENT_LADDER[level].label), search: { commitment: level } })),
  ...STAKEHOLDER_ROLES.map((role) => ({ words: fold(STAKEHOLDER_ROLE_LABELS[role]), search: { role } })),
  { words: 'potential champion', search: { potentialChampion: true } },
  { words: 'champion', search: { potentialChampion: true } },
].sort((a, b) => b.words.length - a.words.length);

/**
 * What a typed search asks the stakeholder list for: a level ("committed"), a role ("top team", "HR") or the
 * champion mark ("champion") anywhere in the text become filters; the rest searches names, titles, emails and
 * business functions ("priya finance"). "Open" and "other" stay words: they are too common in names and titles.
 */
export function personSearch(text: string): PersonSearch {
  let rest = ` ${fold(text)} `;
  const search: PersonSearch = {};
  for (const phrase of PHRASES) {
    if (phrase.words === 'open' || phrase.words === 'other') continue;
    const at = rest.indexOf(` ${phrase.words} `);
    if (at === -1) continue;
    const key = Object.keys(phrase.search)[0] as keyof PersonSearch;
    if (search[key] !== undefined) continue;
    Object.assign(search, phrase.search);
    rest = `${rest.slice(0, at)} ${rest.slice(at + phrase.words.length + 2)} `;
  }
  const q = rest.replace(/\s+/g, ' ').trim();
  if (q) search.q = q;
  return search;
}
