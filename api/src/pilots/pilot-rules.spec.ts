import type { CoalitionMember, Pilot, PilotAsker, ProofPoint } from '@soundings/shared';
import { endsBeforeStart, hasHeardLatest, resultsOwed, unitWithoutValue } from './pilot-rules';

const member = (id: string, name: string) => ({ id, name }) as CoalitionMember;
const proof = (id: string, observedOn: string) => ({ id, observedOn }) as ProofPoint;
const asker = (who: CoalitionMember, toldOn: string | null, toldLatest: boolean): PilotAsker => ({ stakeholder: who, toldOn, toldProofPointId: null, toldLatest });
const pilot = (id: string, latestProof: ProofPoint | null, askedBy: PilotAsker[]) => ({ id, name: id, status: 'running', latestProof, askedBy }) as Pilot;

describe('hasHeardLatest', () => {
  it('is true only for the latest result, and when there is no result to hear', () => {
    expect(hasHeardLatest('p2', 'p2')).toBe(true);
    expect(hasHeardLatest('p1', 'p2')).toBe(false);
    expect(hasHeardLatest(null, 'p2')).toBe(false);
    expect(hasHeardLatest(null, null)).toBe(true);
  });
});

describe('resultsOwed', () => {
  const ana = member('a', 'Ana');
  const ben = member('b', 'Ben');
  const cy = member('c', 'Cy');

  it('lists only askers who have not heard a pilot\'s latest result, and none for a pilot without proof', () => {
    const owed = resultsOwed([
      pilot('with-proof', proof('x', '2026-05-01'), [asker(ana, null, false), asker(ben, '2026-05-02', true)]),
      pilot('no-proof', null, [asker(cy, null, true)]),
    ]);
    expect(owed.map((item) => [item.pilot.id, item.stakeholder.name, item.latestProof.id])).toEqual([['with-proof', 'Ana', 'x']]);
  });

  it('puts the never-told first, then those told longest ago, then by name', () => {
    const owed = resultsOwed([
      pilot('one', proof('x', '2026-05-01'), [asker(cy, '2026-04-20', false), asker(ben, null, false)]),
      pilot('two', proof('y', '2026-05-03'), [asker(ana, '2026-04-10', false), asker(cy, null, false)]),
    ]);
    expect(owed.map((item) => `${item.stakeholder.name} ${item.pilot.id}`)).toEqual(['Ben one', 'Cy two', 'Ana two', 'Cy one']);
  });
});

describe('endsBeforeStart and unitWithoutValue', () => {
  it('refuses an end before the start only when both are known; the same day is fine', () => {
    expect(endsBeforeStart('2026-05-02', '2026-05-01')).toBe(true);
    expect(endsBeforeStart('2026-05-02', '2026-05-02')).toBe(false);
    expect(endsBeforeStart(null, '2026-05-01')).toBe(false);
    expect(endsBeforeStart('2026-05-02', null)).toBe(false);
  });

  it('refuses a unit with no number, not a number with no unit', () => {
    expect(unitWithoutValue(null, '%')).toBe(true);
    expect(unitWithoutValue(3, null)).toBe(false);
    expect(unitWithoutValue(0, '%')).toBe(false);
  });
});
