import { mapCommitmentHistory } from './commitment-change.mapper';
import { CommitmentChangeRow } from './commitment.repository';

function row(id: string, toLevel: string, changedOn: string, soundingId: string | null = null): CommitmentChangeRow {
  return { id, stakeholder_id: 'p1', to_level: toLevel, changed_on: changedOn, reason: soundingId ? null : 'seen', sounding_id: soundingId, created_at: new Date('2026-04-01T10:00:00Z') };
}

describe('mapCommitmentHistory', () => {
  it('gives each change the level before it, starting from not_sounded', () => {
    const history = mapCommitmentHistory([row('a', 'open', '2026-03-01', 's1'), row('b', 'resistant', '2026-03-05'), row('c', 'open', '2026-03-09', 's2')]);
    expect(history.map((change) => [change.fromLevel, change.toLevel])).toEqual([
      ['not_sounded', 'open'],
      ['open', 'resistant'],
      ['resistant', 'open'],
    ]);
    expect(history[1]).toEqual({
      id: 'b',
      stakeholderId: 'p1',
      fromLevel: 'open',
      toLevel: 'resistant',
      on: '2026-03-05',
      reason: 'seen',
      soundingId: null,
      createdAt: '2026-04-01T10:00:00.000Z',
    });
  });
});
