import type { AnyMachineSnapshot, AnyStateMachine } from 'xstate';
import { z } from 'zod';
import { compileFlow, type CompiledFlow } from '../compile/compile';
import { createFlowMachine } from '../compile/machine';
import { Contact, type FlowContext, type HandoffState } from '../engine/context';
import { simulatedServices, type Effect, type EffectServices, type MetricEffect, type SendEffect } from '../engine/effects';
import type { FlowEvent } from '../engine/events';
import { applyEvent, startJourney, type StepResult } from '../engine/step';
import { durationMs } from '../lang/duration';
import type { Channel } from '../schema/common';
import type { IdentityKind } from '../lang/address';
import { describeDiagnostic } from '../validate/diagnostics';
import type { FlowLibrary } from '../validate/library';
import { VirtualTimers } from './clock';
import { answerFromMocks, Mocks, type HttpMock, type MocksInput } from './mocks';
import { SimulationError } from './errors';
import { Coverage } from './coverage';

export interface SimulationOptions {
  contact?: z.input<typeof Contact>;
  /** The channel the conversation starts on; defaults to the start node's first channel. */
  channel?: Channel;
  mocks?: MocksInput;
  /** The virtual clock's start (ISO 8601); defaults to the real current time. */
  now?: string | Date;
  /** Flows that subflow nodes call, by id. */
  flows?: FlowLibrary;
  conversationId?: string;
  /** Initial variables, as an API trigger would pass them. */
  vars?: Record<string, unknown>;
  services?: EffectServices;
}

/** A message the journey sent, with the virtual time it went out. */
export type SentMessage = Omit<SendEffect, 'type'> & { at: string };

/** A score a survey recorded. */
export type Metric = Omit<MetricEffect, 'type'>;

export interface TranscriptLine {
  direction: 'in' | 'out';
  channel: Channel;
  /** What the customer sent: text, or `#digits` for a keypad press, `[id]` for a button. */
  text: string;
  /** A keypad press (voice): shown as keys rather than as text. */
  digits?: string;
  author: 'customer' | 'bot' | 'agent';
  at: string;
}

export interface SimulationState {
  /** The node the journey waits in (qualified `subflow/child` inside a subflow). */
  at: string;
  vars: Record<string, unknown>;
  /** Messages sent during the last action, in order. */
  sent: SentMessage[];
  /** Nodes entered during the last action, in order. */
  path: string[];
  ended: boolean;
  outcome: string | null;
  handoff: HandoffState | null;
  channel: Channel;
  now: string;
  /** Every message so far, both directions (shared, not copied: read it, do not change it). */
  transcript: readonly TranscriptLine[];
  metrics: readonly Metric[];
  /** Problems the flow survived (a template that failed to render). */
  warnings: readonly string[];
  /** Addresses `identify` nodes linked to the contact, in order (the runtime merges contacts there). */
  identities?: readonly LinkedIdentity[];
}

export interface LinkedIdentity {
  kind: IdentityKind;
  address: string;
}

export interface CustomerAction {
  text?: string;
  digits?: string;
  payload?: string;
  channel?: Channel;
  /** The customer hangs up or leaves the chat. */
  hangup?: boolean;
}

export interface AgentAction {
  accept?: boolean;
  reply?: string;
  transfer?: string;
  resolve?: boolean;
  agent?: string;
}

export interface Simulation {
  readonly flow: CompiledFlow;
  readonly coverage: Coverage;
  customer(action: CustomerAction): SimulationState;
  advance(duration: string | number): SimulationState;
  agent(action: AgentAction): SimulationState;
  state(): SimulationState;
}

// A step that keeps feeding itself (HTTP answers) this many times has lost its way.
const MAX_CHAINED_EVENTS = 1_000;

/**
 * Runs a flow step by step on a virtual clock, answering HTTP calls from mocks. Deterministic:
 * the same flow, options and actions give the same states. Throws `SimulationError` for a flow
 * that does not compile, an HTTP call no mock answers, or an action that cannot apply.
 *
 * @example
 * const sim = createSimulation(flow, { channel: 'voice', now: '2026-03-02T10:00:00+07:00' });
 * sim.customer({ digits: '1' });
 * sim.advance('11s');
 * sim.state().at; // 'menu'
 */
export function createSimulation(flow: unknown, options: SimulationOptions = {}): Simulation {
  const compiled = isCompiled(flow) ? flow : compileOrThrow(flow, options.flows);
  return new FlowSimulation(compiled, options);
}

