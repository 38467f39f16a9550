/** Column types shared by SQLite and PostgreSQL (see db/schema.ts). */
export type Timestamp = string;
export type DateOnly = string;
export type Bool = number;
