/** A valid BSN no other test uses: eight random digits and the check digit that passes the 11-check. */
export function randomBsn(): string {
  for (;;) {
    const d = Array.from({ length: 8 }, () => Math.floor(Math.random() * 10));
    const last = d.reduce((s, v, i) => s + v * (9 - i), 0) % 11;
    if (last < 10 && d.some((v) => v > 0)) return `${d.join('')}${last}`;
  }
}
