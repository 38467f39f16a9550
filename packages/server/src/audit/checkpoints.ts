import { appendFileSync, chmodSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';

/** A head of the chain as it was once seen committed: the row with this seq had this hash. */
export interface Checkpoint {
  seq: number;
  hash: string;
  at: string;
}

interface CheckpointLine extends Checkpoint {
  /** 'restore': a backup was restored on purpose; checkpoints before this line describe the old history. */
  kind: 'checkpoint' | 'restore';
}

function isLine(value: unknown): value is CheckpointLine {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    (v.kind === 'checkpoint' || v.kind === 'restore') &&
    typeof v.seq === 'number' &&
    Number.isSafeInteger(v.seq) &&
    typeof v.hash === 'string' &&
    typeof v.at === 'string'
  );
}

/**
 * Append-only JSON lines, one write each: on a local file system an append of one short line is atomic, so
 * several processes (PostgreSQL deployments) can share the file without a lock.
 */
export function appendCheckpoint(path: string, checkpoint: Checkpoint, kind: CheckpointLine['kind']): void {
  if (!existsSync(path)) {
    mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
    chmodSync(dirname(path), 0o700);
  }
  const line: CheckpointLine = { kind, seq: checkpoint.seq, hash: checkpoint.hash, at: checkpoint.at };
  appendFileSync(path, `${JSON.stringify(line)}\n`, { mode: 0o600 });
}

/**
 * The checkpoints that still bind (those after the last restore marker), by seq. A torn last line (a crash
 * mid-write) is skipped rather than trusted; any other unreadable line is an error, since quietly ignoring it
 * would let someone hide a checkpoint by corrupting it.
 */
export function readCheckpoints(path: string): Checkpoint[] {
  if (!existsSync(path)) return [];
  const lines = readFileSync(path, 'utf8').split('\n');
  let binding = new Map<number, Checkpoint>();
  for (const [i, text] of lines.entries()) {
    if (text.trim() === '') continue;
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      if (i === lines.length - 1) continue;
      throw new Error(`${path} line ${i + 1} is not a checkpoint`);
    }
    if (!isLine(parsed)) throw new Error(`${path} line ${i + 1} is not a checkpoint`);
    if (parsed.kind === 'restore') binding = new Map();
    const earlier = binding.get(parsed.seq);
    if (earlier && earlier.hash !== parsed.hash)
      throw new Error(`${path} names two different hashes for seq ${parsed.seq}`);
    binding.set(parsed.seq, { seq: parsed.seq, hash: parsed.hash, at: parsed.at });
  }
  return [...binding.values()].sort((a, b) => a.seq - b.seq);
}
