// `GET /api/v1/conversations/:id/stream`: server-sent events of a conversation as it happens.
// `message` for each transcript entry (its id is the transcript position, so a client that
// reconnects with Last-Event-ID gets only what it missed), `state` when the node, status or
// queue changes, `ended` last. The database is read on every change notification and on a
// slow poll, so a lost notification delays an event but never drops it.
import type { Database } from '../db/client';
import { loadConversation, messagesAfter, stateView, type StateView } from './conversationView';
import type { ConversationNotifier } from './notifier';

export interface StreamOptions {
  /** Transcript position already seen (Last-Event-ID); 0 sends the whole transcript. */
  after: number;
  signal: AbortSignal;
  /** Safety net for lost notifications. */
  pollMs?: number;
  /** Comment lines that keep proxies from closing an idle stream. */
  heartbeatMs?: number;
}

const encoder = new TextEncoder();

/** Throws not-found before any byte is sent, so the caller can still answer 404. */
export async function conversationStream(
  db: Database,
  notifier: ConversationNotifier,
  conversationId: string,
  options: StreamOptions,
): Promise<ReadableStream<Uint8Array>> {
  await loadConversation(db, conversationId);
  let cursor = options.after;
  let lastState = '';
  let finished = false;
  let wake: (() => void) | undefined;
  let pending = true;
  const nudge = () => {
    pending = true;
    wake?.();
  };

  return new ReadableStream<Uint8Array>({
    start(controller) {
      const unsubscribe = notifier.subscribe(conversationId, nudge);
      const poll = setInterval(nudge, options.pollMs ?? 2_000);
      // After a cancel the controller refuses writes; by then nobody is listening anyway.
      const write = (text: string) => {
        if (finished) return;
        try {
          controller.enqueue(encoder.encode(text));
        } catch {
          finished = true;
        }
      };
      const heartbeat = setInterval(() => write(': ping\n\n'), options.heartbeatMs ?? 15_000);
      const stop = () => {
        finished = true;
        unsubscribe();
        clearInterval(poll);
        clearInterval(heartbeat);
        wake?.();
      };
      options.signal.addEventListener('abort', stop, { once: true });
      const send = (event: string, data: unknown, id?: number) =>
        write(`${id === undefined ? '' : `id: ${id}\n`}event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);

      void (async () => {
        write('retry: 2000\n\n');
        while (!finished) {
          if (!pending) await new Promise<void>((resolve) => (wake = resolve));
          pending = false;
          if (finished) break;
          const [conversation, fresh] = await Promise.all([loadConversation(db, conversationId), messagesAfter(db, conversationId, cursor)]);
          for (const message of fresh) {
            send('message', message, message.id);
            cursor = message.id;
          }
          const state: StateView = stateView(conversation);
          const key = JSON.stringify(state);
          if (key !== lastState) {
            lastState = key;
            send('state', state);
          }
          if (state.status === 'ended') {
            send('ended', { outcome: state.outcome });
            break;
          }
        }
      })()
        .catch((error: unknown) => {
          if (!finished) send('error', { message: error instanceof Error ? error.message : String(error) });
        })
        .finally(() => {
          const open = !finished;
          stop();
          if (open) controller.close();
        });
    },
    cancel() {
      finished = true;
      wake?.();
    },
  });
}

/** Last-Event-ID header, or `?after=` for clients that cannot set headers. */
export function resumeAfter(request: Request): number {
  const raw = request.headers.get('last-event-id') ?? new URL(request.url).searchParams.get('after') ?? '0';
  const value = Number(raw);
  return Number.isSafeInteger(value) && value > 0 ? value : 0;
}

export const SSE_HEADERS = {
  'content-type': 'text/event-stream; charset=utf-8',
  'cache-control': 'no-cache, no-transform',
  connection: 'keep-alive',
  'x-accel-buffering': 'no',
};
