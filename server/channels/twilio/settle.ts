// A voice answer can only say what the journey did with the caller's input once the runtime
// has applied it (in this process or in a worker). Waiting is event-driven: the notifier wakes
// the watch when the conversation changes (Redis pub/sub across processes), and a short poll
// covers a lost notification. A watch is opened before the input is ingested where the
// conversation is known, so a worker's notification cannot come before the subscription (Redis
// SUBSCRIBE is asynchronous). Twilio gives a webhook 15 s; the wait is bounded well below that.
import type { Database } from '../../db/client';
import type { ConversationNotifier } from '../../runtime/notifier';
import { readVoiceState, type VoiceState } from './voiceState';

const POLL_MS = 100;

export class ConversationWatch {
  private changed = false;
  private wake: (() => void) | undefined;
  private readonly unsubscribe: () => void;

  constructor(
    private readonly db: Database,
    notifier: ConversationNotifier,
    readonly conversationId: string,
  ) {
    this.unsubscribe = notifier.subscribe(conversationId, () => {
      this.changed = true;
      this.wake?.();
    });
  }

  /** The state once `done(state)` holds, or the last state read when `timeoutMs` is up. */
  async until(done: (state: VoiceState) => boolean, timeoutMs: number): Promise<VoiceState> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      this.changed = false;
      const state = await readVoiceState(this.db, this.conversationId);
      const left = deadline - Date.now();
      if (done(state) || left <= 0) return state;
      await this.nap(Math.min(POLL_MS, left));
    }
  }

  close(): void {
    this.unsubscribe();
  }

  /** Sleeps until a change is notified or `ms` pass; at once when one came during the last read. */
  private nap(ms: number): Promise<void> {
    if (this.changed) return Promise.resolve();
    return new Promise<void>((resolve) => {
      const finish = () => {
        clearTimeout(timer);
        this.wake = undefined;
        resolve();
      };
      const timer = setTimeout(finish, ms);
      this.wake = finish;
    });
  }
}

/** Every event applied and no HTTP call in flight: the journey is waiting on the caller or is over. */
export function atRest(state: VoiceState): boolean {
  if (state.status === 'ended') return true;
  return state.caughtUp && state.node?.type !== 'http';
}
