import { dirname, resolve } from 'node:path';
import { Coverage, compileFlow, runJourney, type FlowCoverage, type FlowLibrary, type JourneyResult } from '@/flows';
import { findFiles, libraryOf, loadJson, shown } from '../files';

export interface JourneyFileResult {
  file: string;
  result: JourneyResult;
}

export interface JourneyRun {
  journeys: JourneyFileResult[];
  /** Node and handle coverage of every flow found under the roots (and the subflows they call). */
  coverage: FlowCoverage[];
}

/**
 * Runs every `*.journey.json` under the roots against the `*.flow.json` found there (and
 * beside each journey), and merges coverage per flow. `onResult` hears each journey as it
 * finishes, so a long run shows progress.
 */
export function runJourneyFiles(roots: readonly string[], onResult?: (done: JourneyFileResult) => void): JourneyRun {
  const files = findFiles(roots, '.journey.json');
  const library = libraryOf(findFiles([...roots, ...files.map((file) => dirname(file))], '.flow.json'));
  const coverage = new Coverage({});
  for (const flow of library.values()) {
    const compiled = compileFlow(flow, { flows: library });
    if (compiled.ok) coverage.merge(new Coverage(compiled.flow.inventory));
  }
  const journeys = files.map((file) => {
    const done = { file, result: runFile(file, library) };
    if (done.result.coverage) coverage.merge(done.result.coverage);
    onResult?.(done);
    return done;
  });
  return { journeys, coverage: coverage.report() };
}

function runFile(file: string, library: FlowLibrary): JourneyResult {
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
