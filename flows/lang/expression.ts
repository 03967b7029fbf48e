import jsonata from 'jsonata';

const cache = new Map<string, jsonata.Expression>();
const CACHE_LIMIT = 5_000;
// A designer's expression must not hang a worker: deep recursion or long loops are cut off.
// The budget counts evaluation steps, not milliseconds, so the same expression gives the same
// result on a busy machine (a GC pause must never change where a journey goes).
const MAX_DEPTH = 200;
const MAX_STEPS = 100_000;

/**
 * Evaluates a JSONata expression synchronously against the template scope. `$now()` and
 * `$millis()` read the journey's clock (virtual in the simulator), never the wall clock.
 *
 * jsonata 1.8 is used on purpose: 2.x evaluates only asynchronously, and guards and
 * assignments of an XState transition must be synchronous and pure.
 *
 * @example evaluateExpression('vars.age >= 18', { vars: { age: 20 } }, Date.now()) // true
 */
export function evaluateExpression(source: string, scope: object, nowMs: number): unknown {
  const expression = compile(source);
  run.source = source;
  run.nowMs = nowMs;
  run.depth = 0;
  run.steps = 0;
  return plainJson(expression.evaluate(scope));
}

/**
 * The evaluation in progress. Evaluation is synchronous, so one record serves every call, and
 * the functions bound into each compiled expression read it instead of closures made per call.
 */
const run = { source: '', nowMs: 0, depth: 0, steps: 0 };

function bindRuntime(expression: jsonata.Expression): void {
  expression.assign('now', () => new Date(run.nowMs).toISOString());
  expression.assign('millis', () => run.nowMs);
  expression.assign('__evaluate_entry', () => {
    if (++run.depth > MAX_DEPTH) throw new Error(`expression is too deeply nested or recursive: ${run.source}`);
    if (++run.steps > MAX_STEPS) throw new Error(`expression takes too many steps: ${run.source}`);
  });
  expression.assign('__evaluate_exit', () => {
    run.depth--;
  });
}

/** The parse error of an expression, or `undefined` when it parses. */
export function expressionError(source: string): string | undefined {
  try {
    compile(source);
    return undefined;
  } catch (error) {
    return describeError(error);
  }
}

/** Paths of the template scope an expression reads, e.g. `[['vars', 'age']]`. */
export function expressionReads(source: string): string[][] {
  let ast: jsonata.ExprNode;
  try {
    ast = compile(source).ast();
  } catch {
    return [];
  }
  const reads: string[][] = [];
  visit(ast, (node) => {
    if (node.type !== 'path' || !node.steps) return;
    const names: string[] = [];
    for (const step of node.steps) {
      if (step.type !== 'name') break;
      names.push(String(step.value));
    }
    if (names.length > 0) reads.push(names);
  });
  return reads;
}

/**
 * JSONata answers sequences (arrays tagged with `sequence`, `keepSingleton`…) and may answer
 * functions; what lands in variables must be plain JSON, the same before and after a snapshot
 * is stored and restored.
 */
function plainJson(value: unknown): unknown {
  if (typeof value === 'function' || isJsonataFunction(value)) return undefined;
  if (Array.isArray(value)) return value.map((item) => plainJson(item) ?? null);
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value).map(([key, item]) => [key, plainJson(item)] as const);
    return Object.fromEntries(entries.filter(([, item]) => item !== undefined));
  }
  return value;
}

function isJsonataFunction(value: unknown): boolean {
  return typeof value === 'object' && value !== null && ('_jsonata_lambda' in value || '_jsonata_function' in value);
}

function compile(source: string): jsonata.Expression {
  let expression = cache.get(source);
  if (!expression) {
    expression = jsonata(source);
    bindRuntime(expression);
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(source, expression);
  }
  return expression;
}

function visit(node: unknown, fn: (node: jsonata.ExprNode) => void): void {
  if (Array.isArray(node)) {
    for (const item of node) visit(item, fn);
    return;
  }
  if (typeof node !== 'object' || node === null) return;
  const expr = node as jsonata.ExprNode;
  if (typeof expr.type === 'string') fn(expr);
  for (const value of Object.values(node)) {
    if (typeof value === 'object' && value !== null) visit(value, fn);
  }
}

function describeError(error: unknown): string {
  if (typeof error === 'object' && error !== null && 'message' in error) {
    const { message, position } = error as { message: string; position?: number };
    return position === undefined ? message : `${message} (at character ${position})`;
  }
  return String(error);
}