function isCompiled(flow: unknown): flow is CompiledFlow {
  return typeof flow === 'object' && flow !== null && 'config' in flow && 'inventory' in flow;
}

function compileOrThrow(flow: unknown, flows: FlowLibrary | undefined): CompiledFlow {
  const result = compileFlow(flow, { flows });
  if (result.ok) return result.flow;
  const errors = result.diagnostics.filter((d) => d.severity === 'error');
  const listed = errors.map((d) => describeDiagnostic(d)).join('; ');
  throw new SimulationError(`the flow does not compile: ${listed}`);
}

class FlowSimulation implements Simulation {
  readonly flow: CompiledFlow;
  readonly coverage: Coverage;
  private readonly machine: AnyStateMachine;
  private readonly mocks;
  private readonly timers = new VirtualTimers();
  private readonly mockCalls = new Map<HttpMock, number>();
  private snapshot: AnyMachineSnapshot;
  private nowMs: number;
  private isoCache: [number, string] = [Number.NaN, ''];
  private sent: SentMessage[] = [];
  private path: string[] = [];
  private readonly transcript: TranscriptLine[] = [];
  private readonly metrics: Metric[] = [];
  private readonly warnings: string[] = [];
  private readonly identities: LinkedIdentity[] = [];

  constructor(flow: CompiledFlow, options: SimulationOptions) {
    this.flow = flow;
    this.coverage = new Coverage(flow.inventory);
    this.machine = createFlowMachine(flow, options.services ?? simulatedServices);
    this.mocks = Mocks.parse(options.mocks ?? {}).http;
    this.nowMs = options.now === undefined ? Date.now() : new Date(options.now).getTime();
    if (Number.isNaN(this.nowMs)) throw new SimulationError(`"now" is not a date: ${String(options.now)}`);
    const channel = options.channel ?? startChannels(flow)[0] ?? 'webchat';
    const allowed = startChannels(flow);
    if (allowed.length > 0 && !allowed.includes(channel)) {
      throw new SimulationError(`flow "${flow.id}" cannot start on ${channel}; its start node allows ${allowed.join(', ')}`);
    }
    const started = startJourney(this.machine, {
      conversationId: options.conversationId ?? 'simulation',
      contact: Contact.parse(options.contact ?? {}),
      channel,
      now: this.isoNow(),
      vars: options.vars ?? {},
    });
    this.snapshot = started.snapshot;
    this.drain(this.absorb(started));
  }

  customer(action: CustomerAction): SimulationState {
    this.beginStep();
    const channel = action.channel ?? this.context().channel;
    if (action.hangup) {
      this.send({ type: 'HANGUP', at: this.isoNow(), channel });
      return this.state();
    }
    const text = action.text;
    this.transcript.push({
      direction: 'in',
      channel,
      text: text ?? (action.digits !== undefined ? `#${action.digits}` : `[${action.payload ?? ''}]`),
      ...(text === undefined && action.digits !== undefined ? { digits: action.digits } : {}),
      author: 'customer',
      at: this.isoNow(),
    });
    this.send({
      type: 'CUSTOMER',
      at: this.isoNow(),
      channel,
      ...(text !== undefined ? { text } : {}),
      ...(action.digits !== undefined ? { digits: action.digits } : {}),
      ...(action.payload !== undefined ? { payload: action.payload } : {}),
    });
    return this.state();
  }

  advance(duration: string | number): SimulationState {
    this.beginStep();
    const ms = typeof duration === 'number' ? duration : durationMs(duration);
    const until = this.nowMs + ms;
    for (let due = this.timers.takeDue(until); due; due = this.timers.takeDue(until)) {
      this.nowMs = Math.max(this.nowMs, due.dueMs);
      if (this.snapshot.status !== 'active') break;
      this.send({ type: 'TIMER', at: this.isoNow(), token: due.token });
    }
    this.nowMs = until;
    return this.state();
  }

  agent(action: AgentAction): SimulationState {
    this.beginStep();
    const at = this.isoNow();
    const agent = action.agent !== undefined ? { agent: action.agent } : {};
    const event: FlowEvent | undefined =
      action.reply !== undefined
        ? { type: 'AGENT_REPLY', at, text: action.reply, ...agent }
        : action.transfer !== undefined
          ? { type: 'AGENT_TRANSFER', at, queue: action.transfer }
          : action.resolve
            ? { type: 'AGENT_RESOLVE', at, ...agent }
            : action.accept
              ? { type: 'AGENT_ACCEPT', at, ...agent }
              : undefined;
    if (!event) throw new SimulationError('an agent action needs one of accept, reply, transfer or resolve');
    if (!this.send(event)) {
      throw new SimulationError(`no agent can act now: the conversation is not with an agent (it is at "${this.context().at}")`);
    }
    return this.state();
  }

