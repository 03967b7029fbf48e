import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { flowLibrary, validateFlow, type FlowLibrary } from '@/flows';
import { loadJson } from '../files';

/** What the home page shows for one example flow file. */
export interface ExampleFlowSummary {
  file: string;
  id: string;
  name: string;
  locale?: string;
  nodeCount: number;
  /** Channels the `start` node allows; `'all'` when it names none (the format's default). */
  channels: string[] | 'all';
  /** What the validator says of the flow (subflows resolved among the examples). */
  errors: number;
  warnings: number;
  /** `*.journey.json` files in the folder that test this flow. */
  journeys: number;
}

/** A file in the examples folder that could not be listed, and why. */
export interface ExampleFlowProblem {
  file: string;
  reason: 'unreadable' | 'invalid-json' | 'invalid-flow';
  detail: string;
}

export interface ExampleFlowListing {
  dir: string;
  flows: ExampleFlowSummary[];
  problems: ExampleFlowProblem[];
}

export const FLOW_FILE_SUFFIX = '.flow.json';

/**
 * Lists the `*.flow.json` files of `dir` (default: `flows/examples` under the working
 * directory). A missing folder is an empty list; a file that does not parse is reported in
 * `problems` instead of failing the whole listing.
 */
export async function exampleFlows(dir = defaultExamplesDir()): Promise<ExampleFlowListing> {
  const files = await listFiles(dir, FLOW_FILE_SUFFIX);
  const read = files.map((file) => readFlowFile(dir, file));
  const library = flowLibrary(read.flatMap((result) => ('json' in result ? [result.json] : [])));
  const journeys = await journeyCounts(dir);
  const flows: ExampleFlowSummary[] = [];
  const problems: ExampleFlowProblem[] = [];
  for (const result of read) {
    if ('reason' in result) {
      problems.push(result);
      continue;
    }
    const summary = summarize(result.file, result.json, library, journeys);
    if ('reason' in summary) problems.push(summary);
    else flows.push(summary);
  }
  return { dir, flows, problems };
}

// Resolved per call from the working directory: `next start` and the tests run from the repo root.
function defaultExamplesDir(): string {
  return path.join(process.cwd(), 'flows', 'examples');
}

// Only the fields the listing needs; everything else in the document is left to the validator.
const flowFileSchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  locale: z.string().optional(),
  nodes: z.array(z.object({ type: z.string(), data: z.unknown().optional() })),
});

const startDataSchema = z.object({ channels: z.array(z.string()).optional() });

async function listFiles(dir: string, suffix: string): Promise<string[]> {
  try {
    const entries = await readdir(dir, { withFileTypes: true });
    return entries
      .filter((entry) => entry.isFile() && entry.name.endsWith(suffix))
      .map((entry) => entry.name)
      .sort();
  } catch (error) {
    if (isMissingDirectory(error)) return [];
    throw error;
  }
}

/** A flow file read as JSON, or the problem that kept it from being read. */
function readFlowFile(dir: string, file: string): { file: string; json: unknown } | ExampleFlowProblem {
  const loaded = loadJson(path.join(dir, file));
  return loaded.ok ? { file, json: loaded.json } : { file, reason: loaded.reason, detail: loaded.error };
}

function summarize(
  file: string,
  json: unknown,
  library: FlowLibrary,
  journeys: ReadonlyMap<string, number>,
): ExampleFlowSummary | ExampleFlowProblem {
  const parsed = flowFileSchema.safeParse(json);
  if (!parsed.success) {
    return { file, reason: 'invalid-flow', detail: z.prettifyError(parsed.error) };
  }
  const { id, name, locale, nodes } = parsed.data;
  const diagnostics = validateFlow(json, { flows: library });
  return {
    file,
    id,
    name,
    locale,
    nodeCount: nodes.length,
    channels: startChannels(nodes),
    errors: diagnostics.filter((d) => d.severity === 'error').length,
    warnings: diagnostics.filter((d) => d.severity === 'warning').length,
    journeys: journeys.get(id) ?? 0,
  };
}

/** How many journey files in the folder test each flow id. */
async function journeyCounts(dir: string): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  for (const file of await listFiles(dir, '.journey.json')) {
    const loaded = loadJson(path.join(dir, file));
    if (!loaded.ok) continue;
    const flow = journeyFlowSchema.safeParse(loaded.json);
    if (flow.success) counts.set(flow.data.flow, (counts.get(flow.data.flow) ?? 0) + 1);
  }
  return counts;
}

const journeyFlowSchema = z.object({ flow: z.string() });

function startChannels(nodes: { type: string; data?: unknown }[]): string[] | 'all' {
  const start = nodes.find((node) => node.type === 'start');
  const data = startDataSchema.safeParse(start?.data ?? {});
  const channels = data.success ? data.data.channels : undefined;
  return channels && channels.length > 0 ? channels : 'all';
}

function isMissingDirectory(error: unknown): boolean {
  return (
    error instanceof Error &&
    'code' in error &&
    (error.code === 'ENOENT' || error.code === 'ENOTDIR')
  );
}
