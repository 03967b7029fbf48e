// The shapes a simulator session records. Actions mirror a journey step's one action, so a
// recorded session turns into a `switchboard/journey@1` document without translation.
import type { Channel, Diagnostic } from '@/flows';
import type { HandoffState } from '@/flows/engine/context';
import type { MocksInput } from '@/flows/simulate/mocks';
import type { SentMessage, TranscriptLine } from '@/flows/simulate/simulation';

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

export interface CustomerStep {
  text?: string;
  digits?: string;
  payload?: string;
  /** Set when the customer writes on another channel than the journey's current one. */
  channel?: Channel;
  hangup?: boolean;
}

export interface AgentStep {
  accept?: boolean;
  reply?: string;
  transfer?: string;
  resolve?: boolean;
  /** The agent's name, as the agent desktop would report it. */
  agent?: string;
}

export type SessionAction =
  | { kind: 'customer'; customer: CustomerStep }
  | { kind: 'wait'; wait: string }
  | { kind: 'agent'; agent: AgentStep };

/** The journey's state after a step, copied so later steps cannot change it. */
export interface StepState {
  at: string;
  vars: Record<string, unknown>;
  sent: SentMessage[];
  path: string[];
  ended: boolean;
  outcome: string | null;
  handoff: HandoffState | null;
  channel: Channel;
  now: string;
}

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
