/**
 * Progress of a long command on stderr: a redrawn bar when stderr is a terminal, otherwise (logs, CI) a
 * plain line every 10% or every 5 seconds, whichever comes first. stdout stays free for the result.
 */
export interface Progress {
  update(done: number): void;
  finish(): void;
}

const WIDTH = 30;

export function progress(
  label: string,
  total: number,
  stream: NodeJS.WriteStream = process.stderr,
): Progress {
  const started = Date.now();
  const tty = stream.isTTY === true;
  let lastLine = 0;
  let lastShare = -1;
  const rate = (done: number) => Math.round(done / Math.max(0.001, (Date.now() - started) / 1000));
  return {
    update(done) {
      const share = total === 0 ? 1 : done / total;
      if (tty) {
        const filled = Math.round(share * WIDTH);
        stream.write(
          `\r${label} [${'█'.repeat(filled)}${'░'.repeat(WIDTH - filled)}] ${Math.floor(share * 100)}% ${done}/${total} (${rate(done)}/s)`,
        );
        return;
      }
      const tenth = Math.floor(share * 10);
      if (tenth > lastShare || Date.now() - lastLine >= 5_000) {
        lastShare = tenth;
        lastLine = Date.now();
        stream.write(`${label}: ${done}/${total} (${Math.floor(share * 100)}%)\n`);
      }
    },
    finish() {
      if (tty) stream.write('\n');
    },
  };
}
