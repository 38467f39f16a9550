import { isWellFormedText } from './well-formed-text.ts';

/** A compiled parameter: the name of an argument bound on every run, or a constant of the query itself. */
export type Slot = string | { value: unknown };

/** A statement's text around the arguments that are written into it per run (`parts` has one more entry). */
export interface SqliteTemplate {
  parts: string[];
  /** The argument written between `parts[i]` and `parts[i + 1]`. */
  names: string[];
  /** The arguments still bound, and constants that could not be written as literals, in placeholder order. */
  slots: Slot[];
}

/**
 * Writes a precompiled SQLite statement's constants into its text as literals, and cuts the text where the
 * arguments named in `perValue` go (they are written in per run, see {@link fillTemplate}); other arguments
 * stay bound.
 *
 * Why: SQLite plans some statements with the value bound to a parameter — a `limit ?`, a value compared with a
 * partial index's condition (`status = ?` against `… where status = 'open'`) — and then marks that parameter:
 * binding it again, even to the same value, makes the next run prepare the whole statement anew. better-sqlite3
 * binds every parameter on every run, so such a statement was compiled on every request despite the statement
 * cache (the family file's current safety route, `limit ?`: 13 µs instead of 1.3 µs on its own, 100–500 µs in
 * the server). A constant never changes, so as a literal it costs nothing, and the plan may use it. A page's
 * `limit` and `offset` do change, but take few values: written in, each text is prepared once and then kept.
 *
 * Only text and safe integers become literals (they read back the same either way); anything else stays bound.
 * Answers null, leaving the statement as it was, when the placeholders cannot be matched with the slots.
 */
export function sqliteTemplate(
  sql: string,
  slots: readonly Slot[],
  perValue: ReadonlySet<string> = new Set(),
): SqliteTemplate | null {
  const places = placeholderOffsets(sql);
  if (places === null || places.length !== slots.length) return null;
  const template: SqliteTemplate = { parts: [], names: [], slots: [] };
  let text = '';
  let from = 0;
  places.forEach((at, i) => {
    const slot = slots[i] as Slot;
    if (typeof slot === 'string' && perValue.has(slot)) {
      template.parts.push(text + sql.slice(from, at));
      template.names.push(slot);
      text = '';
      from = at + 1;
      return;
    }
    const literal = typeof slot === 'string' ? null : sqliteLiteral(slot.value);
    if (literal === null) {
      template.slots.push(slot);
      return;
    }
    text += sql.slice(from, at) + literal;
    from = at + 1;
  });
  template.parts.push(text + sql.slice(from));
  return template;
}

/** The text with the per-run arguments written in: whole numbers only (a page's limit and offset). */
export function fillTemplate(template: SqliteTemplate, values: readonly unknown[]): string {
  let text = template.parts[0] as string;
  wholeNumbers(template, values).forEach((value, i) => {
    text += String(value) + template.parts[i + 1];
  });
  return text;
}

/** The per-run arguments, refused unless each is a whole number: only those are written into a text. */
export function wholeNumbers(template: SqliteTemplate, values: readonly unknown[]): number[] {
  return values.map((value, i) => {
    if (typeof value !== 'number' || !Number.isSafeInteger(value))
      throw new TypeError(`${template.names[i]} must be a whole number to be written into a statement`);
    return value;
  });
}

function sqliteLiteral(value: unknown): string | null {
  if (typeof value === 'string') {
    // A lone surrogate or a NUL stays bound, where the parameter check refuses it as it always did.
    if (value.includes('\u0000') || !isWellFormedText(value)) return null;
    return `'${value.replaceAll("'", "''")}'`;
  }
  if (typeof value === 'number' && Number.isSafeInteger(value)) return String(value);
  if (typeof value === 'bigint') return String(value);
  return null;
}

/**
 * The offsets of the `?` placeholders outside quoted text, quoted names and comments; null for a text this
 * scanner does not follow (numbered or named placeholders, an unterminated quote or comment).
 */
export function placeholderOffsets(sql: string): number[] | null {
  const offsets: number[] = [];
  let i = 0;
  while (i < sql.length) {
    const c = sql[i];
    if (c === "'" || c === '"' || c === '`') {
      const end = closingQuote(sql, i, c);
      if (end < 0) return null;
      i = end + 1;
    } else if (c === '[') {
      const end = sql.indexOf(']', i + 1);
      if (end < 0) return null;
      i = end + 1;
    } else if (c === '-' && sql[i + 1] === '-') {
      const end = sql.indexOf('\n', i + 2);
      i = end < 0 ? sql.length : end + 1;
    } else if (c === '/' && sql[i + 1] === '*') {
      const end = sql.indexOf('*/', i + 2);
      if (end < 0) return null;
      i = end + 2;
    } else if (c === '?') {
      if (/[0-9]/.test(sql[i + 1] ?? '')) return null;
      offsets.push(i);
      i++;
    } else if ((c === ':' || c === '@' || c === '$') && /[A-Za-z0-9_]/.test(sql[i + 1] ?? '')) {
      return null;
    } else i++;
  }
  return offsets;
}

/** The offset of the quote that closes the one at `start` (a doubled quote is a quote inside); -1 if none. */
function closingQuote(sql: string, start: number, quote: string): number {
  let i = start + 1;
  for (;;) {
    const end = sql.indexOf(quote, i);
    if (end < 0) return -1;
    if (sql[end + 1] !== quote) return end;
    i = end + 2;
  }
}
