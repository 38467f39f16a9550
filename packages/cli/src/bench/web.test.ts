import { describe, expect, it } from 'vitest';
import { initialChunks } from './web.ts';

describe('web bench: initial chunks', () => {
  it('counts the entry, the log-in and worklist routes and their static imports once, not other routes', () => {
    const manifest = {
      'index.html': {
        file: 'assets/index.js',
        isEntry: true,
        imports: ['_shared.js'],
        dynamicImports: ['a', 'b', 'c'],
      },
      '_shared.js': { file: 'assets/shared.js' },
      '_engine.js': { file: 'assets/engine.js' },
      a: { file: 'assets/login.js', imports: ['_shared.js'] },
      b: { file: 'assets/worklist.js', imports: ['_shared.js', '_age.js'] },
      '_age.js': { file: 'assets/age.js' },
      c: { file: 'assets/contact.js', imports: ['_engine.js'] },
    };
    expect(initialChunks(manifest, ['a', 'b']).sort()).toEqual(
      [
        'assets/age.js',
        'assets/index.js',
        'assets/login.js',
        'assets/shared.js',
        'assets/worklist.js',
      ].sort(),
    );
  });

  it('fails loudly when a route is missing from the manifest', () => {
    expect(() => initialChunks({ 'index.html': { file: 'i.js', isEntry: true } }, ['nope'])).toThrow(/nope/);
  });
});
