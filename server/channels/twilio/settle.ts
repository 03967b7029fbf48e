// A voice answer can only say what the journey did with the caller's input once the runtime
// has applied it (in this process or in a worker). Waiting is event-driven: the notifier wakes
// us when the conversation changes (Redis pub/sub across processes), and a short poll covers a
// lost notification. Twilio gives a webhook 15 s, so the wait is bounded well below that.
import type { Database } from '../../db/client';
import type { ConversationNotifier } from '../../runtime/notifier';
import { readVoiceState, type VoiceState } from './voiceState';

const POLL_MS = 200;

export interface SettleOptions {
  /** Give up after this long and answer with what there is (the answer then comes back to look again). */
  timeoutMs: number;
}

/** The state once `done(state)` holds, or the last state read when the time is up. */
export async function settle(
  db: Database,
  notifier: ConversationNotifier,
  conversationId: string,
  done: (state: VoiceState) => boolean,
  options: SettleOptions,
): Promise<VoiceState> {
  const deadline = Date.now() + options.timeoutMs;
  let wake: (() => void) | undefined;
  let changed = false;
  const unsubscribe = notifier.subscribe(conversationId, () => {
    changed = true;
    wake?.();
  });
  try {
    for (;;) {
      changed = false;
      const state = await readVoiceState(db, conversationId);
      const left = deadline - Date.now();
      if (done(state) || left <= 0) return state;
      // A change between the read and here has already set `changed`: read again at once.
      if (!changed) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, Math.min(POLL_MS, left));
          wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
      }
      wake = undefined;
    }
  } finally {
    unsubscribe();
  }
}

/** Every event applied and no HTTP call in flight: the journey is waiting on the caller or is over. */
export function atRest(state: VoiceState): boolean {
  if (state.status === 'ended') return true;
  return state.caughtUp && state.node?.type !== 'http';
}
