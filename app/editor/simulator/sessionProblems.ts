// Turns what the simulator throws into data the drawer words in English or Thai. The
// simulator's messages are English sentences; the few it is known to produce are recognised
// here, anything else is shown as it came.
import { localizeDiagnostic, SimulationError } from '@/flows';
import { t, type Locale } from '@/app/i18n/messages';
import type { SessionProblem } from './sessionTypes';

/** A duration the user typed that is not like 30s, 10m, 2h or 1d. */
export class InvalidDuration extends Error {
  override readonly name = 'InvalidDuration';
  constructor(readonly duration: string) {
    super(`invalid duration "${duration}"`);
  }
}

const NO_MOCK = /^no HTTP mock matches (\S+) (.+) \(node "(.+)"\)/;
const NO_AGENT = /^no agent can act now: .*\(it is at "(.*)"\)$/;
const BAD_CHANNEL = /cannot start on (\S+); its start node allows (.+)$/;

export function problemFromError(error: unknown): SessionProblem {
  if (error instanceof InvalidDuration) return { kind: 'badDuration', duration: error.duration };
  const message = error instanceof Error ? error.message : String(error);
  if (!(error instanceof SimulationError)) return { kind: 'other', message };
  const noMock = NO_MOCK.exec(message);
  if (noMock) return { kind: 'noMock', method: noMock[1] ?? '', url: noMock[2] ?? '', node: noMock[3] ?? '' };
  if (message === 'the conversation has ended') return { kind: 'ended' };
  const noAgent = NO_AGENT.exec(message);
  if (noAgent) return { kind: 'noAgent', at: noAgent[1] ?? '' };
  const badChannel = BAD_CHANNEL.exec(message);
  if (badChannel) return { kind: 'badChannel', channel: badChannel[1] ?? '', allowed: badChannel[2] ?? '' };
  if (message.includes('keeps calling HTTP')) return { kind: 'loop' };
  return { kind: 'other', message };
}

/** The problem as one sentence in `locale`. */
export function problemText(problem: SessionProblem, locale: Locale): string {
  switch (problem.kind) {
    case 'compile': {
      const listed = problem.diagnostics.map((d) => `${d.nodeId ? `${d.nodeId}: ` : ''}${localizeDiagnostic(d, locale)}`);
      return t(locale, 'simProblemCompile', { problems: listed.join('; ') });
    }
    case 'noMock':
      return t(locale, 'simProblemNoMock', { method: problem.method, url: problem.url, node: problem.node });
    case 'ended':
      return t(locale, 'simProblemEnded');
    case 'noAgent':
      return t(locale, 'simProblemNoAgent', { node: problem.at });
    case 'badChannel':
      return t(locale, 'simProblemBadChannel', { channel: problem.channel, allowed: problem.allowed });
    case 'loop':
      return t(locale, 'simProblemLoop');
    case 'badDuration':
      return t(locale, 'simProblemBadDuration', { duration: problem.duration });
    case 'badMocks':
      return t(locale, 'simProblemBadMocks', { problems: problem.message });
    case 'other':
      return t(locale, 'simProblemOther', { message: problem.message });
    default: {
      const exhaustive: never = problem;
      return String(exhaustive);
    }
  }
}
