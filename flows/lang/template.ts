import { Liquid, type Template } from 'liquidjs';
import { readPath, splitPath } from './path';

/**
 * Templates never touch a file system: includes are refused, so a designer's text cannot read
 * files on the server or fetch URLs in the browser.
 */
const noFiles = {
  sep: '/',
  exists: async () => false,
  existsSync: () => false,
  readFile: async (file: string) => refuseInclude(file),
  readFileSync: (file: string) => refuseInclude(file),
  resolve: (_root: string, file: string) => file,
  dirname: (file: string) => file,
};

function refuseInclude(file: string): never {
  throw new Error(`templates cannot include other files ("${file}")`);
}

const engine = new Liquid({
  fs: noFiles,
  root: [],
  strictFilters: true,
  ownPropertyOnly: true,
  parseLimit: 100_000,
  renderLimit: 200,
  memoryLimit: 10_000_000,
});

const cache = new Map<string, Template[]>();
const CACHE_LIMIT = 20_000;

/** Parses a template once; parsed templates are cached by source text. Throws on bad syntax. */
export function parseTemplate(source: string): Template[] {
  let parsed = cache.get(source);
  if (!parsed) {
    parsed = engine.parse(source);
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(source, parsed);
  }
  return parsed;
}

/**
 * Renders a Liquid template synchronously against a scope. Text without `{{` or `{%` is
 * returned as is, which keeps plain prompts cheap.
 *
 * @example renderTemplate('Hi {{ contact.name }}', { contact: { name: 'Somchai' } }) // 'Hi Somchai'
 */
export function renderTemplate(source: string, scope: object): string {
  if (!isTemplated(source)) return source;
  return String(engine.renderSync(parseTemplate(source), scope)).trim();
}

const SINGLE_PATH = /^\s*\{\{\s*([A-Za-z_][\w]*(?:\.[\w]+|\[\d+\])*)\s*\}\}\s*$/;

/**
 * The value of a template: a template that is exactly one `{{ path }}` gives the value at that
 * path as it is (a number stays a number, a list a list); anything else renders to text.
 *
 * @example templateValue('{{ vars.items }}', { vars: { items: [1, 2] } }) // [1, 2]
 */
export function templateValue(source: string, scope: object): unknown {
  const path = SINGLE_PATH.exec(source)?.[1];
  if (path === undefined) return renderTemplate(source, scope);
  const value = readPath(scope, splitPath(path, { scoped: false }));
  return value === undefined || value === null ? '' : value;
}

/** The syntax error of a template, or `undefined` when it parses. */
export function templateError(source: string): string | undefined {
  if (!isTemplated(source)) return undefined;
  try {
    parseTemplate(source);
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message.split('\n')[0] : String(error);
  }
}

/** Global variable paths a template reads, e.g. `[['vars', 'last4'], ['contact', 'name']]`. */
export function templateReads(source: string): string[][] {
  if (!isTemplated(source)) return [];
  try {
    return engine
      .globalVariableSegmentsSync(parseTemplate(source))
      .map((segments) => segments.map((segment) => String(segment)));
  } catch {
    return [];
  }
}

function isTemplated(source: string): boolean {
  return source.includes('{{') || source.includes('{%');
}
