// Replays an example journey (DESIGN.md "Journey test") against the running API over HTTP:
// customer steps are POST /api/v1/events, agent steps POST /api/v1/conversations/:id/agent, and
// each step's `expect` is checked on GET /api/v1/conversations/:id with the simulator's own
// matcher. `path` is not checked: the nodes a step entered are not visible over HTTP.
import { randomBytes } from 'node:crypto';
import { and, asc, eq, isNull, lte } from 'drizzle-orm';
import { z } from 'zod';
import { Channel, type FlowDocument, type SentMessage, type SimulationState } from '@/flows';
import { firstMismatch } from '@/flows/journey/expect';
import { durationMs } from '@/flows/lang/duration';
import type { JourneyStep } from '@/flows/journey/schema';
import { timers } from '../db/schema';
import { setBinding } from '../runtime/bindings';
import type { ApiHarness } from './apiHarness';
import { createJourneyContact, publishWithVars, type ExampleJourney } from './journeySetup';
import type { MockHttpServer } from './mockHttp';

export interface ReplayTarget {
  api: ApiHarness;
  /** An API key for /api/v1. */
  key: string;
  mocks: MockHttpServer;
  /** Sets the runtime's clock so that events from now on carry this time. */
  setNow(iso: string): void;
  /** The runtime's clock now. */
  now(): Date;
}

/** Replays the journey on its flow; throws an Error naming the journey, step and mismatch. */
export async function replayJourney(target: ReplayTarget, example: ExampleJourney, flow: FlowDocument): Promise<void> {
  const { journey } = example;
  const db = target.api.services.db;
  target.setNow(journey.now ?? new Date().toISOString());
  target.mocks.use(journey.mocks?.http ?? []);
  const channel = journey.channel ?? startChannel(flow);
  await setBinding(db, { channel, flowId: flow.id });
  const address = `journey-${randomBytes(6).toString('hex')}`;
  await createJourneyContact(db, journey, flow, address);
  const restore = journey.vars ? await publishWithVars(db, flow, journey.vars) : undefined;
  const replay = new Replay(target, example, address);
  try {
    // The simulator starts a journey with no message; over HTTP the contact's first event
    // starts it. An empty text is an opening no node reads (an intent step needs words).
    await replay.open(channel);
    for (const [index, step] of journey.steps.entries()) await replay.step(index, step);
  } finally {
    await replay.stopTimers();
    await restore?.();
  }
}

const View = z.object({
  id: z.string(),
  status: z.string(),
  at: z.string().nullable(),
  outcome: z.string().nullable(),
  channel: Channel,
  vars: z.record(z.string(), z.unknown()),
  handoff: z
    .object({ queue: z.string(), skills: z.array(z.string()), status: z.enum(['queued', 'accepted']), agent: z.string().nullable(), summary: z.string().nullable() })
    .nullable(),
  messages: z.array(z.object({ id: z.number(), direction: z.string(), channel: Channel, text: z.string().nullable(), author: z.string(), at: z.string() })),
});
type View = z.infer<typeof View>;

const Accepted = z.object({ conversationId: z.string() });

class Replay {
  private conversationId = '';
  /** The last transcript position a step has looked at: later outbound messages are its `sent`. */
  private seen = 0;
  /** The journey's channel as last seen: where a customer step without `channel` writes. */
  private channel: Channel = 'webchat';

  constructor(
    private readonly target: ReplayTarget,
    private readonly example: ExampleJourney,
    private readonly address: string,
  ) {}

  async open(channel: Channel): Promise<void> {
    const calls = this.target.mocks.calls();
    const answer = await this.post('/events', { channel, from: this.address, text: '' });
    this.conversationId = Accepted.parse(answer).conversationId;
    await this.settle(calls);
  }

  async step(index: number, step: JourneyStep): Promise<void> {
    const fail = (message: string, view?: View): never => {
      throw new Error(`${this.example.name}.journey.json ("${this.example.journey.name}"), step ${index + 1}: ${message}\n${describeStep(step)}${view ? `\n${describeView(view)}` : ''}`);
    };
    const calls = this.target.mocks.calls();
    try {
      if (step.customer) await this.customer(step.customer);
      else if (step.agent) await this.agent(step.agent);
      else if (step.wait !== undefined) await this.advance(durationMs(step.wait));
    } catch (error) {
      fail(error instanceof Error ? error.message : String(error));
    }
    const view = await this.settle(calls);
    const sent = view.messages.filter((message) => message.id > this.seen).flatMap(outbound);
    this.seen = Math.max(this.seen, ...view.messages.map((message) => message.id));
    const unmatched = this.target.mocks.unmatched();
    if (unmatched.length > 0) fail(`no HTTP mock matches ${unmatched.join(', ')}`, view);
    const { path: _notVisible, ...expect } = step.expect ?? {};
    const mismatch = firstMismatch(expect, stateOf(view, sent));
    if (mismatch) fail(mismatch, view);
  }

  /**
   * Cancels the timers the journey left (a menu's 10 s timeout): armed on the wall clock, they
   * would fire during a later journey, stamped with its clock, and could call its mocks. There
   * is no API to close a conversation, so the rows are marked the way a cancelled timer is.
   */
  async stopTimers(): Promise<void> {
    if (!this.conversationId) return;
    await this.target.api.services.db
      .update(timers)
      .set({ cancelledAt: new Date() })
      .where(and(eq(timers.conversationId, this.conversationId), isNull(timers.firedAt), isNull(timers.cancelledAt)));
  }

