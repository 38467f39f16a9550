import type { Agreement } from '@nestwerk/contract';

/**
 * The family file's agreements as a nurse reads them: what is still open first, the soonest follow-up first
 * (open ones without a date after those with one); then what is finished, the most recent first. By date alone
 * a family with a few years of contacts had its one open follow-up below all the finished ones.
 */
export function orderAgreements(agreements: readonly Agreement[]): Agreement[] {
  const open = agreements.filter((a) => a.status === 'open');
  const done = agreements.filter((a) => a.status !== 'open');
  open.sort(
    (a, b) =>
      (a.followUpDue ?? '9999').localeCompare(b.followUpDue ?? '9999') ||
      a.createdAt.localeCompare(b.createdAt),
  );
  done.sort((a, b) => finishedKey(b).localeCompare(finishedKey(a)));
  return [...open, ...done];
}

/** A finished agreement's place in time: its follow-up date, or the day it was made. */
function finishedKey(a: Agreement): string {
  return a.followUpDue ?? a.createdAt.slice(0, 10);
}
