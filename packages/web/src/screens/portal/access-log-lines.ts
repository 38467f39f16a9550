import type { PortalAccessLogEntry } from '@nestwerk/contract';

/** One line of the parent's access log: an entry, or several that read the same. */
export interface AccessLogLine extends PortalAccessLogEntry {
  /** The lists the line stands for (a day's listings by one person); 1 for every other line. */
  times: number;
  /** The earliest entry's time when the line spans more than one minute; else null. */
  since: string | null;
}

/**
 * The lines the parent reads, newest first, from the log's entries (newest first).
 *
 * - One look at the file is several audit rows (the file, its latest contact, the portal access panel, the
 *   referrals: each part its own read), all "Keek in het dossier" at the same minute: one line. Consecutive
 *   entries by the same person with the same action and emergency flag, within the same minute, are one line.
 * - A nurse sees a family's name in her worklist each time she opens it, many times a day: line after line of
 *   "Zag de naam in een lijst" buried the times someone opened the file. Consecutive listings by the same person
 *   on the same day (the reader's day) are one line that says how many and from when to when.
 *
 * Nothing is hidden that the line does not say: who, what and when stay exactly as each entry has them.
 */
export function accessLogLines(
  entries: readonly PortalAccessLogEntry[],
  dayOf: (at: string) => string = localDay,
): AccessLogLine[] {
  const lines: AccessLogLine[] = [];
  for (const entry of entries) {
    const last = lines.at(-1);
    if (last && samePerson(last, entry) && last.action === entry.action) {
      if (entry.action === 'listed' && dayOf(last.at) === dayOf(entry.at)) {
        last.times++;
        if (minute(entry.at) !== minute(last.at)) last.since = entry.at;
        continue;
      }
      if (minute(last.at) === minute(entry.at)) continue;
    }
    lines.push({ ...entry, times: 1, since: null });
  }
  return lines;
}

function samePerson(a: PortalAccessLogEntry, b: PortalAccessLogEntry): boolean {
  return (
    a.emergency === b.emergency &&
    a.self === b.self &&
    a.role === b.role &&
    a.organisation === b.organisation &&
    a.name === b.name
  );
}

function minute(at: string): string {
  return at.slice(0, 16);
}

/** The day as the reader's clock shows it, as the line's time is shown. */
function localDay(at: string): string {
  const d = new Date(at);
  return `${d.getFullYear()}-${d.getMonth() + 1}-${d.getDate()}`;
}
