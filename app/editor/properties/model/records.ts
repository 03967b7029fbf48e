// Key/value maps (HTTP headers, subflow input/output) edited as ordered rows.
import { isRecord } from './values';

export interface Row {
  name: string;
  value: unknown;
}

/** The map's entries as rows, in their order. */
export function recordRows(value: unknown): Row[] {
  return isRecord(value) ? Object.entries(value).map(([name, item]) => ({ name, value: item })) : [];
}

/**
 * Rows back to a map. Rows with the same name keep the first; a row being typed with an empty
 * name is kept under a unique placeholder would lose order, so empty names are simply dropped.
 */
export function rowsRecord(rows: readonly Row[]): Record<string, unknown> | undefined {
  const out: Record<string, unknown> = {};
  for (const row of rows) if (row.name !== '' && !(row.name in out)) out[row.name] = row.value;
  return Object.keys(out).length === 0 ? undefined : out;
}

/** Renames one row keeping its place; refuses (returns the same rows) when the name is taken. */
export function renameRow(rows: readonly Row[], index: number, name: string): Row[] {
  if (rows.some((row, at) => at !== index && row.name === name)) return [...rows];
  return rows.map((row, at) => (at === index ? { ...row, name } : row));
}

/** A name not used yet: `name`, `name2`, `name3`… */
export function freshName(rows: readonly { name: string }[], base: string): string {
  const taken = new Set(rows.map((row) => row.name));
  if (!taken.has(base)) return base;
  for (let suffix = 2; ; suffix += 1) if (!taken.has(`${base}${suffix}`)) return `${base}${suffix}`;
}
