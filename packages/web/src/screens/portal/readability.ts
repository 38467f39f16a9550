/**
 * Readability of Dutch text by Flesch-Douma (Douma 1960, the Dutch adaptation of Flesch's reading ease):
 * 206.84 − 0.77 × syllables per 100 words − 0.93 × words per sentence. 60 and up reads as plain language
 * (about B1); below 30 is academic prose.
 */

// Longest first, so "eeuw" is one sound and not "ee" + "u". A vowel with a diaeresis or accent (ë, ï, é)
// is its own unit: it starts a new syllable ("geëvalueerd", "ruïne").
const VOWEL_UNITS = [
  'aai',
  'eeu',
  'ieu',
  'oei',
  'ooi',
  'ij',
  'ei',
  'ui',
  'ou',
  'au',
  'oe',
  'eu',
  'ie',
  'aa',
  'ee',
  'oo',
  'uu',
  'a',
  'e',
  'i',
  'o',
  'u',
  'y',
  'ë',
  'ï',
  'é',
  'è',
  'ê',
  'ö',
  'ü',
  'á',
  'à',
  'ó',
  'ú',
  'â',
  'ô',
  'û',
] as const;

/** Syllables of one Dutch word: its vowel sounds, a diphthong or long vowel counting once. */
export function syllables(word: string): number {
  const w = word.toLowerCase();
  let count = 0;
  let i = 0;
  while (i < w.length) {
    const unit = VOWEL_UNITS.find((u) => w.startsWith(u, i));
    if (unit) {
      count += 1;
      i += unit.length;
    } else i += 1;
  }
  // Every spoken word has at least one syllable, also an abbreviation without vowels ("GGD" read as a word).
  return Math.max(1, count);
}

/** The words of a text: runs of letters (with inner hyphens and apostrophes); numbers and symbols are not words. */
export function words(text: string): string[] {
  return text.match(/\p{L}+(?:['’-]\p{L}+)*/gu) ?? [];
}

/** Sentences end at . ! ? or a line break; a text without end mark is one sentence. */
export function sentences(text: string): string[] {
  return text
    .split(/(?<=[.!?])\s+|\n+/u)
    .map((s) => s.trim())
    .filter((s) => words(s).length > 0);
}

export interface Readability {
  score: number;
  words: number;
  sentences: number;
  syllablesPer100Words: number;
  wordsPerSentence: number;
}

export function fleschDouma(text: string): Readability {
  const allWords = words(text);
  const sentenceCount = Math.max(1, sentences(text).length);
  if (allWords.length === 0)
    return { score: 100, words: 0, sentences: 0, syllablesPer100Words: 0, wordsPerSentence: 0 };
  // A hyphenated word is read as its parts ("e-mail", "Kind-en-Gezin"): count each part's syllables.
  const syllableCount = allWords.reduce(
    (sum, word) => sum + word.split(/['’-]/u).reduce((s, part) => s + syllables(part), 0),
    0,
  );
  const syllablesPer100Words = (100 * syllableCount) / allWords.length;
  const wordsPerSentence = allWords.length / sentenceCount;
  const score = 206.84 - 0.77 * syllablesPer100Words - 0.93 * wordsPerSentence;
  return { score, words: allWords.length, sentences: sentenceCount, syllablesPer100Words, wordsPerSentence };
}
