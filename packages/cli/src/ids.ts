import { randomUUID } from 'node:crypto';

/** UUID v7 (time-ordered), like the ids the server makes; the CLI needs no uuid dependency for it. */
export function newId(): string {
  const time = Date.now().toString(16).padStart(12, '0');
  const random = randomUUID().replace(/-/g, '');
  return `${time.slice(0, 8)}-${time.slice(8, 12)}-7${random.slice(13, 16)}-${random.slice(16, 20)}-${random.slice(20, 32)}`;
}
