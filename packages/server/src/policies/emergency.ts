/**
 * Break the glass (NEN 7510-2 §9.4): long enough for an urgent situation (a night shift, a weekend call), short
 * enough that it does not turn into a standing relationship. After this the professional asks again, with a new
 * reason, and that is a new event to review. The duration is configuration (NESTWERK_EMERGENCY_ACCESS_HOURS).
 */
export const DEFAULT_EMERGENCY_ACCESS_HOURS = 4;

export function emergencyExpiry(now: Date, hours: number): string {
  return new Date(now.getTime() + hours * 3_600_000).toISOString();
}

/** Grants that started before this moment count no longer, whatever their row says (configuration shortened). */
export function emergencyStartedAfter(now: Date, hours: number): string {
  return new Date(now.getTime() - hours * 3_600_000).toISOString();
}

/** A renewal must say why access is still needed now: the same words again do not. */
export function sameReason(a: string, b: string): boolean {
  const norm = (s: string) => s.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('nl');
  return norm(a) === norm(b);
}
