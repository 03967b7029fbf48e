// A simulator session: one simulation of the draft plus the record of every step, so the
// drawer can show variables after each step, replay after a failed action, and save the whole
// thing as a journey test. Pure (no React): the drawer's hook only re-renders its views.
import { compileFlow, createSimulation, Mocks, parseDuration, type FlowLibrary, type Simulation, type SimulationState } from '@/flows';
import { InvalidDuration, problemFromError } from './sessionProblems';
import type { SessionAction, SessionOptions, SessionProblem, SessionView, StepRecord, StepState } from './sessionTypes';

/**
 * Runs `flow` in the simulator with `options` and records each step. Never throws: a flow that
 * does not compile, a missing HTTP mock or an action that cannot apply becomes `view().problem`
 * and the journey stays where it was before that action.
 *
 * @example
 * const session = new SimulatorSession(flow, new Map(), options);
 * session.apply({ kind: 'customer', customer: { text: 'hello' } });
 * session.view().current?.at; // the node the journey waits in
 */
export class SimulatorSession {
  private simulation: Simulation | null = null;
  private steps: StepRecord[] = [];
  private problem: SessionProblem | null = null;
  private failed: SessionAction | null = null;
  private cached: SessionView | null = null;

  /** `replay`: actions to take at once, e.g. the steps of an earlier run of an edited flow. */
  constructor(
    readonly flow: unknown,
    readonly library: FlowLibrary,
    readonly options: SessionOptions,
    replay: readonly SessionAction[] = [],
  ) {
    this.replay(replay);
  }

  /** Applies one action; on failure keeps every earlier step and reports the problem. */
  apply(action: SessionAction): SessionView {
    const simulation = this.simulation;
    if (!simulation) return this.view();
    const before = simulation.state().transcript.length;
    try {
      this.steps.push(record(action, perform(simulation, action), before));
      this.problem = null;
      this.failed = null;
    } catch (error) {
      this.fail(actionsOf(this.steps), action, error);
    }
    this.cached = null;
    return this.view();
  }

  view(): SessionView {
    if (!this.cached) {
      const last = this.steps[this.steps.length - 1];
      this.cached = {
        options: this.options,
        steps: [...this.steps],
        transcript: this.simulation ? [...this.simulation.state().transcript] : [],
        current: last ? last.state : null,
        problem: this.problem,
        failedAction: this.failed,
      };
    }
    return this.cached;
  }

  /** Starts a fresh simulation and applies `actions`, stopping at the first that fails. */
  private replay(actions: readonly SessionAction[]): void {
    this.simulation = null;
    this.steps = [];
    this.problem = null;
    this.failed = null;
    this.cached = null;
    const simulation = this.start();
    if (!simulation) return;
    for (const [index, action] of actions.entries()) {
      const before = simulation.state().transcript.length;
      try {
        this.steps.push(record(action, perform(simulation, action), before));
      } catch (error) {
        this.fail(actions.slice(0, index), action, error);
        return;
      }
    }
    this.simulation = simulation;
  }

  /**
   * Reports a failed action. The simulation may have half-applied it (an HTTP call with no
   * mock), so it is rebuilt from the steps before, which replay identically on the virtual clock.
   */
  private fail(before: readonly SessionAction[], action: SessionAction, error: unknown): void {
    const problem = problemFromError(error);
    this.replay(before);
    this.problem = problem;
    this.failed = action;
  }

  private start(): Simulation | null {
    const mocks = Mocks.safeParse(this.options.mocks);
    if (!mocks.success) {
      this.problem = { kind: 'badMocks', message: mocks.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') };
      return null;
    }
    const compiled = compileFlow(this.flow, { flows: this.library });
    if (!compiled.ok) {
      this.problem = { kind: 'compile', diagnostics: compiled.diagnostics.filter((d) => d.severity === 'error') };
      return null;
    }
    try {
      const simulation = createSimulation(compiled.flow, {
        flows: this.library,
        channel: this.options.channel,
        contact: contactOf(this.options),
        now: this.options.now,
        mocks: mocks.data,
        vars: this.options.vars,
      });
      this.steps.push(record(null, simulation.state(), 0));
      return simulation;
    } catch (error) {
      this.problem = problemFromError(error);
      return null;
    }
  }
}

/** The actions of recorded steps, in order (the start has none). */
export function actionsOf(steps: readonly StepRecord[]): SessionAction[] {
  return steps.flatMap((step) => (step.action ? [step.action] : []));
}

/** The contact fields the user filled in; empty fields are left out, as in a journey file. */
export function contactOf(options: SessionOptions): Record<string, string> {
  return Object.fromEntries(Object.entries(options.contact).filter(([, value]) => value.trim() !== ''));
}

function perform(simulation: Simulation, action: SessionAction): SimulationState {
  switch (action.kind) {
    case 'customer':
      return simulation.customer(action.customer);
    case 'wait': {
      if (parseDuration(action.wait) === undefined) throw new InvalidDuration(action.wait);
      return simulation.advance(action.wait);
    }
    case 'agent':
      return simulation.agent(action.agent);
    default: {
      const exhaustive: never = action;
      throw new Error(`unknown action ${JSON.stringify(exhaustive)}`);
    }
  }
}

function record(action: SessionAction | null, state: SimulationState, transcriptFrom: number): StepRecord {
  return { action, state: copyState(state), transcriptFrom, transcriptTo: state.transcript.length };
}

function copyState(state: SimulationState): StepState {
  return {
    at: state.at,
    vars: structuredClone(state.vars),
    sent: structuredClone(state.sent),
    path: [...state.path],
    ended: state.ended,
    outcome: state.outcome,
    handoff: state.handoff ? structuredClone(state.handoff) : null,
    channel: state.channel,
    now: state.now,
  };
}
