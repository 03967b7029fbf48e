import { describe, expect, it } from 'vitest';
import { FLOW_FORMAT } from './flow';
import { upgradeFlow, type FlowMigration } from './upgrade';

describe('upgradeFlow', () => {
  it('leaves a current document as it is', () => {
    const doc = { format: FLOW_FORMAT, id: 'x' };
    expect(upgradeFlow(doc)).toEqual({ ok: true, doc, from: FLOW_FORMAT });
  });

  it('applies migrations one step at a time up to the current format', () => {
    const migrations: FlowMigration[] = [
      { from: 'switchboard/flow@0', to: 'switchboard/flow@0.5', up: (doc) => ({ ...doc, steps: ['0→0.5'] }) },
      { from: 'switchboard/flow@0.5', to: FLOW_FORMAT, up: (doc) => ({ ...doc, steps: [...(doc.steps as string[]), '0.5→1'] }) },
    ];
    const result = upgradeFlow({ format: 'switchboard/flow@0', id: 'old' }, migrations);
    expect(result).toEqual({ ok: true, from: 'switchboard/flow@0', doc: { format: FLOW_FORMAT, id: 'old', steps: ['0→0.5', '0.5→1'] } });
  });

  it('refuses a format it cannot reach, naming both', () => {
    expect(upgradeFlow({ format: 'switchboard/flow@9' })).toEqual({
      ok: false,
      message: `format "switchboard/flow@9" is not supported; this version reads "${FLOW_FORMAT}"`,
    });
  });

  it('stops on a migration loop instead of running forever', () => {
    const loop: FlowMigration[] = [
      { from: 'a', to: 'b', up: (doc) => doc },
      { from: 'b', to: 'a', up: (doc) => doc },
    ];
    expect(upgradeFlow({ format: 'a' }, loop).ok).toBe(false);
  });
});
