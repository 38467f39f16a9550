import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { distinctName, NAME_GROUPS } from './names.ts';

const GROUPS = [...NAME_GROUPS.nl, ...NAME_GROUPS.be].map(([group]) => group);

describe('a first name nobody in the family has yet', () => {
  const group = GROUPS[0]!;

  it('keeps the name drawn while it is free, and takes it', () => {
    const taken = new Set<string>();
    const first = group.girls[0]!;
    expect(distinctName(first, group, taken)).toBe(first);
    expect(taken.has(first)).toBe(true);
  });

  it('gives each member a name of the same list that no one before had, as long as the list has one', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...GROUPS),
        fc.array(fc.record({ girl: fc.boolean(), at: fc.nat() }), { maxLength: 8 }),
        (group, draws) => {
          const taken = new Set<string>();
          const given = draws.map(({ girl, at }) => {
            const names = girl ? group.girls : group.boys;
            const name = distinctName(names[at % names.length]!, group, taken);
            expect(names).toContain(name);
            return name;
          });
          expect(new Set(given).size).toBe(given.length);
        },
      ),
    );
  });
});
