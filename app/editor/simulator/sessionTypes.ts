// The shapes a simulator session records. Actions mirror a journey step's one action, so a
// recorded session turns into a `switchboard/journey@1` document without translation.
import type { Channel, Diagnostic } from '@/flows';
import type { MocksInput } from '@/flows/simulate/mocks';
import type { AgentAction, CustomerAction, SimulationState, TranscriptLine } from '@/flows/simulate/simulation';

/** The contact the simulated customer plays (the journey's `contact`). */
export interface ContactProfile {
  name: string;
  phone: string;
  email: string;
  locale: string;
}

/** What a simulation starts with; changed in the toolbar, applied on restart. */
export interface SessionOptions {
  channel: Channel;
  contact: ContactProfile;
  /** The virtual clock's start, ISO 8601. */
  now: string;
  mocks: MocksInput;
  /** Initial flow variables, as an API trigger passes them (the journey's `vars`). */
  vars: Record<string, unknown>;
}

/** One customer action: the simulator's own (a journey step's `customer`). */
export type CustomerStep = CustomerAction;

/** One agent action: the simulator's own (a journey step's `agent`). */
export type AgentStep = AgentAction;

export type SessionAction =
  | { kind: 'customer'; customer: CustomerStep }
  | { kind: 'wait'; wait: string }
  | { kind: 'agent'; agent: AgentStep };

/** The journey's state after a step, copied so later steps cannot change it. */
export type StepState = Omit<SimulationState, 'transcript' | 'metrics' | 'warnings'>;

export interface StepRecord {
  /** `null` for the start: what the flow did before the customer did anything. */
  action: SessionAction | null;
  state: StepState;
  /** The transcript lines this step added: `transcript.slice(from, to)`. */
  transcriptFrom: number;
  transcriptTo: number;
}

/** Why the simulation could not go on, as data so the UI can word it in the user's language. */
export type SessionProblem =
  | { kind: 'compile'; diagnostics: Diagnostic[] }
  | { kind: 'noMock'; method: string; url: string; node: string }
  | { kind: 'ended' }
  | { kind: 'noAgent'; at: string }
  | { kind: 'badChannel'; channel: string; allowed: string }
  | { kind: 'loop' }
  | { kind: 'badDuration'; duration: string }
  | { kind: 'badMocks'; message: string }
  | { kind: 'other'; message: string };

/** An immutable picture of a session for rendering. */
export interface SessionView {
  options: SessionOptions;
  steps: readonly StepRecord[];
  transcript: readonly TranscriptLine[];
  /** The latest state, or null when the simulation could not start. */
  current: StepState | null;
  /** The last action's problem (the journey stays where it was), or the start's. */
  problem: SessionProblem | null;
  /** The action that caused `problem`, to retry once it is fixed (e.g. a mock added). */
  failedAction: SessionAction | null;
}
