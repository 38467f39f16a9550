import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkpointFileFor } from './anchor.ts';

const env = { NESTWERK_DATA_DIR: '/srv/nestwerk' };
const pg = (url: string) => checkpointFileFor({ dialect: 'postgres', url }, env);
const digestOf = (where: string) => createHash('sha256').update(where).digest('hex').slice(0, 12);

describe('the checkpoint file of a PostgreSQL database', () => {
  it('is named after the database and where it is, without the credentials', () => {
    expect(basename(pg('postgres://nestwerk:secret@db.example:5432/nestwerk'))).toBe(
      `pg-nestwerk.${digestOf('db.example:5432/nestwerk')}.jsonl`,
    );
    expect(pg('postgres://other:password@db.example:5432/nestwerk')).toBe(
      pg('postgres://nestwerk:secret@db.example:5432/nestwerk'),
    );
  });

  it('tells databases behind different Unix sockets apart: the socket folder is where the database is', () => {
    const a = pg('postgres://nestwerk@localhost:5432/nestwerk?host=%2Fvar%2Frun%2Fpostgresql');
    const b = pg('postgres://nestwerk@localhost:5432/nestwerk?host=/srv/other-cluster');
    expect(a).not.toBe(b);
    expect(basename(a)).toBe(`pg-nestwerk.${digestOf('/var/run/postgresql:5432/nestwerk')}.jsonl`);
    expect(a).not.toBe(pg('postgres://nestwerk@localhost:5432/nestwerk'));
  });
});
