/** Time in the demo: milliseconds since the epoch, days of 24 h (all dates are UTC). */
export const DAY = 86_400_000;
/** The average month, so an age in months comes out as the JGZ schedule counts it. */
export const MONTH_DAYS = 30.4375;

export const isoDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);
