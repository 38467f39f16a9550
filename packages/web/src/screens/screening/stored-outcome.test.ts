import type { ParentScreening } from '@nestwerk/contract';
import { DEFAULT_PERINATAL_THRESHOLDS, perinatalSources } from '@nestwerk/knowledge';
import { describe, expect, it } from 'vitest';
import { storedOutcome } from './stored-outcome.ts';

/** As the server stores an EPDS of 12 for a mother of an organisation whose clinical cut-off is 11. */
const stored: ParentScreening = {
  id: 's1',
  familyId: 'f1',
  personId: 'p1',
  role: 'mother',
  instrument: 'epds',
  date: '2026-03-01',
  contactId: null,
  answers: null,
  total: 12,
  item10: 0,
  items: null,
  outcome: 'clinical_assessment',
  reasons: ['EPDS: 12 (boven 11).'],
  nextStep:
    'Bespreek met de ouder een klinische beoordeling door de huisarts of een GGZ-professional, en plan de opvolging.',
  sources: [perinatalSources.why],
  thresholds: { ...DEFAULT_PERINATAL_THRESHOLDS, epdsClinicalAbove: 11 },
  professional: { id: 'u1', displayName: null },
  source: 'professional',
  createdAt: '2026-03-01T10:00:00.000Z',
};

describe('a stored screening in the reader’s language', () => {
  it('says reasons and next step in English by the cut-offs it was recorded with, not today’s defaults', () => {
    const view = storedOutcome(stored, 'en', 'nl');
    expect(view.outcome).toBe('clinical_assessment');
    expect(view.reasons).toEqual(['EPDS: 12 (above 11).']);
    expect(view.nextStep).toMatch(/^Discuss with the parent a clinical assessment/);
    expect(view.sources).toBe(stored.sources);
  });

  it('gives the Dutch reader the words the server stored, and the Flemish reader the Flemish next step', () => {
    const dutch = storedOutcome(stored, 'nl', 'nl');
    expect(dutch.reasons).toEqual(stored.reasons);
    expect(dutch.nextStep).toBe(stored.nextStep);
    expect(storedOutcome(stored, 'nl', 'be').nextStep).toMatch(/perinataal netwerk of het CGG/);
  });

  it('keeps the stored words when the cut-offs were not kept, or when the outcome on file comes out otherwise', () => {
    const legacy = { ...stored, thresholds: null };
    expect(storedOutcome(legacy, 'en', 'nl').reasons).toEqual(stored.reasons);
    // An imported screening's outcome is the sender's: here it says rescreen where these cut-offs give more.
    const imported = { ...stored, outcome: 'rescreen' as const, reasons: ['van de afzender'] };
    expect(storedOutcome(imported, 'en', 'nl').reasons).toEqual(['van de afzender']);
  });
});
