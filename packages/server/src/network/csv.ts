/**
 * A small RFC 4180 reader and writer for the social-map import and export: quoted fields, doubled quotes,
 * CR/LF or LF line ends, a UTF-8 BOM, and `,` or `;` as separator (spreadsheets in the Netherlands and
 * Flanders save with `;`). No dependency: the format is small and the rules are few.
 */

export interface CsvRecord {
  /** The line on which the record starts (1 = the header), as a spreadsheet shows it. */
  line: number;
  cells: string[];
}

export class CsvError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(message);
  }
}

/** The separator of the header line: `;` when it has more of those than commas. */
export function detectSeparator(text: string): ',' | ';' {
  const end = text.search(/\r?\n/);
  const header = end === -1 ? text : text.slice(0, end);
  const count = (c: string) => header.split(c).length - 1;
  return count(';') > count(',') ? ';' : ',';
}

export function parseCsv(input: string): CsvRecord[] {
  const text = input.startsWith('\ufeff') ? input.slice(1) : input;
  const sep = detectSeparator(text);
  const records: CsvRecord[] = [];
  let cells: string[] = [];
  let cell = '';
  let line = 1;
  let recordLine = 1;
  let quoted = false;
  let i = 0;
  const endRecord = () => {
    cells.push(cell);
    // A line with nothing on it (a trailing newline, an empty row) is no record.
    if (!(cells.length === 1 && cells[0] === '')) records.push({ line: recordLine, cells });
    cells = [];
    cell = '';
  };
  while (i < text.length) {
    const c = text[i] as string;
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          cell += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i += 1;
        continue;
      }
      if (c === '\n') line += 1;
      cell += c;
      i += 1;
      continue;
    }
    if (c === '"') {
      if (cell !== '') throw new CsvError('a quote may only start a field', line);
      quoted = true;
      i += 1;
    } else if (c === sep) {
      cells.push(cell);
      cell = '';
      i += 1;
    } else if (c === '\r' || c === '\n') {
      endRecord();
      i += c === '\r' && text[i + 1] === '\n' ? 2 : 1;
      line += 1;
      recordLine = line;
    } else {
      cell += c;
      i += 1;
    }
  }
  if (quoted) throw new CsvError('a quoted field is not closed', recordLine);
  if (cell !== '' || cells.length > 0) endRecord();
  return records;
}

/**
 * A cell a spreadsheet would run as a formula is written with a leading apostrophe (CSV injection). Phone
 * numbers such as "+31 30 123 4567" are left alone: digits, spaces and brackets cannot form a formula.
 */
function neutralise(value: string): string {
  if (/^[=@\t\r]/.test(value)) return `'${value}`;
  if (/^[+-]/.test(value) && !/^[+-][\d\s()-]*$/.test(value)) return `'${value}`;
  return value;
}

function quote(value: string): string {
  const safe = neutralise(value);
  return /[",;\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function writeCsv(header: readonly string[], rows: ReadonlyArray<ReadonlyArray<string>>): string {
  return `${[header, ...rows].map((r) => r.map(quote).join(',')).join('\r\n')}\r\n`;
}
