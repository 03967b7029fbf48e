import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NODE_TYPES, compileFlow, validateFlow } from '@/flows';
import { findFiles, libraryOf } from '../files';
import { runJourneyFiles } from '../cli/journeys';

const EXAMPLES = resolve(__dirname, '..', '..', 'flows', 'examples');
const flowFiles = findFiles([EXAMPLES], '.flow.json');
const library = libraryOf(flowFiles);
// Every journey is run once, the way `switchboard test flows/examples` runs them.
const run = runJourneyFiles([EXAMPLES]);
const read = (file: string): unknown => JSON.parse(readFileSync(file, 'utf8'));
const name = (file: string) => file.slice(EXAMPLES.length + 1);

describe('flows/examples', () => {
  it('has at least six realistic flows, each with journeys', () => {
    expect(flowFiles.length).toBeGreaterThanOrEqual(6);
    for (const file of flowFiles) {
      const id = String((read(file) as { id: string }).id);
      expect(run.journeys.some(({ result }) => result.flow === id), `no journey for ${id}`).toBe(true);
    }
  });

  it.each(flowFiles.map((file) => [name(file), file]))('%s validates with no errors and no warnings', (_name, file) => {
    const problems = validateFlow(read(file), { flows: library });
    expect(problems.map((d) => `${d.nodeId ?? d.path}: ${d.code}: ${d.message}`)).toEqual([]);
    expect(compileFlow(read(file), { flows: library }).ok).toBe(true);
  });

  it.each(run.journeys.map(({ file, result }) => [name(file), result]))('%s passes', (_name, result) => {
    expect(result.failure, JSON.stringify(result.failure)).toBeUndefined();
    expect(result.passed).toBe(true);
  });

  it('covers every node and every handle of every example with its journeys', () => {
    const gaps = run.coverage
      .filter((flow) => flow.nodes.missing.length > 0 || flow.handles.missing.length > 0)
      .map((flow) => `${flow.flow}: nodes ${flow.nodes.missing.join(', ')} handles ${flow.handles.missing.join(', ')}`);
    expect(gaps).toEqual([]);
  });

  it('uses every node type of the catalog somewhere', () => {
    const used = new Set(flowFiles.flatMap((file) => (read(file) as { nodes: { type: string }[] }).nodes.map((node) => node.type)));
    expect(NODE_TYPES.map((type) => type.type).filter((type) => !used.has(type))).toEqual([]);
  });
});
