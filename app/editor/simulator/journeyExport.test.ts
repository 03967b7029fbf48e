import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Journey, runJourney } from '@/flows';
import { buildJourney, journeyFileName } from './journeyExport';
import { EXAMPLES_DIR, exampleLibrary, sessionFromJourney } from './testing';

const library = exampleLibrary();

// Sessions that cover a subflow, an SMS link to web chat and an agent handoff (lost-card),
// timers (appointment-reminder no reply), HTTP mocks (order-status), quick-reply payloads
// (telco-support) and a queue nobody answers (insurance-claim).
const RECORDED = [
  'lost-card.happy-path-chat.journey.json',
  'lost-card.english-caller-agent.journey.json',
  'appointment-reminder.no-reply.journey.json',
  'order-status.shipped-happy-path.journey.json',
  'order-status.cancelled-order-agent.journey.json',
  'telco-support.billing-quick-reply.journey.json',
  'insurance-claim.asks-for-agent-all-busy.journey.json',
  'nps-email.crm-retry-succeeds.journey.json',
];

describe('buildJourney', () => {
  it.each(RECORDED)('turns the session recorded from %s into a journey that passes', (file) => {
    const session = sessionFromJourney(file, library);
    const view = session.view();
    expect(view.problem).toBeNull();
    const journey = buildJourney(view, { flowId: file.split('.')[0]!, name: 'recorded' });
    expect(Journey.safeParse(journey).success).toBe(true);
    expect(journey.steps).toHaveLength(view.steps.length);
    const result = runJourney(journey, { flows: library });
    expect(result.failure).toBeUndefined();
    expect(result.passed).toBe(true);
  });

  it('expects what each step did: where it waits, what it sent, the variables it changed, the handoff and the end', () => {
    const view = sessionFromJourney('lost-card.happy-path-chat.journey.json', library).view();
    const journey = buildJourney(view, { flowId: 'lost-card', name: 'Somchai blocks a card' });
    expect(journey).toMatchObject({ flow: 'lost-card', channel: 'voice', now: '2026-03-02T21:40:00+07:00', contact: { name: 'Somchai Jaidee' } });
    expect(journey.mocks?.http).toHaveLength(2);
    const [first, ...rest] = journey.steps;
    expect(first?.expect?.at).toBe('main-menu');
    expect(first?.expect?.sent?.[0]?.channel).toBe('voice');
    expect(rest.some((step) => step.expect?.vars && Object.keys(step.expect.vars).length > 0)).toBe(true);
    expect(rest.some((step) => step.expect?.handoff?.queue !== undefined)).toBe(true);
    const last = rest[rest.length - 1];
    expect(last?.expect).toMatchObject({ ended: true, outcome: view.current?.outcome });
  });

  it('expects only the variables a step changed', () => {
    const view = sessionFromJourney('order-status.shipped-happy-path.journey.json', library).view();
    const journey = buildJourney(view, { flowId: 'order-status', name: 'x' });
    journey.steps.forEach((step, index) => {
      const before = view.steps[index - 1]?.state.vars ?? {};
      for (const name of Object.keys(step.expect?.vars ?? {})) {
        expect(JSON.stringify(view.steps[index]!.state.vars[name])).not.toBe(JSON.stringify(before[name]));
      }
    });
  });

  it('writes a journey that `switchboard test` passes beside its flow', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sim-journey-'));
    try {
      const view = sessionFromJourney('order-status.cancelled-order-agent.journey.json', library).view();
      const name = 'Cancelled order, agent helps';
      const file = journeyFileName('order-status', name);
      writeFileSync(join(dir, file), JSON.stringify(buildJourney(view, { flowId: 'order-status', name }), null, 2));
      copyFileSync(join(EXAMPLES_DIR, 'order-status.flow.json'), join(dir, 'order-status.flow.json'));
      expect(readdirSync(dir)).toContain('order-status.cancelled-order-agent-helps.journey.json');
      const run = spawnSync(process.execPath, ['bin/switchboard.mjs', 'test', dir], { encoding: 'utf8', timeout: 60_000 });
      expect(run.stdout).toMatch(/1 passed, 0 failed/);
      expect(run.status).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('journeyFileName', () => {
  it('slugs the name and keeps Thai letters', () => {
    expect(journeyFileName('lost-card', 'Caller blocks a card!')).toBe('lost-card.caller-blocks-a-card.journey.json');
    expect(journeyFileName('lost-card', 'ลูกค้าแจ้งบัตรหาย')).toBe('lost-card.ลูกค้าแจ้งบัตรหาย.journey.json');
    expect(journeyFileName('lost-card', '  ?? ')).toBe('lost-card.journey.journey.json');
  });
});
