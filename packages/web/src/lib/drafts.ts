/**
 * Work in progress kept in this browser (localStorage), so a reload, a closed tab or an expired session
 * loses nothing. Keys carry the user id: on a shared tablet one nurse never sees another's draft. Drafts
 * older than {@link MAX_AGE_MS} are dropped — they hold health data and should not linger.
 */
const PREFIX = 'nestwerk.draft.v1.';
export const MAX_AGE_MS = 14 * 24 * 60 * 60 * 1000;

export interface Stored<T> {
  savedAt: number;
  value: T;
}

function storage(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

export function draftKey(userId: string, ...parts: string[]): string {
  return `${PREFIX}${[userId, ...parts].join('.')}`;
}

export function saveDraft<T>(key: string, value: T, now: number = Date.now()): number | null {
  const s = storage();
  if (!s) return null;
  try {
    s.setItem(key, JSON.stringify({ savedAt: now, value } satisfies Stored<T>));
    return now;
  } catch {
    return null;
  }
}

export function loadDraft<T>(key: string, now: number = Date.now()): Stored<T> | null {
  const s = storage();
  const raw = s?.getItem(key);
  if (!s || !raw) return null;
  try {
    const parsed = JSON.parse(raw) as Stored<T>;
    if (typeof parsed.savedAt !== 'number' || now - parsed.savedAt > MAX_AGE_MS) {
      s.removeItem(key);
      return null;
    }
    return parsed;
  } catch {
    s.removeItem(key);
    return null;
  }
}

export function clearDraft(key: string): void {
  storage()?.removeItem(key);
}

/** Removes expired drafts of every user; called once at start-up. */
export function pruneDrafts(now: number = Date.now()): void {
  const s = storage();
  if (!s) return;
  const keys: string[] = [];
  for (let i = 0; i < s.length; i++) {
    const key = s.key(i);
    if (key?.startsWith(PREFIX)) keys.push(key);
  }
  for (const key of keys) loadDraft(key, now);
}
