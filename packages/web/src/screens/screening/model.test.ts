import type { ParentScreening } from '@nestwerk/contract';
import { describe, expect, it } from 'vitest';
import {
  completedScreenings,
  emptyDraft,
  epdsItem10,
  epdsProblem,
  instrumentShortName,
  type ScreeningDraft,
  screeningBodies,
  toContactScreening,
} from './model.ts';

const draft = (change: Partial<ScreeningDraft>): ScreeningDraft => ({ ...emptyDraft(), ...change });
const epds = (e: Partial<ScreeningDraft['epds']>) => ({ ...emptyDraft().epds, ...e });

describe('screening form model', () => {
  it('leaves out an instrument that is only partly answered', () => {
    expect(completedScreenings(draft({ whooley: [true, null] }))).toEqual([]);
    expect(completedScreenings(draft({ whooley: [true, false] }))).toEqual([
      { instrument: 'whooley', answers: [true, false] },
    ]);
  });

  it('reads the first two GAD-7 items as the GAD-2, and the GAD-7 only when all seven are answered', () => {
    const gad = [2, 1, null, null, null, null, null];
    expect(completedScreenings(draft({ gad }))).toEqual([{ instrument: 'gad_2', total: 3 }]);
    expect(completedScreenings(draft({ gad: [2, 1, 3, 0, 1, 2, 3], gad7: true }))).toEqual([
      { instrument: 'gad_7', total: 12 },
      { instrument: 'gad_2', total: 3 },
    ]);
  });

  it('takes the EPDS as total with item 10, or as ten item scores, and rejects what cannot be', () => {
    expect(completedScreenings(draft({ epds: epds({ total: '14', item10: '0' }) }))).toEqual([
      { instrument: 'epds', total: 14, item10: 0 },
    ]);
    expect(epdsProblem(epds({ total: '31' }))).toBe('total');
    expect(epdsProblem(epds({ total: '4', item10: '5' }))).toBe('item10');
    expect(epdsProblem(epds({ total: '1', item10: '2' }))).toBe('item10AboveTotal');
    expect(completedScreenings(draft({ epds: epds({ total: '1', item10: '2' }) }))).toEqual([]);
    const items = [1, 1, 1, 1, 1, 1, 1, 1, 1, 2];
    expect(completedScreenings(draft({ epds: epds({ mode: 'items', items }) }))).toEqual([
      { instrument: 'epds', items },
    ]);
    expect(epdsItem10(draft({ epds: epds({ mode: 'items', items }) }))).toBe(2);
    expect(epdsItem10(draft({ epds: epds({ item10: '1' }) }))).toBe(1);
  });

  it('sends item scores where the nurse answered item by item, with who and when', () => {
    const bodies = screeningBodies(
      draft({ whooley: [false, false], gad: [1, 0, null, null, null, null, null] }),
      {
        personId: 'p1',
        date: '2026-03-01',
        contactId: 'c1',
      },
    );
    expect(bodies).toEqual([
      { personId: 'p1', date: '2026-03-01', contactId: 'c1', instrument: 'whooley', answers: [false, false] },
      { personId: 'p1', date: '2026-03-01', contactId: 'c1', instrument: 'gad_2', items: [1, 0] },
    ]);
  });

  it('reads a stored screening back as the engine takes it, the way the server does', () => {
    const stored: Omit<ParentScreening, 'instrument' | 'total' | 'item10'> = {
      id: 's1',
      familyId: 'f1',
      personId: 'p1',
      role: 'father',
      date: '2026-03-01',
      contactId: null,
      answers: null,
      items: null,
      outcome: 'clinical_assessment',
      source: 'professional',
      reasons: [],
      nextStep: '',
      sources: [],
      thresholds: null,
      professional: { id: 'u1', displayName: null },
      createdAt: '2026-03-01T10:00:00.000Z',
    };
    const epdsRow: ParentScreening = { ...stored, instrument: 'epds', total: 11, item10: 0 };
    expect(toContactScreening(epdsRow)).toEqual({
      instrument: 'epds',
      total: 11,
      item10: 0,
      date: '2026-03-01',
    });
    const gadRow: ParentScreening = {
      ...stored,
      instrument: 'gad_7',
      total: 12,
      item10: null,
      items: [2, 2, 2, 2, 2, 1, 1],
    };
    expect(toContactScreening(gadRow)).toEqual({ instrument: 'gad_7', total: 12, date: '2026-03-01' });
    const whooleyRow: ParentScreening = {
      ...stored,
      instrument: 'whooley',
      total: 1,
      item10: null,
      answers: [true, false],
    };
    expect(toContactScreening(whooleyRow)).toEqual({
      instrument: 'whooley',
      answers: [true, false],
      date: '2026-03-01',
    });
  });
});

describe('an instrument’s short name', () => {
  const dutch = (text: { nl: string }) => text.nl;
  const english = (text: { en: string }) => text.en;
  it('is said in the reader’s language, without the explanation in brackets', () => {
    expect(instrumentShortName('whooley', dutch)).toBe('Whooley-vragen');
    expect(instrumentShortName('whooley', english)).toBe('Whooley questions');
    expect(instrumentShortName('epds', english)).toBe('EPDS');
    expect(instrumentShortName('gad_2', dutch)).toBe('GAD-2');
  });
});
