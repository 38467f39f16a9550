import { describe, expect, it } from 'vitest';
import type { ImportedRecordRow } from '../repositories/imported-records.ts';
import { presentImported } from './imported.ts';

const row = (
  record_kind: ImportedRecordRow['record_kind'],
  record_id: string,
  over: Partial<ImportedRecordRow> = {},
): ImportedRecordRow => ({
  record_kind,
  record_id,
  source_system: 'JGZ Zuid',
  imported_at: '2026-11-30T10:00:00.000Z',
  ...over,
});

describe('the import marker of the family file', () => {
  it('is null for a family registered here', () => {
    expect(presentImported([])).toBeNull();
  });

  it('names the sender and moment from the family row and lists the records per kind', () => {
    expect(
      presentImported([
        row('agreement', 'a1'),
        row('consent', 'k1'),
        row('contact', 'c1'),
        row('family', 'f1', { source_system: 'JGZ Zuid (family)', imported_at: '2026-11-30T09:00:00.000Z' }),
        row('instrument_response', 'i1'),
        row('partner', 'p1'),
        row('referral', 'r1'),
        row('screening', 's1'),
      ]),
    ).toEqual({
      organisation: 'JGZ Zuid (family)',
      importedAt: '2026-11-30T09:00:00.000Z',
      records: {
        contacts: ['c1'],
        agreements: ['a1'],
        consents: ['k1'],
        referrals: ['r1'],
        screenings: ['s1'],
      },
    });
  });

  it('takes the sender from the records of a family imported before the family itself was marked', () => {
    expect(presentImported([row('contact', 'c1')])).toMatchObject({ organisation: 'JGZ Zuid' });
  });
});
