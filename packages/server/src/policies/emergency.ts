/**
 * Break the glass (NEN 7510-2 §9.4): long enough for an urgent situation (a night shift, a weekend call), short
 * enough that it does not turn into a standing relationship. After this the professional asks again.
 */
export const EMERGENCY_ACCESS_HOURS = 4;

export function emergencyExpiry(now: Date): string {
  return new Date(now.getTime() + EMERGENCY_ACCESS_HOURS * 3_600_000).toISOString();
}
