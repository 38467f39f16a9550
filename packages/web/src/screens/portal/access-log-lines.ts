import type { PortalAccessLogEntry } from '@nestwerk/contract';

/**
 * One look at the file is several audit rows (the file, its latest contact, the portal access panel, the
 * referrals: each part its own read), all "Keek in het dossier" at the same minute. The parent sees one line for
 * them: consecutive entries by the same person with the same action and emergency flag, within the same minute.
 * Nothing is hidden that the line does not say: who, what and when stay exactly as each row has them.
 */
export function accessLogLines(entries: readonly PortalAccessLogEntry[]): PortalAccessLogEntry[] {
  const lines: PortalAccessLogEntry[] = [];
  for (const entry of entries) {
    const last = lines.at(-1);
    if (last && sameLine(last, entry)) continue;
    lines.push(entry);
  }
  return lines;
}

function sameLine(a: PortalAccessLogEntry, b: PortalAccessLogEntry): boolean {
  return (
    a.at.slice(0, 16) === b.at.slice(0, 16) &&
    a.action === b.action &&
    a.emergency === b.emergency &&
    a.self === b.self &&
    a.role === b.role &&
    a.organisation === b.organisation &&
    a.name === b.name
  );
}
