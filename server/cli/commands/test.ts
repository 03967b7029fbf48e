import { dirname, resolve } from 'node:path';
import { Coverage, compileFlow, runJourney, type FlowCoverage, type JourneyResult } from '@/flows';
import { findFiles, libraryOf, loadJson, shown } from '../files';
import type { Command } from '../main';
import { dim, green, red, yellow, type Output } from '../output';

export const testCommand: Command = {
  summary: 'run every *.journey.json under the paths; coverage per flow; exit 1 if any failed',
  usage: 'test [paths…]',
  run(args, output) {
    const paths = args.filter((arg) => !arg.startsWith('-'));
    const roots = paths.length > 0 ? paths : ['.'];
    const journeys = findFiles(roots, '.journey.json');
    const flowFiles = findFiles([...roots, ...journeys.map((file) => dirname(file))], '.flow.json');
    const library = libraryOf(flowFiles);
    if (journeys.length === 0) {
      output.err(`no *.journey.json files under ${roots.join(', ')}`);
      output.out('0 passed, 0 failed');
      return 1;
    }
    const coverage = new Coverage({});
    for (const file of flowFiles) {
      const loaded = loadJson(file);
      const compiled = loaded.ok ? compileFlow(loaded.json, { flows: library }) : undefined;
      if (compiled?.ok) coverage.merge(new Coverage(compiled.flow.inventory));
    }
    let passed = 0;
    let failed = 0;
    for (const file of journeys) {
      const result = runFile(file, library);
      output.out(line(result, file));
      if (result.passed) passed++;
      else failed++;
      if (result.coverage) coverage.merge(result.coverage);
    }
    printCoverage(coverage.report(), output);
    const summary = `${passed} passed, ${failed} failed`;
    output.out(failed > 0 ? red(summary) : green(summary));
    return failed > 0 ? 1 : 0;
  },
};

function runFile(file: string, library: ReturnType<typeof libraryOf>): JourneyResult {
  const loaded = loadJson(file);
  if (!loaded.ok) return { name: shown(file), flow: '', passed: false, steps: 0, failure: { step: 0, message: loaded.error } };
  return runJourney(loaded.json, {
    flows: library,
    loadFlow: (reference) => {
      const candidate = loadJson(resolve(dirname(file), reference));
      return candidate.ok ? candidate.json : undefined;
    },
  });
}

function line(result: JourneyResult, file: string): string {
  if (result.passed) return `${green('✓')} ${result.name} ${dim(`(${shown(file)})`)}`;
  const failure = result.failure;
  const where = failure && failure.step > 0 ? `step ${failure.step}: ` : '';
  return `${red('✗')} ${result.name} ${dim(`(${shown(file)})`)}\n    ${red(`journey "${result.name}" ${where}${failure?.message ?? 'failed'}`)}`;
}

function printCoverage(report: FlowCoverage[], output: Output): void {
  if (report.length === 0) return;
  output.out('');
  output.out('Coverage');
  for (const flow of report.sort((a, b) => a.flow.localeCompare(b.flow))) {
    const nodes = `nodes ${flow.nodes.covered}/${flow.nodes.total} (${percent(flow.nodes.covered, flow.nodes.total)})`;
    const handles = `handles ${flow.handles.covered}/${flow.handles.total} (${percent(flow.handles.covered, flow.handles.total)})`;
    const full = flow.nodes.missing.length === 0 && flow.handles.missing.length === 0;
    output.out(`  ${full ? green('●') : yellow('○')} ${flow.flow}: ${nodes}, ${handles}`);
    if (flow.nodes.missing.length > 0) output.out(dim(`      nodes not entered: ${flow.nodes.missing.join(', ')}`));
    if (flow.handles.missing.length > 0) output.out(dim(`      handles not taken: ${flow.handles.missing.join(', ')}`));
  }
  output.out('');
}

function percent(covered: number, total: number): string {
  return total === 0 ? '100%' : `${Math.floor((covered / total) * 100)}%`;
}