  private async customer(action: NonNullable<JourneyStep['customer']>): Promise<void> {
    const channel = action.channel ?? this.channel;
    const { text, digits, payload, hangup } = action;
    const answer = await this.post('/events', { channel, from: this.address, text, digits, payload, ...(hangup ? { hangup: true } : {}) });
    const { conversationId } = Accepted.parse(answer);
    if (conversationId !== this.conversationId) throw new Error(`the event went to another conversation (${conversationId}): the journey's had ended`);
  }

  /**
   * The simulator's `advance`: the clock moves to each of the conversation's timers due within
   * the wait, in order, and fires it (a fired timer may set the next), then to the wait's end.
   * Timers armed on the wall clock never fire early, so they keep out of the way.
   */
  private async advance(ms: number): Promise<void> {
    const { db, runtime } = this.target.api.services;
    const until = this.target.now().getTime() + ms;
    for (;;) {
      const [next] = await db
        .select({ fireAt: timers.fireAt })
        .from(timers)
        .where(and(eq(timers.conversationId, this.conversationId), isNull(timers.firedAt), isNull(timers.cancelledAt), lte(timers.fireAt, new Date(until))))
        .orderBy(asc(timers.fireAt))
        .limit(1);
      if (!next) break;
      this.target.setNow(new Date(Math.max(next.fireAt.getTime(), this.target.now().getTime())).toISOString());
      const calls = this.target.mocks.calls();
      await runtime.fireDueTimers();
      await this.settle(calls);
    }
    this.target.setNow(new Date(until).toISOString());
  }

  private async agent(action: NonNullable<JourneyStep['agent']>): Promise<void> {
    const agent = action.agent !== undefined ? { agent: action.agent } : {};
    // The simulator's order when a step names more than one.
    const body =
      action.reply !== undefined
        ? { action: 'reply', text: action.reply, ...agent }
        : action.transfer !== undefined
          ? { action: 'transfer', queue: action.transfer }
          : action.resolve
            ? { action: 'resolve', ...agent }
            : action.accept
              ? { action: 'accept', ...agent }
              : undefined;
    if (!body) throw new Error('an agent action needs one of accept, reply, transfer or resolve');
    await this.post(`/conversations/${this.conversationId}/agent`, body);
  }

  /**
   * Waits until the runtime is idle and the step's HTTP calls have come back. A step that made
   * no call is done once its events are applied; after a call, the view must also stay the same
   * between two looks, since the answer becomes an event only once the call returns.
   */
  private async settle(callsBefore: number): Promise<View> {
    const { runtime } = this.target.api.services;
    let last = '';
    for (let tries = 0; tries < 200; tries++) {
      await runtime.idle();
      const view = await this.view();
      const shown = JSON.stringify(view);
      const calm = this.target.mocks.inFlight() === 0;
      if (calm && (this.target.mocks.calls() === callsBefore || shown === last)) {
        this.channel = view.channel;
        return view;
      }
      last = shown;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    throw new Error(`${this.example.name}: conversation ${this.conversationId} did not settle`);
  }

  private async view(): Promise<View> {
    const response = await fetch(`${this.target.api.url}/api/v1/conversations/${this.conversationId}`, { headers: this.headers() });
    if (!response.ok) throw new Error(`GET conversation: ${response.status} ${await response.text()}`);
    return View.parse(await response.json());
  }

  private async post(path: string, body: unknown): Promise<unknown> {
    const response = await fetch(`${this.target.api.url}/api/v1${path}`, { method: 'POST', headers: this.headers(), body: JSON.stringify(body) });
    const answer: unknown = await response.json();
    if (response.status !== 202) throw new Error(`POST ${path} ${JSON.stringify(body)} answered ${response.status} ${JSON.stringify(answer)}`);
    return answer;
  }

  private headers(): Record<string, string> {
    return { authorization: `Bearer ${this.target.key}`, 'content-type': 'application/json' };
  }
}

function startChannel(flow: FlowDocument): Channel {
  const start = flow.nodes.find((node) => node.type === 'start');
  const first = z.object({ channels: z.array(Channel).min(1) }).safeParse(start?.data);
  return (first.success ? first.data.channels[0] : undefined) ?? 'webchat';
}

/** A view's outbound message as the simulator records what a step sent. */
function outbound(message: View['messages'][number]): SentMessage[] {
  if (message.direction !== 'out' || (message.author !== 'bot' && message.author !== 'agent')) return [];
  return [{ channel: message.channel, text: message.text ?? '', author: message.author, node: '', at: message.at }];
}

/** The view as the simulator's state, for its matcher; what HTTP does not show is left empty. */
function stateOf(view: View, sent: SentMessage[]): SimulationState {
  const { handoff } = view;
  return {
    at: view.at ?? '',
    vars: view.vars,
    sent,
    path: [],
    ended: view.status === 'ended',
    outcome: view.outcome,
    handoff: handoff && {
      node: '',
      queue: handoff.queue,
      skills: handoff.skills,
      priority: 0,
      status: handoff.status,
      ...(handoff.agent !== null ? { agent: handoff.agent } : {}),
      ...(handoff.summary !== null ? { summary: handoff.summary } : {}),
    },
    channel: view.channel,
    now: '',
    transcript: [],
    metrics: [],
    warnings: [],
  };
}

function describeStep(step: JourneyStep): string {
  const action = step.customer ? `customer ${JSON.stringify(step.customer)}` : step.agent ? `agent ${JSON.stringify(step.agent)}` : 'no action';
  return `  step: ${action}, expect ${JSON.stringify(step.expect ?? {})}`;
}

function describeView(view: View): string {
  const { messages, ...state } = view;
  const transcript = messages.map((m) => `    ${m.id} ${m.direction} [${m.channel}] ${m.author}: ${JSON.stringify(m.text)}`);
  return [`  observed: ${JSON.stringify(state)}`, '  transcript:', ...transcript].join('\n');
}
