import { involvementChanges, peopleConcerned } from './initiative-rules';

describe('involvementChanges', () => {
  it('names everyone on a new initiative, and everyone on a deleted one', () => {
    expect(involvementChanges(null, { heldOn: '2026-11-02', involvedIds: ['b', 'a'] })).toEqual(['a', 'b']);
    expect(involvementChanges({ heldOn: '2026-11-02', involvedIds: ['c', 'a'] }, null)).toEqual(['a', 'c']);
  });

  it('names only the people added or removed when the day stays', () => {
    const before = { heldOn: '2026-11-02', involvedIds: ['a', 'b', 'c'] };
    expect(involvementChanges(before, { heldOn: '2026-11-02', involvedIds: ['b', 'c', 'd'] })).toEqual(['a', 'd']);
    expect(involvementChanges(before, { heldOn: '2026-11-02', involvedIds: ['c', 'b', 'a'] })).toEqual([]);
  });

  it('names everyone before and after when the day moved', () => {
    expect(involvementChanges({ heldOn: '2026-11-02', involvedIds: ['a', 'b'] }, { heldOn: '2026-11-09', involvedIds: ['b', 'c'] })).toEqual(['a', 'b', 'c']);
  });
});

describe('peopleConcerned', () => {
  it('lists the owner and the people involved on either side of an edit once each', () => {
    expect(peopleConcerned({ ownerId: 'o', involvedIds: ['b', 'a'] }, { ownerId: null, involvedIds: ['a', 'c'] })).toEqual(['a', 'b', 'c', 'o']);
    expect(peopleConcerned({ ownerId: 'a', involvedIds: ['a'] }, null)).toEqual(['a']);
    expect(peopleConcerned({ ownerId: null, involvedIds: [] })).toEqual([]);
  });
});
