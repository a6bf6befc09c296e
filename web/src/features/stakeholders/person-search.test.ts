import { personSearch } from './person-search';

describe('personSearch', () => {
  it('keeps a plain name as the search text', () => {
    expect(personSearch('  Priya ')).toEqual({ q: 'priya' });
  });

  it('turns a level, a role and the champion mark into filters and searches the rest', () => {
    expect(personSearch('priya finance committed')).toEqual({ q: 'priya finance', commitment: 'committed' });
    expect(personSearch('Top team Priya')).toEqual({ q: 'priya', role: 'top_team' });
    expect(personSearch('top-team')).toEqual({ role: 'top_team' });
    expect(personSearch('champion sales')).toEqual({ q: 'sales', potentialChampion: true });
  });

  it('reads "public champion" as the level, not the champion mark', () => {
    expect(personSearch('public champion')).toEqual({ commitment: 'public_champion' });
  });

  it('leaves words that only start like a label alone', () => {
    expect(personSearch('Hranush')).toEqual({ q: 'hranush' });
    expect(personSearch('open')).toEqual({ q: 'open' });
  });
});
