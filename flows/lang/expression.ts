import jsonata from 'jsonata';

const cache = new Map<string, jsonata.Expression>();
const CACHE_LIMIT = 5_000;
// A designer's expression must not hang a worker: deep recursion or long loops are cut off.
const MAX_DEPTH = 200;
const MAX_MS = 100;

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
  const started = Date.now();
  let depth = 0;
  const guard = () => {
    if (depth > MAX_DEPTH) throw new Error(`expression is too deeply nested or recursive: ${source}`);
    if (Date.now() - started > MAX_MS) throw new Error(`expression took too long: ${source}`);
  };
  return expression.evaluate(scope, {
    now: () => new Date(nowMs).toISOString(),
    millis: () => nowMs,
    __evaluate_entry: () => {
      depth++;
      guard();
    },
    __evaluate_exit: () => {
      depth--;
      guard();
    },
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

function compile(source: string): jsonata.Expression {
  let expression = cache.get(source);
  if (!expression) {
    expression = jsonata(source);
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
