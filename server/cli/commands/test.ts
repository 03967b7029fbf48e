import type { FlowCoverage, JourneyResult } from '@/flows';
import { shown } from '../../files';
import { runJourneyFiles } from '../journeys';
import type { Command } from '../main';
import { dim, green, red, yellow, type Output } from '../output';

export const testCommand: Command = {
  summary: 'run every *.journey.json under the paths; coverage per flow; exit 1 if any failed',
  usage: 'test [paths…]',
  run(args, output) {
    const paths = args.filter((arg) => !arg.startsWith('-'));
    const roots = paths.length > 0 ? paths : ['.'];
    const run = runJourneyFiles(roots, ({ file, result }) => output.out(line(result, file)));
    if (run.journeys.length === 0) {
      output.err(`no *.journey.json files under ${roots.join(', ')}`);
      output.out('0 passed, 0 failed');
      return 1;
    }
    const failed = run.journeys.filter(({ result }) => !result.passed).length;
    printCoverage(run.coverage, output);
    const summary = `${run.journeys.length - failed} passed, ${failed} failed`;
    output.out(failed > 0 ? red(summary) : green(summary));
    return failed > 0 ? 1 : 0;
  },
};

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
