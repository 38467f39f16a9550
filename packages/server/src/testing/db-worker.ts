// A separate process working on a database, for tests of several processes at once:
//   tsx db-worker.ts <database-url> append <count> [label]   append audit rows, one transaction each
//   tsx db-worker.ts <database-url> migrate                  run the migrations
import { appendAudit } from '../audit/append.ts';
import { openDatabase } from '../db/connect.ts';
import { migrateToLatest } from '../db/migrate.ts';

const [url, mode, countArg, label = 'worker'] = process.argv.slice(2);
if (!url || (mode !== 'append' && mode !== 'migrate'))
  throw new Error('usage: db-worker.ts <database-url> append <count> [label] | migrate');
const handle = await openDatabase(url);
try {
  if (mode === 'migrate') {
    process.stdout.write(`${JSON.stringify(await migrateToLatest(handle))}\n`);
  } else {
    for (let i = 0; i < Number(countArg); i++) {
      await handle.db
        .transaction()
        .execute((trx) =>
          appendAudit(trx, { action: 'test.append', outcome: 'success', details: { label, i } }),
        );
    }
  }
} finally {
  await handle.close();
}
