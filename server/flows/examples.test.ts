import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Coverage, NODE_TYPES, compileFlow, runJourney, validateFlow } from '@/flows';
import { findFiles, libraryOf } from '../cli/files';

const EXAMPLES = resolve(__dirname, '..', '..', 'flows', 'examples');
const flowFiles = findFiles([EXAMPLES], '.flow.json');
const journeyFiles = findFiles([EXAMPLES], '.journey.json');
const library = libraryOf(flowFiles);
const read = (file: string): unknown => JSON.parse(readFileSync(file, 'utf8'));
const name = (file: string) => file.slice(EXAMPLES.length + 1);

describe('flows/examples', () => {
  it('has at least six realistic flows, each with journeys', () => {
    expect(flowFiles.length).toBeGreaterThanOrEqual(6);
    for (const file of flowFiles) {
      const id = String((read(file) as { id: string }).id);
      expect(journeyFiles.some((journey) => (read(journey) as { flow: string }).flow === id), `no journey for ${id}`).toBe(true);
    }
  });

  it.each(flowFiles.map((file) => [name(file), file]))('%s validates with no errors and no warnings', (_name, file) => {
    const problems = validateFlow(read(file), { flows: library });
    expect(problems.map((d) => `${d.nodeId ?? d.path}: ${d.code}: ${d.message}`)).toEqual([]);
    expect(compileFlow(read(file), { flows: library }).ok).toBe(true);
  });

  it.each(journeyFiles.map((file) => [name(file), file]))('%s passes', (_name, file) => {
    const result = runJourney(read(file), {
      flows: library,
      loadFlow: (reference) => read(join(dirname(file), reference)),
    });
    expect(result.failure, JSON.stringify(result.failure)).toBeUndefined();
    expect(result.passed).toBe(true);
  });

  it('covers every node and every handle of every example with its journeys', () => {
    const coverage = new Coverage({});
    for (const file of flowFiles) {
      const compiled = compileFlow(read(file), { flows: library });
      if (compiled.ok) coverage.merge(new Coverage(compiled.flow.inventory));
    }
    for (const file of journeyFiles) {
      const result = runJourney(read(file), { flows: library });
      if (result.coverage) coverage.merge(result.coverage);
    }
    const gaps = coverage
      .report()
      .filter((flow) => flow.nodes.missing.length > 0 || flow.handles.missing.length > 0)
      .map((flow) => `${flow.flow}: nodes ${flow.nodes.missing.join(', ')} handles ${flow.handles.missing.join(', ')}`);
    expect(gaps).toEqual([]);
  });

  it('uses every node type of the catalog somewhere', () => {
    const used = new Set(flowFiles.flatMap((file) => (read(file) as { nodes: { type: string }[] }).nodes.map((node) => node.type)));
    expect(NODE_TYPES.map((type) => type.type).filter((type) => !used.has(type))).toEqual([]);
  });
});
