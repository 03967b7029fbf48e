// The agent stream's event logic on an in-process notifier: bursts coalesce into one event,
// conversations the agent neither opened nor was assigned stay silent, assignments are followed.
import { describe, expect, it } from 'vitest';
import { LocalNotifier } from '../runtime/notifier';
import { readEvents, type ServerSentEvent } from '../testing/sse';
import { agentStream, ROUTING_CHANNEL } from './agentStream';

const OPEN = '00000000-0000-4000-8000-000000000001';
const OTHER = '00000000-0000-4000-8000-000000000002';
const ASSIGNED = '00000000-0000-4000-8000-000000000003';

function start(assigned: string[]) {
  const notifier = new LocalNotifier();
  const controller = new AbortController();
  const stream = agentStream(notifier, { open: [OPEN], assigned: async () => assigned, signal: controller.signal, coalesceMs: 20 });
  const response = new Response(stream);
  return { notifier, controller, response };
}

const until = (events: ServerSentEvent[], predicate: (events: ServerSentEvent[]) => boolean) => predicate(events);
const tick = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('agentStream', () => {
  it('coalesces a burst into one event each, and ignores conversations that are not the agent’s', async () => {
    const { notifier, controller, response } = start([]);
    let fired = false;
    const events = await readEvents(response, (seen) => {
      if (!fired && seen.some((e) => e.event === 'ready')) {
        fired = true;
        for (let i = 0; i < 5; i++) {
          notifier.publish(OPEN);
          notifier.publish(OTHER);
          notifier.publish(ROUTING_CHANNEL);
        }
        // Something after the burst, to know when to stop reading.
        setTimeout(() => notifier.publish('routing'), 60);
      }
      return until(seen, (list) => list.filter((e) => e.event === 'inbox').length === 2);
    });
    controller.abort();
    expect(events.map((e) => `${e.event} ${e.data}`)).toEqual(['ready {}', 'inbox {}', `conversation {"id":"${OPEN}"}`, 'inbox {}']);
  });

  it('watches assigned conversations, and stops when the page goes away', async () => {
    const { notifier, controller, response } = start([ASSIGNED]);
    let fired = false;
    const events = await readEvents(response, (seen) => {
      if (!fired && seen.some((e) => e.event === 'ready')) {
        fired = true;
        notifier.publish(ASSIGNED);
      }
      return seen.some((e) => e.event === 'conversation');
    });
    expect(events.at(-1)).toEqual({ event: 'conversation', data: JSON.stringify({ id: ASSIGNED }) });
    controller.abort();
    await tick(5);
    // Nothing listens any more: publishing reaches no one.
    expect(Reflect.get(notifier, 'emitter').listenerCount(ASSIGNED)).toBe(0);
    expect(Reflect.get(notifier, 'emitter').listenerCount(ROUTING_CHANNEL)).toBe(0);
  });
});