  state(): SimulationState {
    const context = this.context();
    return {
      at: context.at,
      vars: context.vars,
      sent: this.sent,
      path: this.path,
      ended: this.snapshot.status === 'done',
      outcome: context.outcome,
      handoff: context.handoff,
      channel: context.channel,
      now: this.isoNow(),
      transcript: this.transcript,
      metrics: this.metrics,
      warnings: this.warnings,
      identities: this.identities,
    };
  }

  private context(): FlowContext {
    return this.snapshot.context;
  }

  private isoNow(): string {
    if (this.isoCache[0] !== this.nowMs) this.isoCache = [this.nowMs, new Date(this.nowMs).toISOString()];
    return this.isoCache[1];
  }

  private beginStep(): void {
    if (this.snapshot.status === 'done') throw new SimulationError('the conversation has ended');
    this.sent = [];
    this.path = [];
  }

  /** Applies an event and every HTTP answer it leads to; false when nothing took the event. */
  private send(first: FlowEvent): boolean {
    return this.drain([first]);
  }

  /** Applies events in order, with the events their effects lead to; true when any took effect. */
  private drain(queue: FlowEvent[]): boolean {
    let changed = false;
    for (let count = 0; queue.length > 0; count++) {
      if (count >= MAX_CHAINED_EVENTS) throw new SimulationError('the flow keeps calling HTTP without waiting; check for a loop');
      const result = applyEvent(this.machine, this.snapshot, queue.shift()!);
      this.snapshot = result.snapshot;
      changed ||= result.changed;
      queue.push(...this.absorb(result));
    }
    return changed;
  }

  /** Records a step's effects; returns the events they cause (mocked HTTP answers). */
  private absorb(result: StepResult): FlowEvent[] {
    const follow: FlowEvent[] = [];
    for (const effect of result.effects) {
      const event = this.perform(effect);
      if (event) follow.push(event);
    }
    return follow;
  }

  private perform(effect: Effect): FlowEvent | undefined {
    switch (effect.type) {
      case 'send': {
        const { type: _type, ...message } = effect;
        this.sent.push({ ...message, at: this.isoNow() });
        this.transcript.push({ direction: 'out', channel: effect.channel, text: effect.text, author: effect.author, at: this.isoNow() });
        return undefined;
      }
      case 'timer.set':
        this.timers.set(effect.token, Date.parse(effect.due));
        return undefined;
      case 'timer.cancel':
        this.timers.cancel(effect.token);
        return undefined;
      case 'http.request': {
        const answer = answerFromMocks(this.mocks, effect.method, effect.url, this.mockCalls);
        if (!answer) throw new SimulationError(`no HTTP mock matches ${effect.method} ${effect.url} (node "${effect.node}"); add one to "mocks.http"`);
        return { type: 'HTTP_RESULT', at: this.isoNow(), requestId: effect.requestId, ...answer };
      }
      case 'enter':
        this.path.push(effect.node);
        this.coverage.enter(effect.flow, effect.nodeId);
        return undefined;
      case 'leave':
        this.coverage.leave(effect.flow, effect.nodeId, effect.handle);
        return undefined;
      case 'metric':
        this.metrics.push({ name: effect.name, value: effect.value, node: effect.node });
        return undefined;
      case 'error':
        this.warnings.push(`${effect.node}: ${effect.message}`);
        return undefined;
      case 'identity.link':
        this.identities.push({ kind: effect.kind, address: effect.address });
        return undefined;
      case 'handoff.queued':
      case 'handoff.transferred':
      case 'handoff.accepted':
      case 'handoff.closed':
      case 'end':
        return undefined;
      default: {
        const exhaustive: never = effect;
        throw new Error(`unknown effect ${JSON.stringify(exhaustive)}`);
      }
    }
  }
}

function startChannels(flow: CompiledFlow): Channel[] {
  const start = flow.config.states[flow.config.initial];
  const channels = start?.meta?.channels;
  return Array.isArray(channels) ? channels.filter((c): c is Channel => typeof c === 'string') : [];
}
