import type { Actor } from '../auth/actor';

/** What the policy needs to know about a note before its words are shown. */
export interface ConfidentialNote {
  confidential: boolean;
  /** Who wrote the sounding (for a fear: the sounding it was voiced in); null once the author is gone. */
  authorId: string | null;
  stakeholderId: string;
  /** Whose words: a sounding's own fields, or a fear's statement and response. */
  kind: 'sounding' | 'fear';
  id: string;
}

/** The confidential notes one response showed, as the audit trail keeps them: ids, never words. */
export interface ConfidentialReads {
  confidentialSoundingIds: string[];
  confidentialFearIds: string[];
}

/** A confidential note's words are for its author and admins. */
export function mayReadConfidential(reader: Actor, authorId: string | null): boolean {
  return reader.user.role === 'admin' || (authorId !== null && authorId === reader.user.id);
}

/**
 * One response's view of the notes in it: it decides, note by note, whether the reader sees the
 * words, and remembers each confidential note it let through, so the response can be recorded once.
 */
export class ConfidentialView {
  private readonly soundings = new Set<string>();
  private readonly fears = new Set<string>();
  private readonly stakeholders = new Set<string>();

  constructor(readonly reader: Actor) {}

  /** True when the reader may see this note's words. Only call it for words the response will carry. */
  shows(note: ConfidentialNote): boolean {
    if (!note.confidential) return true;
    if (!mayReadConfidential(this.reader, note.authorId)) return false;
    (note.kind === 'sounding' ? this.soundings : this.fears).add(note.id);
    this.stakeholders.add(note.stakeholderId);
    return true;
  }

  /**
   * One field's words for the reader, or null when withheld. A note with nothing written there shows
   * nothing, so it is not recorded as read (but stays marked withheld from those who may not read it).
   */
  field(note: ConfidentialNote, words: string | null): { words: string | null; redacted: boolean } {
    if (words === null) return { words, redacted: note.confidential && !mayReadConfidential(this.reader, note.authorId) };
    const redacted = !this.shows(note);
    return { words: redacted ? null : words, redacted };
  }

  get isEmpty(): boolean {
    return this.soundings.size === 0 && this.fears.size === 0;
  }

  get shown(): ConfidentialReads {
    return { confidentialSoundingIds: [...this.soundings].sort(), confidentialFearIds: [...this.fears].sort() };
  }

  /** The one person whose notes were shown, or null when they were several people's. */
  get stakeholderId(): string | null {
    return this.stakeholders.size === 1 ? [...this.stakeholders][0] : null;
  }
}
