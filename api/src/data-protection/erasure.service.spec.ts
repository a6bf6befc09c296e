import { mentionsToRemove } from './erasure.service';

describe('mentionsToRemove', () => {
  it('removes the full name and the email', () => {
    expect(mentionsToRemove({ name: ' Ingrid Vålstad ', email: 'ingrid@example.test' })).toEqual(['Ingrid Vålstad', 'ingrid@example.test']);
    expect(mentionsToRemove({ name: 'Bo Li', email: null })).toEqual(['Bo Li']);
    expect(mentionsToRemove({ name: 'Madonna', email: '' })).toEqual(['Madonna']);
  });

  it('leaves a single short word, which would wipe out everyone else it names', () => {
    expect(mentionsToRemove({ name: 'Al', email: 'al@example.test' })).toEqual(['al@example.test']);
    expect(mentionsToRemove({ name: 'Bea', email: null })).toEqual([]);
  });
});
