import { Coverage } from '../simulate/coverage';
import { SimulationError } from '../simulate/errors';
import { createSimulation, type Simulation, type SimulationState } from '../simulate/simulation';
import type { FlowLibrary } from '../validate/library';
import { firstMismatch } from './expect';
import { Journey, type JourneyStep } from './schema';

export interface JourneyResult {
  name: string;
  flow: string;
  passed: boolean;
  /** The first failure: which step (1-based; 0 = before any step) and what differed. */
  failure?: { step: number; message: string };
  steps: number;
  coverage?: Coverage;
}

export interface RunOptions {
  /** Flows by id: the journey's flow and the subflows it calls. */
  flows: FlowLibrary;
  /** Resolves a `flow` that is not an id among `flows` (e.g. a relative path). */
  loadFlow?: (reference: string) => unknown;
}

/**
 * Runs one journey test against its flow in the simulator and reports the first mismatch.
 * Never throws for a bad journey or flow: that is a failed result with a message.
 *
 * @example
 * const result = runJourney(JSON.parse(text), { flows: flowLibrary(flowDocs) });
 * if (!result.passed) console.log(result.failure);
 */
export function runJourney(raw: unknown, options: RunOptions): JourneyResult {
  const parsed = Journey.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue ? issue.path.join('.') : '';
    const name = typeof raw === 'object' && raw !== null && 'name' in raw ? String(raw.name) : '(unnamed)';
    return { name, flow: '', passed: false, steps: 0, failure: { step: 0, message: `not a valid journey: ${where ? `${where}: ` : ''}${issue?.message ?? ''}` } };
  }
  const journey = parsed.data;
  let simulation: Simulation | undefined;
  const fail = (step: number, message: string): JourneyResult => ({
    name: journey.name,
    flow: journey.flow,
    passed: false,
    steps: journey.steps.length,
    failure: { step, message },
    ...(simulation ? { coverage: simulation.coverage } : {}),
  });
  const flow = options.flows.get(journey.flow) ?? options.loadFlow?.(journey.flow);
  if (flow === undefined) return fail(0, `flow "${journey.flow}" was not found among the flows given`);
  try {
    simulation = createSimulation(flow, {
      flows: options.flows,
      ...(journey.contact ? { contact: journey.contact } : {}),
      ...(journey.channel ? { channel: journey.channel } : {}),
      ...(journey.now ? { now: journey.now } : {}),
      ...(journey.mocks ? { mocks: journey.mocks } : {}),
      ...(journey.vars ? { vars: journey.vars } : {}),
    });
  } catch (error) {
    return fail(0, describe(error));
  }
  for (const [index, step] of journey.steps.entries()) {
    let state: SimulationState;
    try {
      state = perform(simulation, step, index);
    } catch (error) {
      return fail(index + 1, describe(error));
    }
    const mismatch = step.expect ? firstMismatch(step.expect, state) : undefined;
    if (mismatch) return fail(index + 1, mismatch);
  }
  return { name: journey.name, flow: journey.flow, passed: true, steps: journey.steps.length, coverage: simulation.coverage };
}

/** Does the step's one action; a step with none sees only what it did itself (nothing), except the first. */
function perform(simulation: Simulation, step: JourneyStep, index: number): SimulationState {
  if (step.customer) return simulation.customer(step.customer);
  if (step.wait !== undefined) return simulation.advance(step.wait);
  if (step.agent) return simulation.agent(step.agent);
  const state = simulation.state();
  return index === 0 ? state : { ...state, sent: [], path: [] };
}

function describe(error: unknown): string {
  if (error instanceof SimulationError) return error.message;
  return error instanceof Error ? error.message : String(error);
}
