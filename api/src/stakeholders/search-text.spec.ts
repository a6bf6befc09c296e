import { escapeLike, foldForSearch, stakeholderSearchText } from './search-text';

describe('foldForSearch', () => {
  it.each([
    ['Zoë', 'zoe'],
    ['ÄRNBERG', 'arnberg'],
    ['Núñez-Gößmann', 'nunez-gossmann'],
    ['ﬁnance', 'finance'],
    ['王小明', '王小明'],
    ['Søren Łukasz Ærø', 'soren lukasz aero'],
  ])('folds %s to %s', (text, folded) => {
    expect(foldForSearch(text)).toBe(folded);
  });
});

describe('stakeholderSearchText', () => {
  it('joins name, title and email, skipping the missing ones', () => {
    expect(stakeholderSearchText({ name: 'Zoë', title: null, email: 'Zoe@Example.com' })).toBe('zoe zoe@example.com');
  });
});

describe('escapeLike', () => {
  it('makes %, _ and \\ match themselves', () => {
    expect(escapeLike('100%_a\\b')).toBe('100\\%\\_a\\\\b');
  });
});
