import type { CoalitionMember } from '@soundings/shared';
import { suggestionReasons } from './briefing-suggestions';

function member(overrides: Partial<CoalitionMember>): CoalitionMember {
  return {
    id: 'x',
    name: 'X',
    title: null,
    role: 'line_manager',
    businessFunction: 'Finance',
    potentialChampion: false,
    commitment: 'committed',
    requiredCommitment: null,
    onBoard: true,
    ...overrides,
  };
}

const dana = member({ id: 'dana', name: 'Dana Okafor', role: 'top_team' });

describe('suggestionReasons', () => {
  it('says where they stand, their relationship with the audience, the shared function and whether they are a potential champion', () => {
    expect(suggestionReasons(member({ potentialChampion: true }), dana, 'strong', true)).toEqual([
      'On board: committed',
      'Strong relationship with Dana Okafor',
      'Same function: Finance',
      'Potential champion',
    ]);
  });

  it('names a building relationship and a person not yet on board, and leaves out what does not apply', () => {
    expect(suggestionReasons(member({ commitment: 'open', onBoard: false }), dana, 'building', false)).toEqual([
      'Not yet on board: open',
      'Building a relationship with Dana Okafor',
    ]);
    expect(suggestionReasons(member({ commitment: 'supportive' }), dana, null, false)).toEqual(['On board: supportive']);
  });
});
