import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';

/** What the home page shows for one example flow file. */
export interface ExampleFlowSummary {
  file: string;
  id: string;
  name: string;
  locale?: string;
  nodeCount: number;
  /** Channels the `start` node allows; `'all'` when it names none (the format's default). */
  channels: string[] | 'all';
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
  const files = await listFlowFiles(dir);
  const flows: ExampleFlowSummary[] = [];
  const problems: ExampleFlowProblem[] = [];
  for (const file of files) {
    const result = await summarizeFile(dir, file);
    if ('reason' in result) problems.push(result);
    else flows.push(result);
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

async function listFlowFiles(dir: string): Promise<string[]> {
  try {
    const entries = await readdir(dir, { withFileTypes: true });
    return entries
      .filter((entry) => entry.isFile() && entry.name.endsWith(FLOW_FILE_SUFFIX))
      .map((entry) => entry.name)
      .sort();
  } catch (error) {
    if (isMissingDirectory(error)) return [];
    throw error;
  }
}

async function summarizeFile(
  dir: string,
  file: string,
): Promise<ExampleFlowSummary | ExampleFlowProblem> {
  let text: string;
  try {
    text = await readFile(path.join(dir, file), 'utf8');
  } catch (error) {
    return { file, reason: 'unreadable', detail: errorMessage(error) };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { file, reason: 'invalid-json', detail: errorMessage(error) };
  }
  const parsed = flowFileSchema.safeParse(json);
  if (!parsed.success) {
    return { file, reason: 'invalid-flow', detail: z.prettifyError(parsed.error) };
  }
  const { id, name, locale, nodes } = parsed.data;
  return { file, id, name, locale, nodeCount: nodes.length, channels: startChannels(nodes) };
}

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

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
