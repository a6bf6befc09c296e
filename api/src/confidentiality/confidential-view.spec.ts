import type { Actor } from '../auth/actor';
import { ConfidentialNote, ConfidentialView } from './confidential-view';

const reader = (id: string, role: Actor['user']['role'] = 'practitioner'): Actor => ({
  user: { id, email: `${id}@example.test`, role },
  via: 'token',
  requestId: 'r',
  clientAddress: '127.0.0.1',
});

const note = (id: string, overrides: Partial<ConfidentialNote> = {}): ConfidentialNote => ({
  kind: 'sounding',
  id,
  stakeholderId: 'person-1',
  confidential: true,
  authorId: 'author',
  ...overrides,
});

describe('ConfidentialView', () => {
  it('shows a confidential note to its author and to admins, and to no one else', () => {
    expect(new ConfidentialView(reader('author')).shows(note('s1'))).toBe(true);
    expect(new ConfidentialView(reader('anyone', 'admin')).shows(note('s1'))).toBe(true);
    expect(new ConfidentialView(reader('colleague')).shows(note('s1'))).toBe(false);
    expect(new ConfidentialView(reader('viewer', 'viewer')).shows(note('s1'))).toBe(false);
    // A note whose author is gone is for admins only.
    expect(new ConfidentialView(reader('colleague')).shows(note('s1', { authorId: null }))).toBe(false);
  });

  it('remembers the confidential notes it showed, once each, and nothing it withheld or that was not confidential', () => {
    const view = new ConfidentialView(reader('author'));
    view.shows(note('s2'));
    view.shows(note('s1'));
    view.shows(note('s1'));
    view.shows(note('f1', { kind: 'fear' }));
    view.shows(note('plain', { confidential: false }));
    view.shows(note('theirs', { authorId: 'colleague' }));
    expect(view.shown).toEqual({ confidentialSoundingIds: ['s1', 's2'], confidentialFearIds: ['f1'] });
    expect(view.stakeholderId).toBe('person-1');
    view.shows(note('s3', { stakeholderId: 'person-2' }));
    expect(view.stakeholderId).toBeNull();
  });

  it('records nothing for a field with nothing written in it, but still marks it withheld from others', () => {
    const own = new ConfidentialView(reader('author'));
    expect(own.field(note('s1'), null)).toEqual({ words: null, redacted: false });
    expect(own.isEmpty).toBe(true);
    expect(own.field(note('s1'), 'Call in May')).toEqual({ words: 'Call in May', redacted: false });
    expect(own.shown.confidentialSoundingIds).toEqual(['s1']);
    const other = new ConfidentialView(reader('colleague'));
    expect(other.field(note('s1'), null)).toEqual({ words: null, redacted: true });
    expect(other.field(note('s1'), 'Call in May')).toEqual({ words: null, redacted: true });
    expect(other.isEmpty).toBe(true);
  });
});
