// The background fold's thread (listed-fold-thread.ts). Plain JavaScript on purpose: a worker thread starts
// without the TypeScript loader of its parent (vitest, tsx), and these few lines need none.
//
// It keeps a connection of its own to the SQLite file and folds the listed-families index one short transaction
// (one chunk of the chain) per message, so the server's event loop never spends a fold's CPU or waits on its
// writes. The statements come from listed-fold.ts, where the in-transaction fold runs the same text.
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';

const { path, busyTimeoutMs, statements } = workerData;
const db = new Database(path, { timeout: busyTimeoutMs });
// The index and its mark commit together; a fold lost to a power cut loses both, and the next fold redoes it.
// So its commits need not wait for the disk: the server's next durable commit syncs them anyway.
db.pragma('synchronous = NORMAL');

/** Prepared on the first chunk, so that a schema it does not find is that chunk's error, answered like any. */
let prepared = null;
function prepare() {
  prepared ??= {
    mark: db.prepare(statements.mark).pluck(),
    head: db.prepare(statements.head).pluck(),
    insert: db.prepare(statements.insert),
    setMark: db.prepare(statements.setMark),
    lists: db.prepare(statements.lists).raw(),
  };
  return prepared;
}

/**
 * Folds the rows in (mark, to]: `to` as far towards `top` as `entries` entries reach (at least one list), and
 * never past the chain's head (a request's rows may have rolled back).
 */
const chunk = db.transaction((top, entries) => {
  const { mark, head, insert, setMark, lists } = prepare();
  const from = Number(mark.get() ?? 0);
  const end = Math.min(top, Number(head.get() ?? 0));
  if (end <= from) return { mark: from, entries: 0, done: true };
  let to = end;
  let sum = 0;
  for (const [height, n] of lists.iterate(from, end)) {
    if (sum > 0 && sum + n > entries) {
      to = height - 1;
      break;
    }
    sum += n;
  }
  const written = insert.run(from, to).changes;
  setMark.run(to);
  return { mark: to, entries: written, done: to >= top };
});

parentPort.on('message', (message) => {
  if (message === 'close') {
    db.close();
    parentPort.close();
    return;
  }
  try {
    parentPort.postMessage({ ok: true, ...chunk.immediate(message.top, message.entries) });
  } catch (err) {
    parentPort.postMessage({ ok: false, message: err instanceof Error ? err.message : String(err) });
  }
});
