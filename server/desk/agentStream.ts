// `GET /api/agent/stream`: tells a signed-in agent's desktop what to refetch. `inbox` when the
// routing state changes (the routing engine publishes `routing`), `conversation` `{ id }` when a
// conversation the agent has open or is assigned changes. Events carry no data to trust: the
// page refetches through tRPC, which checks access. Bursts are coalesced into one event each.
import type { ConversationNotifier } from '../runtime/notifier';

export const ROUTING_CHANNEL = 'routing';

export interface AgentStreamOptions {
  /** Conversations the page shows (its `?conversation=` ids). */
  open: string[];
  /** The conversations assigned to the agent now; asked again after every routing change. */
  assigned: () => Promise<string[]>;
  signal: AbortSignal;
  /** Comment lines that keep proxies from closing an idle stream. */
  heartbeatMs?: number;
  /** How long changes are gathered into one event. */
  coalesceMs?: number;
}

const encoder = new TextEncoder();

export function agentStream(notifier: ConversationNotifier, options: AgentStreamOptions): ReadableStream<Uint8Array> {
  let finished = false;
  const cleanups: (() => void)[] = [];
  const watched = new Map<string, () => void>();
  let inboxDue = false;
  const conversationsDue = new Set<string>();
  let flushTimer: ReturnType<typeof setTimeout> | undefined;

  return new ReadableStream<Uint8Array>({
    start(controller) {
      const write = (text: string) => {
        if (finished) return;
        try {
          controller.enqueue(encoder.encode(text));
        } catch {
          stop();
        }
      };
      const flush = () => {
        flushTimer = undefined;
        if (inboxDue) write(`event: inbox\ndata: {}\n\n`);
        inboxDue = false;
        for (const id of conversationsDue) write(`event: conversation\ndata: ${JSON.stringify({ id })}\n\n`);
        conversationsDue.clear();
      };
      const schedule = () => {
        flushTimer ??= setTimeout(flush, options.coalesceMs ?? 10);
      };
      const watch = (id: string) => {
        if (watched.has(id)) return;
        watched.set(
          id,
          notifier.subscribe(id, () => {
            conversationsDue.add(id);
            schedule();
          }),
        );
      };
      /** Follows the agent's assignments: new ones are watched, finished ones let go. */
      const followAssignments = async () => {
        const assigned = new Set(await options.assigned());
        for (const id of assigned) watch(id);
        for (const [id, unsubscribe] of watched) {
          if (!assigned.has(id) && !options.open.includes(id)) {
            unsubscribe();
            watched.delete(id);
          }
        }
      };
      const stop = () => {
        if (finished) return;
        finished = true;
        if (flushTimer) clearTimeout(flushTimer);
        for (const cleanup of cleanups) cleanup();
        for (const unsubscribe of watched.values()) unsubscribe();
        watched.clear();
        try {
          controller.close();
        } catch {
          // Already closed by the reader's cancel.
        }
      };

      cleanups.push(
        notifier.subscribe(ROUTING_CHANNEL, () => {
          inboxDue = true;
          schedule();
          void followAssignments().catch(() => undefined);
        }),
      );
      for (const id of options.open) watch(id);
      const heartbeat = setInterval(() => write(': ping\n\n'), options.heartbeatMs ?? 15_000);
      cleanups.push(() => clearInterval(heartbeat));
      options.signal.addEventListener('abort', stop, { once: true });
      write('retry: 2000\n\n');
      void followAssignments()
        .then(() => write(`event: ready\ndata: {}\n\n`))
        .catch(() => stop());
    },
    cancel() {
      finished = true;
      if (flushTimer) clearTimeout(flushTimer);
      for (const cleanup of cleanups) cleanup();
      for (const unsubscribe of watched.values()) unsubscribe();
      watched.clear();
    },
  });
}
