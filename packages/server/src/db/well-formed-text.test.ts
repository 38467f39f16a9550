import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isWellFormedText, toWellFormedText } from './well-formed-text.ts';

describe('well-formed text', () => {
  it('finds a lone surrogate wherever it is, and accepts pairs', () => {
    for (const bad of ['\uD800', 'a\uDC00', '\uDC00\uD800', 'x\uD83Dy', '\uD83D\uDE00\uDE00'])
      expect(isWellFormedText(bad), JSON.stringify(bad)).toBe(false);
    for (const good of ['', 'Zoë', '\uD83D\uDE00', 'a\uD83D\uDE00b', 'ĳ'])
      expect(isWellFormedText(good), JSON.stringify(good)).toBe(true);
    expect(toWellFormedText('a\uD800b\uDC00')).toBe('a\uFFFDb\uFFFD');
    expect(toWellFormedText('\uD83D\uDE00')).toBe('\uD83D\uDE00');
  });

  it('replaces exactly the lone surrogates, one for one', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        const fixed = toWellFormedText(text);
        expect(isWellFormedText(fixed)).toBe(true);
        expect(fixed.length).toBe(text.length);
        if (isWellFormedText(text)) expect(fixed).toBe(text);
        // Every code unit that changed was a surrogate, and became U+FFFD.
        for (let i = 0; i < text.length; i++)
          if (fixed[i] !== text[i]) {
            expect(fixed[i]).toBe('\uFFFD');
            expect(text.charCodeAt(i) >= 0xd800 && text.charCodeAt(i) <= 0xdfff).toBe(true);
          }
      }),
    );
  });
});
