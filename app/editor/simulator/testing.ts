// Test helpers: the example flows, and a recorded session made by replaying the actions of an
// example journey, as a tester clicking through the drawer would.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { flowLibrary, FlowDocument, Journey, type FlowLibrary } from '@/flows';
import { SimulatorSession } from './session';
import type { SessionAction, SessionOptions } from './sessionTypes';

export const EXAMPLES_DIR = join(process.cwd(), 'flows/examples');

export function exampleLibrary(): FlowLibrary {
  const files = readdirSync(EXAMPLES_DIR).filter((name) => name.endsWith('.flow.json'));
  return flowLibrary(files.map((name) => JSON.parse(readFileSync(join(EXAMPLES_DIR, name), 'utf8'))));
}

export function exampleFlow(id: string): FlowDocument {
  return FlowDocument.parse(JSON.parse(readFileSync(join(EXAMPLES_DIR, `${id}.flow.json`), 'utf8')));
}

export function exampleJourney(file: string): Journey {
  return Journey.parse(JSON.parse(readFileSync(join(EXAMPLES_DIR, file), 'utf8')));
}

/** A session that took the same actions as the example journey `file`. */
export function sessionFromJourney(file: string, library: FlowLibrary = exampleLibrary()): SimulatorSession {
  const journey = exampleJourney(file);
  const options: SessionOptions = {
    channel: journey.channel ?? 'webchat',
    contact: {
      name: journey.contact?.name ?? '',
      phone: journey.contact?.phone ?? '',
      email: journey.contact?.email ?? '',
      locale: journey.contact?.locale ?? '',
    },
    now: journey.now ?? '2026-03-02T10:00:00+07:00',
    mocks: journey.mocks ?? { http: [] },
    vars: journey.vars ?? {},
  };
  const session = new SimulatorSession(library.get(journey.flow), library, options);
  for (const step of journey.steps) {
    const action = actionOf(step);
    if (action) session.apply(action);
  }
  return session;
}

function actionOf(step: Journey['steps'][number]): SessionAction | undefined {
  if (step.customer) return { kind: 'customer', customer: step.customer };
  if (step.wait !== undefined) return { kind: 'wait', wait: step.wait };
  if (step.agent) return { kind: 'agent', agent: step.agent };
  return undefined;
}
