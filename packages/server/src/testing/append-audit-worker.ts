// A separate process that appends audit rows, for tests of writers in several processes at once:
// `tsx append-audit-worker.ts <database-url> <count> <label>`.
import { appendAudit } from '../audit/append.ts';
import { openDatabase } from '../db/connect.ts';

const [url, countArg, label = 'worker'] = process.argv.slice(2);
if (!url || !countArg) throw new Error('usage: append-audit-worker.ts <database-url> <count> [label]');
const handle = await openDatabase(url);
try {
  for (let i = 0; i < Number(countArg); i++) {
    await handle.db
      .transaction()
      .execute((trx) =>
        appendAudit(trx, { action: 'test.append', outcome: 'success', details: { label, i } }),
      );
  }
} finally {
  await handle.close();
}
