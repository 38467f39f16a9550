import type { ImportIssue } from '../fhir/import-bundle.ts';
import { HttpError } from '../http/errors.ts';

/**
 * A rejected Bundle: every wrong entry at once, as `issues` (path `entry.<i>`, code, and where inside the
 * resource), so the sender can fix them all; nothing is written.
 */
export class BundleRejected extends HttpError {
  constructor(readonly report: ImportIssue[]) {
    const first = report[0];
    super(
      'invalid_input',
      first
        ? `The Bundle was not imported: ${report.length} problem(s), the first in entry ${first.entry} (${first.resourceType}) at ${first.path}: ${first.code}.`
        : 'The Bundle was not imported.',
      first ? entryPath(first) : 'entry',
    );
  }

  override toBody(): Record<string, unknown> {
    return {
      ...super.toBody(),
      issues: this.report.map((i) => ({
        path: entryPath(i),
        code: i.code,
        params: { entry: i.entry, resourceType: i.resourceType, fhirPath: i.path },
      })),
    };
  }
}

const entryPath = (i: ImportIssue) => (i.entry < 0 ? 'entry' : `entry.${i.entry}`);
