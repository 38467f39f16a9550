import { createRequire } from 'node:module';
import type { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary } from '@zxcvbn-ts/language-common';

// The estimator and the Dutch dictionaries are loaded at the first password check, not when the server or a
// CLI command starts: most processes never check a password, and parsing them costs a few hundred ms.
const require = createRequire(import.meta.url);

/**
 * Words people in Dutch- and Flemish-speaking youth health care would reach for, and this application's own
 * name; the zxcvbn list is English-centred and knows none of them.
 */
const LOCAL_WORDS = [
  'nestwerk',
  'wachtwoord',
  'welkom',
  'welkom01',
  'geheim',
  'jeugdzorg',
  'jeugdgezondheidszorg',
  'consultatiebureau',
  'kindengezin',
  'verpleegkundige',
  'jeugdarts',
  'zomer',
  'winter',
  'lente',
  'herfst',
  'voorjaar',
  'najaar',
  'januari',
  'februari',
  'maart',
  'april',
  'augustus',
  'september',
  'oktober',
  'november',
  'december',
  'amsterdam',
  'rotterdam',
  'utrecht',
  'antwerpen',
  'brussel',
  'feyenoord',
  'ajax',
  'nederland',
  'belgie',
  'vlaanderen',
  'qwertyuiop',
  'azertyuiop',
];

let common: Set<string> | undefined;

/**
 * The ~49 000 most common passwords from the breach corpora zxcvbn-ts ships (a maintained package, so the list
 * is updated with it). Built on first use: decompressing it costs a few milliseconds we do not want at import.
 */
export function isCommonPassword(lowercased: string): boolean {
  common ??= new Set([...dictionary['passwords-common'], ...LOCAL_WORDS].map((w) => w.toLowerCase()));
  return common.has(lowercased);
}

let estimator: ZxcvbnFactory | undefined;

/**
 * zxcvbn's 0–4 guessability score: keyboard walks, sequences, dates, l33t and dictionary words (the breach
 * list, Dutch/Flemish words and names, and our local words), with the user's own words ranked first. Built on
 * first use for the same reason as the list above.
 */
export function passwordScore(password: string, userInputs: readonly string[]): number {
  if (!estimator) {
    const { ZxcvbnFactory: Factory } = require('@zxcvbn-ts/core') as typeof import('@zxcvbn-ts/core');
    const dutch = require('@zxcvbn-ts/language-nl-be') as typeof import('@zxcvbn-ts/language-nl-be');
    estimator = new Factory({
      dictionary: { ...dictionary, ...dutch.dictionary, nestwerk: LOCAL_WORDS },
      graphs: adjacencyGraphs,
    });
  }
  return estimator.check(password, [...userInputs]).score;
}
