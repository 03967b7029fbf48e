/**
 * `npm run bench`: figures for the flow language, printed side by side with their targets and
 * with XState's own transition speed (the ceiling the simulator runs on). Nothing here is a
 * pass/fail test: shared machines are noisy, so targets are checked by reading the figures.
 */
import { createActor, setup, type AnyActorScope } from 'xstate';
import { compileFlow, createFlowMachine, createSimulation, validateFlow } from '../flows';
import { generateFlow } from './bench/generateFlow';
import { benchRouting } from './bench/routing';
import { benchStorage } from './bench/storage';

const SIZES = [100, 1_000, 5_000];
const TARGET_COMPILE_MS = 100; // a 1,000-node flow validates and compiles in under 100 ms
const TARGET_STEPS_PER_SECOND = 20_000;

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

async function main(): Promise<void> {
  console.log(`Switchboard flow benchmark · node ${process.version} · ${new Date().toISOString()}`);
  console.log('');
  console.log('Validate + compile (median of runs after warm-up)');
  console.log('  nodes   validate   compile(+validate)   machine build   total    per node');
  for (const size of SIZES) benchCompile(size);
  console.log('');
  benchSimulator();
  console.log('');
  await benchStorage();
  console.log('');
  await benchRouting();
}

function benchCompile(size: number): void {
  const flow = generateFlow(size);
  const runs = size >= 5_000 ? 5 : 15;
  // Fresh copies per run, so no cache keyed by the document object helps.
  const copies = Array.from({ length: runs + 2 }, () => structuredClone(flow));
  const validateMs = median(copies.map((doc) => time(() => validateFlow(doc))));
  const compileMs = median(copies.map((doc) => time(() => mustCompile(doc))));
  const buildMs = median(copies.map((doc) => {
    const compiled = mustCompile(doc);
    return time(() => createFlowMachine(compiled));
  }));
  const total = compileMs + buildMs;
  const nodeCount = (flow.nodes as unknown[]).length;
  const verdict = size === 1_000 ? `   target < ${TARGET_COMPILE_MS} ms: ${ratio(TARGET_COMPILE_MS, total)} headroom` : '';
  console.log(
    `  ${String(nodeCount).padStart(5)}   ${ms(validateMs)}   ${ms(compileMs).padStart(18)}   ${ms(buildMs).padStart(13)}   ${ms(total)}   ${((total * 1000) / nodeCount).toFixed(1)} µs${verdict}`,
  );
}

function benchSimulator(): void {
  const loop = {
    format: 'switchboard/flow@1',
    id: 'loop',
    name: 'Menu loop',
    variables: { count: { type: 'number', default: 0 } },
    nodes: [
      { id: 'start', type: 'start', data: {} },
      { id: 'menu', type: 'menu', data: { prompt: 'Press 1 to count, 2 to stop', options: [{ id: 'count', label: 'Count', keys: ['1'] }, { id: 'stop', label: 'Stop', keys: ['2'] }] } },
      { id: 'add', type: 'set', data: { assign: [{ variable: 'count', expression: 'vars.count + 1' }] } },
      { id: 'say', type: 'message', data: { text: 'Count is {{ vars.count }}' } },
      { id: 'end', type: 'end', data: {} },
    ],
    edges: [
      { source: 'start', target: 'menu' },
      { source: 'menu', sourceHandle: 'count', target: 'add' },
      { source: 'add', target: 'say' },
      { source: 'say', target: 'menu' },
      { source: 'menu', sourceHandle: 'stop', target: 'end' },
      { source: 'menu', sourceHandle: 'noMatch', target: 'end' },
      { source: 'menu', sourceHandle: 'noInput', target: 'end' },
    ],
  };
  const compiled = mustCompile(loop);
  const loopRun = () => {
    const sim = createSimulation(compiled, { now: '2026-03-02T10:00:00+07:00', channel: 'webchat' });
    for (let i = 0; i < 100; i++) sim.customer({ digits: '1' });
    return { steps: 100, nodes: 300 };
  };
  const big = mustCompile(generateFlow(1_000));
  const bigRun = () => {
    const sim = createSimulation(big, { now: '2026-03-02T10:00:00+07:00', channel: 'webchat', contact: { name: 'Bench' } });
    let steps = 0;
    let nodes = 0;
    while (!sim.state().ended) {
      nodes += sim.customer({ digits: '1' }).path.length;
      steps++;
    }
    return { steps, nodes };
  };
  const loopRate = measure(loopRun);
  const bigRate = measure(bigRun);
  const ceiling = rawXStateRate();

  console.log('Simulator (a step = one customer action and all it triggers; runs of fresh simulations, after warm-up)');
  console.log('                                               steps/s    nodes entered/s   vs target > 20,000 steps/s');
  console.log(`  menu loop (menu → set → message), 100 steps  ${rate(loopRate.steps)}   ${rate(loopRate.nodes)}          ${ratio(loopRate.steps, TARGET_STEPS_PER_SECOND)}`);
  console.log(`  1,000-node flow, start to end (4 nodes/step) ${rate(bigRate.steps)}   ${rate(bigRate.nodes)}          ${ratio(bigRate.steps, TARGET_STEPS_PER_SECOND)}`);
  console.log(`  ceiling: bare XState transitions (2 states)  ${rate(ceiling)}     the menu loop runs at ${((loopRate.steps / ceiling) * 100).toFixed(0)}% of it`);
}

/** Steps and nodes per second over repeated runs: 1 s of warm-up, then 3 s measured. */
function measure(run: () => { steps: number; nodes: number }): { steps: number; nodes: number } {
  for (const until = performance.now() + 1_000; performance.now() < until; ) run();
  let steps = 0;
  let nodes = 0;
  const started = performance.now();
  while (performance.now() - started < 3_000) {
    const done = run();
    steps += done.steps;
    nodes += done.nodes;
  }
  const seconds = (performance.now() - started) / 1000;
  return { steps: steps / seconds, nodes: nodes / seconds };
}

/** XState's bare transition speed on a two-state machine with one action: the floor under every step. */
function rawXStateRate(): number {
  const machine = setup({ actions: { noop: () => {} } }).createMachine({
    initial: 'a',
    states: { a: { on: { GO: { target: 'b', actions: 'noop' } } }, b: { on: { GO: { target: 'a', actions: 'noop' } } } },
  });
  const self = createActor(machine);
  const scope: AnyActorScope = {
    self, id: '', sessionId: '', logger: () => {}, defer: () => {}, emit: () => {}, stopChild: () => {}, system: self.system, actionExecutor: () => {},
  };
  let snapshot = machine.getInitialSnapshot(scope);
  const count = 200_000;
  const started = performance.now();
  for (let i = 0; i < count; i++) snapshot = machine.transition(snapshot, { type: 'GO' }, scope);
  return count / ((performance.now() - started) / 1000);
}

function mustCompile(doc: unknown) {
  const result = compileFlow(doc);
  if (!result.ok) throw new Error(`benchmark flow does not compile: ${JSON.stringify(result.diagnostics.slice(0, 3))}`);
  return result.flow;
}

function time(fn: () => unknown): number {
  const started = performance.now();
  fn();
  return performance.now() - started;
}

function median(values: number[]): number {
  const sorted = values.slice(2).sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function ms(value: number): string {
  return `${value.toFixed(1).padStart(7)} ms`;
}

function rate(value: number): string {
  return Math.round(value).toLocaleString('en-US').padStart(9);
}

function ratio(actual: number, target: number): string {
  return `${(actual / target).toFixed(1)}×`;
}
