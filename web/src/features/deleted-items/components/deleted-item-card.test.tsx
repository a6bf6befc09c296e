import type { DeletedItem } from '@soundings/shared';
import { auditActionLabel, auditSentence } from '@soundings/shared';
import { contentsSentence } from './deleted-item-card';

const item = (contents: DeletedItem['contents']): DeletedItem => ({
  id: 'd-1',
  kind: 'pilot',
  label: 'Finance pilot',
  contents,
  deletedAt: '2026-01-01T09:00:00.000Z',
  deletedBy: null,
  purgeAfter: '2026-01-31T09:00:00.000Z',
});

describe('what went with a deleted record, in words', () => {
  it('says the records in plain words, one and many', () => {
    expect(contentsSentence(item([]))).toBeNull();
    expect(contentsSentence(item([{ records: 'pilot proof points', count: 2 }, { records: 'pilot askers', count: 1 }]))).toBe('With 2 results, 1 ask for a pilot');
    expect(contentsSentence(item([{ records: 'briefing priorities', count: 1 }, { records: 'sounding priorities', count: 3 }]))).toBe(
      'With 1 priority cited in a briefing, 3 priorities cited in soundings',
    );
    expect(contentsSentence(item([{ records: 'soundings', count: 1 }, { records: 'fears', count: 2 }, { records: 'priorities', count: 1 }]))).toBe('With 1 sounding, 2 fears, 1 priority');
  });
});

describe('restores and purges in the audit trail', () => {
  it('read as words, under the name the delete used', () => {
    expect(auditActionLabel('pilot_proof_point.restore')).toBe('Proof point restored');
    expect(auditActionLabel('saved_view.restore')).toBe('Saved view restored');
    expect(auditSentence({ action: 'stakeholder.restore', actorName: 'Hana Lead', stakeholderName: 'Rhea Restored', recordName: null })).toBe(
      'Hana Lead restored Rhea Restored from Recently deleted.',
    );
    expect(auditSentence({ action: 'deleted_item.purge', actorName: null, stakeholderName: null, recordName: null })).toBe('Soundings deleted a held record for good.');
  });
});
