/** Builds one row object from the values of a raw (array) result, in column order. */
export type RowFromValues = (values: readonly unknown[]) => Record<string, unknown>;

/**
 * A function that turns a raw result row into the object better-sqlite3 would have made.
 *
 * Why: better-sqlite3 builds each row object in C++ with its keys passed anew on every row; on the family
 * file's multi-column reads that is ≈ 40 % of the statement (measured: persons, 3 rows × 21 columns, 19.8 →
 * 11.1 µs inside a transaction). The same object built by one JavaScript literal gets a fixed shape, which V8
 * makes once. The names are the statement's own columns (our SQL, never user input), and each is embedded as
 * a JSON string literal, so no name can become code.
 *
 * Where a literal could not mean the same — a repeated column name, or `__proto__` (which a literal would take
 * as the prototype) — the row is built property by property instead: the last of repeated names wins, as in
 * better-sqlite3's rows, and `__proto__` stays a property.
 */
export function rowShape(names: readonly string[]): RowFromValues {
  if (new Set(names).size !== names.length || names.includes('__proto__')) return propertyByProperty(names);
  const fields = names.map((name, i) => `${JSON.stringify(name)}: v[${i}]`).join(', ');
  return new Function('v', `return { ${fields} };`) as RowFromValues;
}

function propertyByProperty(names: readonly string[]): RowFromValues {
  return (values) => {
    const row: Record<string, unknown> = {};
    for (let i = 0; i < names.length; i++)
      Object.defineProperty(row, names[i]!, {
        value: values[i],
        writable: true,
        enumerable: true,
        configurable: true,
      });
    return row;
  };
}
