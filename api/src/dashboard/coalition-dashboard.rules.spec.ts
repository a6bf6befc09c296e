import { byGapThenName, movementSteps } from './coalition-dashboard.rules';
import type { CockpitRow } from '@soundings/shared';

describe('movementSteps', () => {
  it('counts ladder steps up and down the path', () => {
    expect(movementSteps('open', 'committed')).toBe(2);
    expect(movementSteps('not_sounded', 'public_champion')).toBe(5);
    expect(movementSteps('supportive', 'open')).toBe(-1);
    expect(movementSteps('committed', 'committed')).toBe(0);
  });

  it('counts resistant as sounded, as the gap to the required level does', () => {
    expect(movementSteps('committed', 'resistant')).toBe(-3);
    expect(movementSteps('resistant', 'supportive')).toBe(2);
    expect(movementSteps('sounded', 'resistant')).toBe(0);
    expect(movementSteps('not_sounded', 'resistant')).toBe(1);
  });
});

describe('byGapThenName', () => {
  it('puts the largest gap first and keeps the name order within a gap', () => {
    const row = (name: string, gap: number) => ({ member: { name }, gap }) as CockpitRow;
    const ordered = byGapThenName([row('Ada', 0), row('Ben', 2), row('Cy', 1), row('Dee', 2)]);
    expect(ordered.map((r) => r.member.name)).toEqual(['Ben', 'Dee', 'Cy', 'Ada']);
  });
});
