/**
 * The JSON shapes of a compiled XState machine config. Everything here is plain data: actions,
 * guards and their params are named, and implementations are supplied by `createFlowMachine`.
 */
export interface ActionRef {
  type: string;
  params?: Record<string, unknown>;
}

export interface GuardRef {
  type: string;
  params?: Record<string, unknown>;
}

export interface TransitionConfig {
  target?: string;
  guard?: GuardRef;
  actions?: ActionRef[];
  reenter?: boolean;
}

export type Transitions = TransitionConfig | TransitionConfig[];

export interface StateConfig {
  id?: string;
  type?: 'final';
  initial?: string;
  entry?: ActionRef[];
  exit?: ActionRef[];
  on?: Record<string, Transitions>;
  always?: Transitions;
  states?: Record<string, StateConfig>;
  meta?: Record<string, unknown>;
}

export interface MachineConfig extends StateConfig {
  id: string;
  initial: string;
  states: Record<string, StateConfig>;
}

/** A named action with params, as it appears in the config. */
export function act(type: string, params?: Record<string, unknown>): ActionRef {
  return params === undefined ? { type } : { type, params };
}

/** A named guard with params, as it appears in the config. */
export function when(type: string, params?: Record<string, unknown>): GuardRef {
  return params === undefined ? { type } : { type, params };
}

/** The XState id of a node's state: `#n:<qualified id>`. */
export function stateId(qualifiedId: string): string {
  return `n:${qualifiedId}`;
}
