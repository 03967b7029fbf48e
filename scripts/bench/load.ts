// The runtime benchmark's load: contacts sending text on the `api` channel through
// Runtime.ingest — in bursts, as a closed loop (each contact waits for the echo of its last
// message, as a person chatting does) or paced at a fixed rate whatever happens (open loop).
import type { Runtime } from '../../server/runtime/runtime';
import { inParallel } from './ceilings';
import { wallMs } from './ipc';
import type { Tracker } from './tracker';

const DRAIN_TIMEOUT_MS = 60_000;

/** Set when a run is being torn down: no new events, and failures of those in flight are expected. */
let stopped = false;

export function stopLoad(): void {
  stopped = true;
}

export interface BenchContact {
  from: string;
  conversationId: string;
  /** The last event number this contact sent; its texts are `m1`, `m2`, … */
  seq: number;
  /** This contact's ingests run one after another, so arrival order is sending order. */
  chain: Promise<unknown>;
}

export interface Phase {
  /** Events stored (failed ingests are not counted). */
  events: number;
  /** From the first event due to the last echo sent. */
  seconds: number;
  failedIngests: number;
}

/** One opening message per contact: makes the contacts and their conversations (not echoed). */
export async function openConversations(runtime: Runtime, count: number): Promise<{ contacts: BenchContact[]; seconds: number }> {
  const started = wallMs();
  const contacts: BenchContact[] = [];
  await inParallel(count, 32, async (i) => {
    const from = `bench-${i}`;
    const { conversationId } = await runtime.ingest({ channel: 'api', from, text: 'hello', messageId: `${from}-0` });
    contacts[i] = { from, conversationId, seq: 0, chain: Promise.resolve() };
  });
  await runtime.idle();
  return { contacts, seconds: (wallMs() - started) / 1000 };
}

/**
 * Every contact sends `perContact` events back to back (each after the previous one is stored,
 * none waiting for an echo), all contacts at once. Several events of one conversation are then
 * pending together and several workers hold jobs for it: the case per-conversation order is for.
 */
export async function burst(runtime: Runtime, contacts: BenchContact[], perContact: number, tracker: Tracker): Promise<Phase> {
  tracker.reset();
  const started = wallMs();
  let sent = 0;
  await Promise.all(
    contacts.map(async (contact) => {
      for (let i = 0; i < perContact && !stopped; i++) if (await send(runtime, contact, wallMs(), tracker)) sent++;
    }),
  );
  return drained(tracker, sent, contacts.length * perContact - sent, started);
}

/**
 * Every contact sends, waits for the echo, sends again, until `seconds` have passed: all
 * conversations busy, one event in flight in each, so each event is applied on its own — the
 * rate the paced phase is a fraction of.
 */
export async function closedLoop(runtime: Runtime, contacts: BenchContact[], seconds: number, tracker: Tracker): Promise<Phase> {
  tracker.reset();
  const started = wallMs();
  const until = started + seconds * 1000;
  let sent = 0;
  let failed = 0;
  const loops = Promise.all(
    contacts.map(async (contact) => {
      while (wallMs() < until && !stopped) {
        const watch = await sendAndWatch(runtime, contact, wallMs(), tracker);
        if (!watch) {
          failed++;
          break;
        }
        sent++;
        await watch.echoed;
      }
    }),
  );
  await withTimeout(loops, (seconds * 1000) + DRAIN_TIMEOUT_MS, () => `the closed loop did not finish: ${tracker.missing} echoes missing`);
  return { events: sent, seconds: (tracker.lastAt - started) / 1000, failedIngests: failed };
}

/**
 * An open-loop generator: event j is due at start + j / rate, to contact j mod n, whether or
 * not earlier events were answered. Latency counts from when an event was due, so a driver
 * that falls behind shows up in the figures instead of hiding them.
 */
export async function paced(runtime: Runtime, contacts: BenchContact[], rate: number, seconds: number, tracker: Tracker): Promise<Phase> {
  tracker.reset();
  const events = Math.max(1, Math.round(rate * seconds));
  const interval = 1000 / rate;
  const started = wallMs() + 5;
  let sent = 0;
  let next = 0;
  while (next < events && !stopped) {
    const now = wallMs();
    for (; next < events && started + next * interval <= now; next++) {
      const contact = contacts[next % contacts.length];
      if (!contact) continue;
      const dueAt = started + next * interval;
      contact.chain = contact.chain.then(async () => {
        if (await send(runtime, contact, dueAt, tracker)) sent++;
      });
    }
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
  await Promise.all(contacts.map((contact) => contact.chain));
  return drained(tracker, sent, events - sent, started);
}

async function drained(tracker: Tracker, sent: number, failedIngests: number, started: number): Promise<Phase> {
  await tracker.waitFor(sent, DRAIN_TIMEOUT_MS);
  return { events: sent, seconds: (tracker.lastAt - started) / 1000, failedIngests };
}

/** Ingests the contact's next event; false when ingest failed. */
async function send(runtime: Runtime, contact: BenchContact, dueAt: number, tracker: Tracker): Promise<boolean> {
  return (await sendAndWatch(runtime, contact, dueAt, tracker)) !== undefined;
}

/** Ingests the contact's next event: its echo to come, or undefined (and a line on stderr) when ingest failed. */
async function sendAndWatch(runtime: Runtime, contact: BenchContact, dueAt: number, tracker: Tracker): Promise<{ echoed: Promise<void> } | undefined> {
  const seq = ++contact.seq;
  const { text, echoed } = tracker.expect(contact.conversationId, seq, dueAt);
  try {
    await runtime.ingest({ channel: 'api', from: contact.from, text, messageId: `${contact.from}-${seq}` });
    // Wrapped: an async function returning the promise itself would wait for the echo.
    return { echoed };
  } catch (error) {
    tracker.forget(contact.conversationId, seq);
    if (!stopped) console.error(`ingest failed for ${contact.from} #${seq}:`, error);
    return undefined;
  }
}

function withTimeout<T>(work: Promise<T>, ms: number, message: () => string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(message())), ms)));
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
