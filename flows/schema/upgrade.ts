import { FLOW_FORMAT } from './flow';

/** One step of a document migration: rewrites a document of `from` into `to`. */
export interface FlowMigration {
  from: string;
  to: string;
  up: (doc: Record<string, unknown>) => Record<string, unknown>;
}

/**
 * Stepwise migrations between flow formats, oldest first. When `switchboard/flow@2` ships, the
 * step from @1 goes here and `FLOW_FORMAT` moves; documents on disk are never rewritten in place.
 */
export const FLOW_MIGRATIONS: readonly FlowMigration[] = [];

export type UpgradeResult =
  | { ok: true; doc: unknown; from: string | undefined }
  | { ok: false; message: string };

/**
 * Brings a raw document up to the current format by applying migrations one step at a time.
 *
 * @example
 * const result = upgradeFlow(JSON.parse(text));
 * if (result.ok) validateFlow(result.doc);
 */
export function upgradeFlow(
  raw: unknown,
  migrations: readonly FlowMigration[] = FLOW_MIGRATIONS,
  target: string = FLOW_FORMAT,
): UpgradeResult {
  if (!isRecord(raw) || typeof raw.format !== 'string') return { ok: true, doc: raw, from: undefined };
  const from = raw.format;
  let doc: Record<string, unknown> = raw;
  const seen = new Set<string>();
  while (doc.format !== target) {
    const format = String(doc.format);
    const step = migrations.find((m) => m.from === format);
    if (!step || seen.has(format)) {
      return {
        ok: false,
        message: `format "${from}" is not supported; this version reads "${target}"`,
      };
    }
    seen.add(format);
    doc = { ...step.up(doc), format: step.to };
  }
  return { ok: true, doc, from };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
