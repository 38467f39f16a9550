// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { clearDraft, draftKey, loadDraft, MAX_AGE_MS, pruneDrafts, saveDraft } from './drafts.ts';

describe('drafts', () => {
  beforeEach(() => localStorage.clear());

  it('keeps a draft per user and restores it', () => {
    const key = draftKey('user-1', 'contact', 'c1');
    saveDraft(key, { cues: ['a'] }, 1_000);
    expect(loadDraft(key, 2_000)).toEqual({ savedAt: 1_000, value: { cues: ['a'] } });
    expect(loadDraft(draftKey('user-2', 'contact', 'c1'))).toBeNull();
    clearDraft(key);
    expect(loadDraft(key)).toBeNull();
  });

  it('drops drafts that are too old or unreadable', () => {
    const key = draftKey('u', 'x');
    saveDraft(key, 1, 0);
    expect(loadDraft(key, MAX_AGE_MS + 1)).toBeNull();
    expect(localStorage.getItem(key)).toBeNull();
    localStorage.setItem(draftKey('u', 'broken'), '{not json');
    pruneDrafts();
    expect(localStorage.getItem(draftKey('u', 'broken'))).toBeNull();
  });
});
