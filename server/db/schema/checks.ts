import { sql, type AnyColumn, type SQL } from 'drizzle-orm';

/** `column in ('a', 'b')`: a text enum the database enforces, not only the types. */
export function oneOf(column: AnyColumn, values: readonly string[]): SQL {
  const list = values.map((value) => `'${value.replaceAll("'", "''")}'`).join(', ');
  return sql`${column} in (${sql.raw(list)})`;
}
