// Hot-path statements whose text never changes. drizzle builds a statement's SQL from its parts
// on every call (measured: ~30% of a worker's CPU), and PostgreSQL parses and plans each one it
// receives. A fixed statement's text is written once, its values passed as parameters (arrays
// for lists), and it is named: node-postgres prepares it once per connection, so PostgreSQL
// parses it once there and each later call is only bind and execute. PGlite runs it unnamed.
import { z } from 'zod';
import type { Database } from './client';

export interface FixedStatement {
  /** Unique per text: a connection keeps the statement under this name. */
  name: string;
  text: string;
}

const Result = z.object({ rows: z.array(z.record(z.string(), z.unknown())) });

/** Runs the statement (in the transaction when `db` is one); its rows as the driver returns them. */
export async function runFixed(db: Database, statement: FixedStatement, params: unknown[]): Promise<Record<string, unknown>[]> {
  const prepared = db._.session.prepareQuery({ sql: statement.text, params }, undefined, statement.name, false);
  return Result.parse(await prepared.execute()).rows;
}
