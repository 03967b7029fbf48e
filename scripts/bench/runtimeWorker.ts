// A worker process of the runtime benchmark, forked by runtime.ts: what `npm run worker` runs
// (a Runtime on PostgreSQL taking jobs from BullMQ), with an `api` adapter that reports every
// outbound message and the moment send() was called back to the driver.
import { openDatabase } from '../../server/db/client';
import type { ChannelAdapter } from '../../server/runtime/adapters';
import { BullQueue } from '../../server/runtime/bullQueue';
import { Runtime } from '../../server/runtime/runtime';
import type { StageObserver } from '../../server/runtime/stages';
import { FromWorker, ToWorker, WorkerConfig, wallMs, type Outbound } from './ipc';

const FLUSH_MS = 5;

main().catch((error: unknown) => {
  console.error('bench worker failed:', error);
  process.exit(1);
});

async function main(): Promise<void> {
  const config = WorkerConfig.parse(JSON.parse(process.env.BENCH_WORKER ?? '{}'));
  const database = await openDatabase({ url: config.databaseUrl, poolSize: config.poolSize });
  // Each conversation's latest time at each stage, sent along with its next outbound message.
  const stages = new Map<string, Record<string, number>>();
  const observe: StageObserver = (stage, conversationIds, at) => {
    for (const id of conversationIds) {
      const times = stage === 'fetched' ? {} : (stages.get(id) ?? {});
      times[stage] = at;
      stages.set(id, times);
    }
  };
  const queue = new BullQueue({ url: config.redisUrl, prefix: config.prefix, concurrency: config.concurrency, observe });
  // Reported in batches: one IPC message per outbound message would cost the driver more CPU
  // than the runtime spends sending it.
  let pending: Outbound[] = [];
  const flush = () => {
    if (pending.length === 0) return;
    tell({ type: 'sent', items: pending });
    pending = [];
  };
  const flusher = setInterval(flush, FLUSH_MS);
  const api: ChannelAdapter = {
    send: async (message) => {
      const times = stages.get(message.conversationId);
      pending.push({ key: message.idempotencyKey, conversationId: message.conversationId, text: message.text, at: wallMs(), ...(times ? { stages: times } : {}) });
    },
  };
  const runtime = new Runtime({ db: database.db, queue, adapters: { api }, observe, ...(config.applyInFlight ? { batch: { maxInFlight: config.applyInFlight } } : {}), ...(config.sweepMs ? { sweepMs: config.sweepMs } : {}) });
  await runtime.startWorker();

  // Ctrl+C reaches the whole process group: the driver decides when workers stop.
  process.on('SIGINT', () => undefined);
  // A driver that died without saying stop must not leave workers behind.
  const orphaned = () => process.exit(1);
  process.once('disconnect', orphaned);
  process.on('message', (raw) => {
    if (!ToWorker.safeParse(raw).success) return;
    void (async () => {
      await runtime.stop();
      await queue.close();
      await database.close();
      clearInterval(flusher);
      flush();
      process.off('disconnect', orphaned);
      // Sent last and waited for, so every report above has been handed over before exiting.
      process.send?.({ type: 'stopped' } satisfies FromWorker, () => process.exit(0));
    })();
  });
  tell({ type: 'ready' });
}

function tell(message: FromWorker): void {
  process.send?.(message);
}
