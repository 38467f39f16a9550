import type { ParentScreening, ScreeningBody } from '@nestwerk/contract';
import type { ContactScreening, ScreeningInput } from '@nestwerk/engine';
import { type ParentScreeningInstrument, parentScreeningInstruments, type Text } from '@nestwerk/knowledge';

/**
 * What the screening form holds for one parent while the nurse fills it in. GAD-2 is the first two items of
 * the GAD-7, so both share one list of seven answers: asking the GAD-7 after a positive GAD-2 never asks the
 * same question twice.
 */
export interface ScreeningDraft {
  whooley: [boolean | null, boolean | null];
  gad: Array<number | null>;
  /** Whether the nurse goes on to the remaining five GAD-7 items. */
  gad7: boolean;
  phq9: Array<number | null>;
  /** Whether the nurse asks the (optional) PHQ-9. */
  phq9Open: boolean;
  /**
   * EPDS from the organisation's licensed form: the total with item 10, or every item score. Text fields, so
   * that an empty field stays empty and a typo can be shown rather than silently turned into a number.
   */
  epds: { mode: 'total' | 'items'; total: string; item10: string; items: Array<number | null> };
}

export function emptyDraft(): ScreeningDraft {
  return {
    whooley: [null, null],
    gad: Array(7).fill(null),
    gad7: false,
    phq9: Array(9).fill(null),
    phq9Open: false,
    epds: { mode: 'total', total: '', item10: '', items: Array(10).fill(null) },
  };
}

export const instrumentDefinition = (id: ParentScreeningInstrument) => {
  const found = parentScreeningInstruments.find((i) => i.id === id);
  if (!found) throw new Error(`unknown screening instrument ${id}`);
  return found;
};

/**
 * An instrument's short name in the reader's language ("Whooley questions", "EPDS"): its label without the
 * explanation in brackets. `name` is the Dutch full title and says "Whooley-vragen" to an English reader too.
 */
export function instrumentShortName(id: ParentScreeningInstrument, know: (text: Text) => string): string {
  return know(instrumentDefinition(id).label).replace(/\s*\(.*\)$/, '');
}

const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);
const complete = (values: ReadonlyArray<number | null>): values is number[] =>
  values.every((v) => v !== null);

/** A whole number in range typed into a field, or null while it is empty or not (yet) a valid score. */
export function parseScore(value: string, max: number): number | null {
  const trimmed = value.trim();
  if (!/^\d{1,2}$/.test(trimmed)) return null;
  const n = Number(trimmed);
  return n <= max ? n : null;
}

export type EpdsProblem = 'total' | 'item10' | 'item10AboveTotal' | null;

/** What is wrong with the EPDS as typed, for the field's message; null when it is empty or fine. */
export function epdsProblem(epds: ScreeningDraft['epds']): EpdsProblem {
  if (epds.mode !== 'total') return null;
  const total = parseScore(epds.total, 30);
  const item10 = parseScore(epds.item10, 3);
  if (epds.total.trim() && total === null) return 'total';
  if (epds.item10.trim() && item10 === null) return 'item10';
  if (total !== null && item10 !== null && item10 > total) return 'item10AboveTotal';
  return null;
}

/**
 * The instruments the nurse completed, as the engine reads them (DESIGN §4.1). An instrument only half
 * answered is left out: a partial score would understate how the parent is.
 */
export function completedScreenings(draft: ScreeningDraft): ScreeningInput[] {
  const out: ScreeningInput[] = [];
  const [w1, w2] = draft.whooley;
  if (w1 !== null && w2 !== null) out.push({ instrument: 'whooley', answers: [w1, w2] });
  const gad2 = draft.gad.slice(0, 2);
  if (draft.gad7 && complete(draft.gad)) out.push({ instrument: 'gad_7', total: sum(draft.gad) });
  // The first two GAD-7 items are the GAD-2: recorded as such, the stage-1 result stays visible.
  if (complete(gad2)) out.push({ instrument: 'gad_2', total: sum(gad2) });
  if (draft.phq9Open && complete(draft.phq9)) out.push({ instrument: 'phq_9', total: sum(draft.phq9) });
  const epds = draft.epds;
  if (epds.mode === 'items') {
    if (complete(epds.items)) out.push({ instrument: 'epds', items: [...epds.items] });
  } else if (epdsProblem(epds) === null) {
    const total = parseScore(epds.total, 30);
    const item10 = parseScore(epds.item10, 3);
    if (total !== null && item10 !== null) out.push({ instrument: 'epds', total, item10 });
  }
  return out;
}

/** The request bodies that record the completed instruments, items where they were answered one by one. */
export function screeningBodies(
  draft: ScreeningDraft,
  head: { personId: string; date: string; contactId?: string },
): ScreeningBody[] {
  const base = {
    personId: head.personId,
    date: head.date,
    ...(head.contactId ? { contactId: head.contactId } : {}),
  };
  return completedScreenings(draft).map((s): ScreeningBody => {
    switch (s.instrument) {
      case 'whooley':
        return { ...base, instrument: 'whooley', answers: s.answers };
      case 'gad_2':
        return { ...base, instrument: 'gad_2', items: draft.gad.slice(0, 2) as number[] };
      case 'gad_7':
        return { ...base, instrument: 'gad_7', items: draft.gad as number[] };
      case 'phq_9':
        return { ...base, instrument: 'phq_9', items: draft.phq9 as number[] };
      case 'epds':
        return s.items
          ? { ...base, instrument: 'epds', items: s.items }
          : { ...base, instrument: 'epds', total: s.total ?? 0, item10: s.item10 ?? 0 };
      default: {
        const exhaustive: never = s;
        return exhaustive;
      }
    }
  });
}

/** True when this draft holds an EPDS item 10 above 0: self-harm, the same-day flow opens at once. */
export function epdsItem10(draft: ScreeningDraft): number | null {
  const epds = draft.epds;
  if (epds.mode === 'items') return epds.items[9] ?? null;
  return parseScore(epds.item10, 3);
}

/** A stored screening as the engine reads it, for the live advice of a contact moment. */
export function toContactScreening(s: ParentScreening): ContactScreening | null {
  const date = s.date;
  switch (s.instrument) {
    case 'whooley':
      return s.answers && s.answers.length === 2
        ? { instrument: 'whooley', answers: [s.answers[0] ?? false, s.answers[1] ?? false], date }
        : null;
    case 'gad_2':
    case 'gad_7':
    case 'phq_9': {
      const total = s.total ?? (s.items ? sum(s.items) : null);
      return total === null ? null : { instrument: s.instrument, total, date };
    }
    case 'epds':
      if (s.items && s.items.length === 10) return { instrument: 'epds', items: s.items, date };
      if (s.total !== null && s.item10 !== null)
        return { instrument: 'epds', total: s.total, item10: s.item10, date };
      return null;
    default: {
      const exhaustive: never = s.instrument;
      return exhaustive;
    }
  }
}
