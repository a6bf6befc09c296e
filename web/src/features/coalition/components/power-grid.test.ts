import { HIGH_INFLUENCE_SCORE } from '@soundings/shared';
import { aNetworkNode } from '../network-fixtures';
import { GRID_COLUMNS, influenceBand, placeOnGrid } from './power-grid';

describe('power grid', () => {
  it('puts resistant in a column of its own before the ladder in order', () => {
    expect(GRID_COLUMNS).toEqual(['resistant', 'not_sounded', 'sounded', 'open', 'supportive', 'committed', 'public_champion']);
  });

  it('bands influence from the high-influence score down', () => {
    expect(influenceBand(HIGH_INFLUENCE_SCORE)).toBe('high');
    expect(influenceBand(HIGH_INFLUENCE_SCORE - 1)).toBe('some');
    expect(influenceBand(HIGH_INFLUENCE_SCORE / 2)).toBe('some');
    expect(influenceBand(HIGH_INFLUENCE_SCORE / 2 - 1)).toBe('little');
    expect(influenceBand(0)).toBe('little');
  });

  it('places each person at their level and band, marks where they must get to, and lists the high-influence ones short of it first', () => {
    const dana = aNetworkNode({ id: 'dana', name: 'Dana Okafor', commitment: 'open', requiredCommitment: 'committed', influenceScore: 12 });
    const raj = aNetworkNode({ id: 'raj', name: 'Raj Menon', commitment: 'resistant', requiredCommitment: 'supportive', influenceScore: 15 });
    const met = aNetworkNode({ id: 'met', name: 'Mei Tan', commitment: 'committed', requiredCommitment: 'supportive', influenceScore: 20 });
    const low = aNetworkNode({ id: 'low', name: 'Lou Ito', commitment: 'sounded', requiredCommitment: 'committed', influenceScore: 3 });
    const none = aNetworkNode({ id: 'none', name: 'Noor Ali', commitment: 'not_sounded', influenceScore: 9 });
    const grid = placeOnGrid([dana, raj, met, low, none]);

    expect(grid.people.high.open.map((p) => p.person.name)).toEqual(['Dana Okafor']);
    expect(grid.people.high.resistant.map((p) => p.person.name)).toEqual(['Raj Menon']);
    expect(grid.people.high.committed.map((p) => p.person.name)).toEqual(['Mei Tan']);
    expect(grid.people.little.sounded.map((p) => p.person.name)).toEqual(['Lou Ito']);
    expect(grid.people.high.not_sounded.map((p) => p.person.name)).toEqual(['Noor Ali']);

    // Outlines at the required column, in the person's own row; none for those already there or with no requirement.
    expect(grid.targets.high.committed.map((p) => p.person.name)).toEqual(['Dana Okafor']);
    expect(grid.targets.high.supportive.map((p) => p.person.name)).toEqual(['Raj Menon']);
    expect(grid.targets.little.committed.map((p) => p.person.name)).toEqual(['Lou Ito']);
    const outlined = Object.values(grid.targets).flatMap((row) => Object.values(row).flat());
    expect(outlined).toHaveLength(3);

    // Raj (15; resistant counts as sounded, 2 steps below supportive) before Dana (12, 2 steps); Lou is short but has little influence.
    expect(grid.mustMove.map((p) => [p.person.name, p.gap])).toEqual([
      ['Raj Menon', 2],
      ['Dana Okafor', 2],
    ]);
    expect(grid.people.little.sounded[0].mustMove).toBe(false);
  });
});
