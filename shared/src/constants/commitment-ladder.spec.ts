import { commitmentGap, isAtLeast, isOnBoard, ladderRank, SOUNDING_LEVELS } from './commitment-ladder';

describe('commitment ladder', () => {
  it('counts supportive and above as on board, resistant and below as not', () => {
    expect(isOnBoard('supportive')).toBe(true);
    expect(isOnBoard('public_champion')).toBe(true);
    expect(isOnBoard('open')).toBe(false);
    expect(isOnBoard('resistant')).toBe(false);
  });

  it('keeps resistant off the path', () => {
    expect(ladderRank('resistant')).toBe(-1);
    expect(isAtLeast('resistant', 'sounded')).toBe(false);
  });

  it('measures the gap to the required level, treating resistance as needing everything above sounded', () => {
    expect(commitmentGap('open', 'committed')).toBe(2);
    expect(commitmentGap('public_champion', 'committed')).toBe(0);
    expect(commitmentGap('resistant', 'supportive')).toBe(2);
    expect(commitmentGap('open', null)).toBe(0);
  });

  it('never lets a sounding record not_sounded', () => {
    expect(SOUNDING_LEVELS).not.toContain('not_sounded');
    expect(SOUNDING_LEVELS).toContain('resistant');
  });
});
