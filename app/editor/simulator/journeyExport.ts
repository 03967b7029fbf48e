// "Save as journey test": a recorded session as a `switchboard/journey@1` document whose
// expectations pass when `npx switchboard test` replays it.
import type { z } from 'zod';
import { JOURNEY_FORMAT, type Journey } from '@/flows';
import { contactOf } from './session';
import type { SessionAction, SessionView, StepRecord, StepState } from './sessionTypes';

type JourneyDocument = z.input<typeof Journey>;
type JourneyStepDocument = JourneyDocument['steps'][number];
type ExpectDocument = NonNullable<JourneyStepDocument['expect']>;

// Long enough to tell messages apart, short enough that a template tweak elsewhere in the
// text does not break the test.
const EXCERPT_LENGTH = 60;

/**
 * The journey test of a session: the flow, contact, channel, start time and mocks it ran with,
 * and each step's action with what it led to.
 *
 * @example buildJourney(session.view(), { flowId: 'lost-card', name: 'caller blocks a card' })
 */
export function buildJourney(view: SessionView, meta: { flowId: string; name: string }): JourneyDocument {
  const contact = contactOf(view.options);
  const http = view.options.mocks.http ?? [];
  const steps = view.steps.map((step, index) => journeyStep(step, view.steps[index - 1]?.state ?? null));
  return {
    format: JOURNEY_FORMAT,
    name: meta.name.trim() || meta.flowId,
    flow: meta.flowId,
    ...(Object.keys(contact).length > 0 ? { contact } : {}),
    channel: view.options.channel,
    now: view.options.now,
    ...(http.length > 0 ? { mocks: { http } } : {}),
    ...(Object.keys(view.options.vars).length > 0 ? { vars: view.options.vars } : {}),
    steps: steps.length > 0 ? steps : [{}],
  };
}

/** `<flow-id>.<slug-of-name>.journey.json`; Thai letters are kept, punctuation becomes `-`. */
export function journeyFileName(flowId: string, name: string): string {
  const slug = name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return `${flowId}.${slug || 'journey'}.journey.json`;
}

function journeyStep(step: StepRecord, before: StepState | null): JourneyStepDocument {
  return { ...actionOf(step.action), expect: expectationOf(step.state, before) };
}

function actionOf(action: SessionAction | null): Omit<JourneyStepDocument, 'expect'> {
  if (!action) return {};
  switch (action.kind) {
    case 'customer':
      return { customer: action.customer };
    case 'wait':
      return { wait: action.wait };
    case 'agent':
      return { agent: action.agent };
    default: {
      const exhaustive: never = action;
      throw new Error(`unknown action ${JSON.stringify(exhaustive)}`);
    }
  }
}

function expectationOf(state: StepState, before: StepState | null): ExpectDocument {
  const expect: ExpectDocument = { at: state.at };
  if (state.sent.length > 0) expect.sent = state.sent.map((m) => ({ channel: m.channel, text: excerpt(m.text) }));
  const vars = changedVars(state.vars, before?.vars ?? {});
  if (Object.keys(vars).length > 0) expect.vars = vars;
  const handoff = state.handoff;
  if (handoff && (handoff.queue !== before?.handoff?.queue || handoff.status !== before.handoff.status)) {
    expect.handoff = { queue: handoff.queue, status: handoff.status, ...(handoff.skills.length > 0 ? { skills: handoff.skills } : {}) };
  }
  if (state.ended) {
    expect.ended = true;
    if (state.outcome !== null) expect.outcome = state.outcome;
  }
  return expect;
}

function excerpt(text: string): string {
  const firstLine = text.split('\n').find((line) => line.trim() !== '') ?? text;
  return firstLine.length > EXCERPT_LENGTH ? firstLine.slice(0, EXCERPT_LENGTH) : firstLine;
}

/** Variables whose value this step changed (compared as JSON); values that vanished are skipped. */
function changedVars(after: Record<string, unknown>, before: Record<string, unknown>): Record<string, unknown> {
  const changed: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(after)) {
    if (value === undefined) continue;
    if (JSON.stringify(value) !== JSON.stringify(before[name])) changed[name] = value;
  }
  return changed;
}
