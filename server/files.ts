import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { flowLibrary, type FlowLibrary } from '@/flows';

const SKIPPED_DIRS = new Set(['node_modules', '.git', '.next', '.data', 'artifacts']);

export type Loaded =
  | { ok: true; file: string; json: unknown }
  | { ok: false; file: string; reason: 'unreadable' | 'invalid-json'; error: string };

/** Reads and parses a JSON file; a missing or malformed file is an error the user can act on. */
export function loadJson(file: string): Loaded {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    return { ok: false, file, reason: 'unreadable', error: `cannot read the file (${errorCode(error)})` };
  }
  try {
    return { ok: true, file, json: JSON.parse(text) };
  } catch (error) {
    return { ok: false, file, reason: 'invalid-json', error: `not valid JSON: ${error instanceof Error ? error.message : String(error)}` };
  }
}

/** Files under the paths (files or folders, recursively) whose names end with `suffix`. */
export function findFiles(paths: readonly string[], suffix: string): string[] {
  const found = new Set<string>();
  const walk = (path: string) => {
    let stats;
    try {
      stats = statSync(path);
    } catch {
      return;
    }
    if (stats.isFile()) {
      if (path.endsWith(suffix)) found.add(resolve(path));
      return;
    }
    if (!stats.isDirectory()) return;
    for (const name of readdirSync(path).sort()) {
      if (SKIPPED_DIRS.has(name)) continue;
      walk(join(path, name));
    }
  };
  for (const path of paths) walk(path);
  return [...found];
}

/** The `*.flow.json` files in the folders of the given files, by flow id (for subflows). */
export function siblingLibrary(files: readonly string[], extra: readonly string[] = []): FlowLibrary {
  const dirs = [...new Set(files.map((file) => dirname(resolve(file))))];
  return libraryOf(findFiles([...dirs, ...extra], '.flow.json'));
}

export function libraryOf(files: readonly string[]): FlowLibrary {
  const docs: unknown[] = [];
  for (const file of files) {
    const loaded = loadJson(file);
    if (loaded.ok) docs.push(loaded.json);
  }
  return flowLibrary(docs);
}

/** A path relative to the working directory, for messages. */
export function shown(file: string): string {
  const rel = relative(process.cwd(), file);
  return rel === '' ? '.' : rel.startsWith('..') ? file : rel;
}

function errorCode(error: unknown): string {
  return typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : String(error);
}
