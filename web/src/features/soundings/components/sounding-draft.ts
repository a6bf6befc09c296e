/**
 * A half-written sounding kept on this device only (never sent anywhere but the API when saved), per
 * signed-in account and per person or sounding, so a crash, a closed tab or an ended session does not
 * lose it. Cleared once the sounding is saved or the draft discarded.
 */
export type DraftTarget = { kind: 'new'; stakeholderId: string } | { kind: 'edit'; soundingId: string };

export interface StoredDraft<T> {
  savedAt: string;
  values: T;
}

const PREFIX = 'soundings:draft:';

export function draftKey(userId: string, target: DraftTarget): string {
  return `${PREFIX}${userId}:${target.kind === 'new' ? `person:${target.stakeholderId}` : `sounding:${target.soundingId}`}`;
}

export function readDraft<T>(key: string): StoredDraft<T> | null {
  try {
    const text = window.localStorage.getItem(key);
    if (!text) return null;
    const draft = JSON.parse(text) as StoredDraft<T>;
    return typeof draft?.savedAt === 'string' && draft.values && typeof draft.values === 'object' ? draft : null;
  } catch {
    return null;
  }
}

/** False when the browser refuses storage (a private window, a full disk): the form then says so. */
export function writeDraft<T>(key: string, values: T): boolean {
  try {
    window.localStorage.setItem(key, JSON.stringify({ savedAt: new Date().toISOString(), values } satisfies StoredDraft<T>));
    return true;
  } catch {
    return false;
  }
}

export function clearDraft(key: string): void {
  try {
    window.localStorage.removeItem(key);
  } catch {
    // Nothing was stored, so nothing is left behind.
  }
}
