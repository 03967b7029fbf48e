import type { SentMessage, SimulationState } from '../simulate/simulation';
import type { Expectation, SentMatcher } from './schema';

/**
 * The first way a state differs from an expectation, as "expected … , got …"; `undefined`
 * when it matches. `sent` and `path` are the messages and nodes of this step only.
 */
export function firstMismatch(expect: Expectation, state: SimulationState): string | undefined {
  if (expect.at !== undefined && !sameNode(state.at, expect.at)) {
    return `expected at "${expect.at}", got "${state.at}"${state.ended ? ' (the conversation has ended)' : ''}`;
  }
  if (expect.sent !== undefined) {
    const problem = sentMismatch(expect.sent, state.sent);
    if (problem) return problem;
  }
  if (expect.vars !== undefined) {
    for (const [name, value] of Object.entries(expect.vars)) {
      if (!contains(state.vars[name], value)) {
        return `expected vars.${name} = ${show(value)}, got ${show(state.vars[name])}`;
      }
    }
  }
  if (expect.handoff !== undefined) {
    const problem = handoffMismatch(expect.handoff, state);
    if (problem) return problem;
  }
  if (expect.ended !== undefined && expect.ended !== state.ended) {
    return `expected ended ${expect.ended}, got ${state.ended}${state.ended ? ` (outcome "${state.outcome}")` : ` (at "${state.at}")`}`;
  }
  if (expect.outcome !== undefined && expect.outcome !== state.outcome) {
    return `expected outcome "${expect.outcome}", got ${state.outcome === null ? 'none (not ended)' : `"${state.outcome}"`}`;
  }
  if (expect.path !== undefined) {
    const same = expect.path.length === state.path.length && expect.path.every((node, i) => sameNode(state.path[i]!, node));
    if (!same) return `expected path ${show(expect.path)}, got ${show(state.path)}`;
  }
  if (expect.channel !== undefined && expect.channel !== state.channel) {
    return `expected channel ${expect.channel}, got ${state.channel}`;
  }
  return undefined;
}

/** A node id matches its qualified form inside subflows (`verify/ask-dob`) by either part. */
function sameNode(actual: string, expected: string): boolean {
  if (actual === expected) return true;
  const parts = actual.split('/');
  return parts[0] === expected || parts[parts.length - 1] === expected;
}

function sentMismatch(matchers: readonly SentMatcher[], sent: readonly SentMessage[]): string | undefined {
  let from = 0;
  for (const [index, matcher] of matchers.entries()) {
    const found = sent.findIndex((message, i) => i >= from && messageMatches(message, matcher));
    if (found === -1) {
      const got = sent.length === 0 ? 'no messages' : sent.map((m) => `[${m.channel}] ${show(m.text)}`).join(', ');
      const after = index > 0 ? ` after message ${from}` : '';
      return `expected a message ${describeMatcher(matcher)}${after}, got ${got}`;
    }
    from = found + 1;
  }
  return undefined;
}

function messageMatches(message: SentMessage, matcher: SentMatcher): boolean {
  if (matcher.channel !== undefined && message.channel !== matcher.channel) return false;
  if (matcher.author !== undefined && message.author !== matcher.author) return false;
  if (matcher.equals !== undefined && message.text !== matcher.equals) return false;
  if (matcher.text !== undefined && !message.text.includes(matcher.text)) return false;
  return true;
}

function describeMatcher(matcher: SentMatcher): string {
  const parts: string[] = [];
  if (matcher.equals !== undefined) parts.push(`equal to ${show(matcher.equals)}`);
  if (matcher.text !== undefined) parts.push(`containing ${show(matcher.text)}`);
  if (matcher.channel !== undefined) parts.push(`on ${matcher.channel}`);
  if (matcher.author !== undefined) parts.push(`from the ${matcher.author}`);
  return parts.join(' ') || '(any)';
}

function handoffMismatch(expected: NonNullable<Expectation['handoff']>, state: SimulationState): string | undefined {
  const actual = state.handoff;
  if (!actual) return `expected a handoff${expected.queue ? ` to queue "${expected.queue}"` : ''}, got none (at "${state.at}")`;
  if (expected.queue !== undefined && expected.queue !== actual.queue) {
    return `expected handoff queue "${expected.queue}", got "${actual.queue}"`;
  }
  const missing = (expected.skills ?? []).filter((skill) => !actual.skills.includes(skill));
  if (missing.length > 0) return `expected handoff skills ${show(expected.skills)}, got ${show(actual.skills)}`;
  if (expected.status !== undefined && expected.status !== actual.status) {
    return `expected handoff status "${expected.status}", got "${actual.status}"`;
  }
  return undefined;
}

/** Deep equality where an expected object may list a subset of the actual object's keys. */
function contains(actual: unknown, expected: unknown): boolean {
  if (Object.is(actual, expected)) return true;
  if (Array.isArray(expected)) {
    return Array.isArray(actual) && actual.length === expected.length && expected.every((item, i) => contains(actual[i], item));
  }
  if (typeof expected === 'object' && expected !== null) {
    if (typeof actual !== 'object' || actual === null || Array.isArray(actual)) return false;
    return Object.entries(expected).every(([key, value]) => contains(Reflect.get(actual, key), value));
  }
  return false;
}

function show(value: unknown): string {
  return value === undefined ? 'nothing' : JSON.stringify(value);
}
