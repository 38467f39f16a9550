import type { ReferralStatus } from '@nestwerk/knowledge';
import { DEFAULT_SHARE_ITEMS as DEFAULT_ITEMS, SHARE_ITEMS } from '@nestwerk/knowledge';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CsvError, parseCsv, writeCsv } from './csv.ts';
import { pathTo } from './lifecycle.ts';
import { normaliseItems } from './share.ts';
import { inCodeOrder } from './vocabulary.ts';

describe('CSV', () => {
  it('reads quotes, doubled quotes, separators and line breaks inside fields, CRLF and a BOM; lines are the record starts', () => {
    const text = '\ufeffa;b\r\n"x;y";"say ""hi"""\n"multi\nline";2\n\n3;4\n';
    expect(parseCsv(text)).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 2, cells: ['x;y', 'say "hi"'] },
      { line: 3, cells: ['multi\nline', '2'] },
      { line: 6, cells: ['3', '4'] },
    ]);
    expect(parseCsv('a,b\n1,2')).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 2, cells: ['1', '2'] },
    ]);
    expect(() => parseCsv('a\n"open')).toThrow(CsvError);
    expect(() => parseCsv('a\nx"y"')).toThrow(CsvError);
  });

  it('round-trips any cells through write and read (formula cells come back neutralised)', () => {
    const cell = fc.string({ maxLength: 12 }).filter((s) => !/^[=@+\-\t\r]/.test(s));
    fc.assert(
      fc.property(
        fc.array(fc.array(cell, { minLength: 2, maxLength: 2 }), { minLength: 1, maxLength: 5 }),
        (rows) => {
          const written = writeCsv(['h1', 'h2'], rows);
          const read = parseCsv(written).slice(1);
          expect(read.map((r) => r.cells)).toEqual(rows);
        },
      ),
    );
    expect(writeCsv(['a'], [['=1+1'], ['+31 30 123'], ['-x'], ['@sum']])).toBe(
      "a\r\n'=1+1\r\n+31 30 123\r\n'-x\r\n'@sum\r\n",
    );
  });
});

describe('referral lifecycle', () => {
  const ALL: ReferralStatus[] = ['draft', 'sent', 'received', 'accepted', 'declined', 'in_care', 'closed'];
  it('moves one step at a time; accepting or declining straight from "sent" records "received" first', () => {
    expect(pathTo('draft', 'sent')).toEqual(['sent']);
    expect(pathTo('sent', 'accepted')).toEqual(['received', 'accepted']);
    expect(pathTo('sent', 'declined')).toEqual(['received', 'declined']);
    expect(pathTo('accepted', 'in_care')).toEqual(['in_care']);
    expect(pathTo('sent', 'in_care')).toBeNull();
    expect(pathTo('declined', 'accepted')).toBeNull();
    for (const s of ALL) expect(pathTo('closed', s)).toBeNull();
    for (const s of ALL) if (s !== 'closed') expect(pathTo(s, 'closed')).toEqual(['closed']);
    for (const s of ALL) expect(pathTo(s, 'draft')).toBeNull();
  });
});

describe('share items', () => {
  it('always include the reason and the referrer, in one canonical order', () => {
    expect(normaliseItems([])).toEqual(['reason', 'referrer']);
    expect(normaliseItems(['parent_phone', 'child_age', 'child_age'])).toEqual([
      'reason',
      'referrer',
      'child_age',
      'parent_phone',
    ]);
    expect(normaliseItems(DEFAULT_ITEMS)).toEqual([...DEFAULT_ITEMS]);
    // The minimum never names the child or the parents.
    for (const personal of [
      'child_name',
      'child_birth_date',
      'parent_names',
      'parent_phone',
      'address',
    ] as const) {
      expect(SHARE_ITEMS).toContain(personal);
      expect(DEFAULT_ITEMS).not.toContain(personal);
    }
  });

  it('code lists are deduplicated and put in the knowledge order', () => {
    expect(
      inCodeOrder('criterion', [
        'insufficient_jgz_support',
        'regulation_problems_persistent',
        'insufficient_jgz_support',
      ]),
    ).toEqual(['regulation_problems_persistent', 'insufficient_jgz_support']);
  });
});
