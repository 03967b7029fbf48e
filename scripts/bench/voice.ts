/**
 * `npm run bench:voice` (also part of `npm run bench`): the Twilio voice webhook's latency as
 * Twilio sees it, on PostgreSQL and Redis (BullMQ, a worker in this process). Calls go through a
 * four-step IVR (greeting + menu, a key, four digits, a key that ends the call) with a number of
 * calls in flight at once; every webhook is signed and answered with TwiML after the runtime
 * applied the caller's input. Printed, never asserted: the target is p99 < 300 ms.
 */
import { randomBytes } from 'node:crypto';
import { cpus, loadavg } from 'node:os';
import { FLOW_FORMAT } from '../../flows';
import { createApiHandler } from '../../server/api/handler';
import { signTwilio } from '../../server/channels/twilio/signature';
import { readFlowDocument } from '../../server/flows/document';
import { createFlow } from '../../server/flows/flowStore';
import { publishDraft } from '../../server/flows/publishing';
import { serveFetch } from '../../server/http/serveFetch';
import { setBinding } from '../../server/runtime/bindings';
import { createServices } from '../../server/services';
import { cleanUpOnInterrupt, defer, deleteRedisKeys } from './cleanup';
import { scratchPostgres } from './storage';

const CALLS = Number(process.env.BENCH_VOICE_CALLS ?? 300);
const IN_FLIGHT = Number(process.env.BENCH_VOICE_IN_FLIGHT ?? 10);
const WARMUP_CALLS = 10;
const TARGET_P99_MS = 300;
const AUTH_TOKEN = `bench-${randomBytes(12).toString('hex')}`;
const NUMBER = '+6620000000';

const ivr = {
  format: FLOW_FORMAT,
  id: 'bench-ivr',
  name: 'Benchmark IVR',
  locale: 'en-US',
  nodes: [
    { id: 'start', type: 'start', data: { channels: ['voice'] } },
    { id: 'hello', type: 'message', data: { text: 'Welcome to the benchmark bank.' } },
    { id: 'menu', type: 'menu', data: { prompt: 'Press 1 for your balance, 2 for an agent.', timeout: '10s', options: [{ id: 'balance', label: 'Balance', keys: ['1'] }, { id: 'agent', label: 'Agent', keys: ['2'] }] } },
    { id: 'pin', type: 'collect', data: { prompt: 'Enter your 4-digit PIN.', variable: 'pin', kind: 'digits', minLength: 4, maxLength: 4 } },
    { id: 'told', type: 'menu', data: { prompt: 'Your balance is 1,234 baht. Press 9 to finish.', options: [{ id: 'finish', label: 'Finish', keys: ['9'] }] } },
    { id: 'bye', type: 'end', data: { outcome: 'contained', text: 'Goodbye.' } },
    { id: 'queue', type: 'handoff', data: { queue: 'agents' } },
  ],
  edges: [
    { source: 'start', target: 'hello' },
    { source: 'hello', target: 'menu' },
    { source: 'menu', sourceHandle: 'balance', target: 'pin' },
    { source: 'menu', sourceHandle: 'agent', target: 'queue' },
    { source: 'pin', target: 'told' },
    { source: 'told', sourceHandle: 'finish', target: 'bye' },
  ],
  variables: { pin: { type: 'string' } },
};

/** Each step: the endpoint and the caller's keys; the answer must contain `expect`. */
const STEPS = [
  { path: 'voice', digits: undefined, expect: 'Press 1 for your balance' },
  { path: 'voice/gather?step=1', digits: '1', expect: 'Enter your 4-digit PIN.' },
  { path: 'voice/gather?step=2', digits: '4321', expect: 'Your balance is' },
  { path: 'voice/gather?step=3', digits: '9', expect: '<Hangup/>' },
] as const;

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

async function main(): Promise<void> {
  cleanUpOnInterrupt();
  const postgresUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  const redisUrl = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';
  const prefix = `sbbench-voice-${randomBytes(3).toString('hex')}`;
  Object.assign(process.env, { TWILIO_AUTH_TOKEN: AUTH_TOKEN });
  delete process.env.TWILIO_WEBHOOK_BASE_URL;
  console.log(`Voice webhook latency · calls of ${STEPS.length} webhooks · PostgreSQL + BullMQ (worker in process) · ${cpus().length} cores`);
  const database = await scratchPostgres(postgresUrl, 20);
  const dropDatabase = defer(() => database.drop());
  try {
    const services = await createServices(database.handle, { redisUrl, queuePrefix: prefix, worker: true });
    const closeServices = defer(async () => {
      await services.close();
      await deleteRedisKeys(redisUrl, prefix);
    });
    try {
      await createFlow(services.db, { id: ivr.id, name: ivr.name, content: readFlowDocument(ivr) }, null);
      await publishDraft(services.db, { id: ivr.id }, null);
      await setBinding(services.db, { channel: 'voice', address: NUMBER, flowId: ivr.id });
      const server = await serveFetch(createApiHandler(services));
      const closeServer = defer(() => server.close());
      try {
        await runCalls(server.url, WARMUP_CALLS, [], IN_FLIGHT);
        // One call at a time first: the latency without queueing behind other calls.
        for (const inFlight of [1, IN_FLIGHT]) {
          const calls = inFlight === 1 ? Math.min(50, CALLS) : CALLS;
          const byStep: number[][] = STEPS.map(() => []);
          const started = performance.now();
          const cpu = process.cpuUsage();
          await runCalls(server.url, calls, byStep, inFlight);
          const used = process.cpuUsage(cpu);
          console.log(`${calls} calls, ${inFlight} in flight (load average ${loadavg()[0]?.toFixed(1)}):`);
          report(byStep, (performance.now() - started) / 1000, (used.user + used.system) / 1000);
        }
      } finally {
        await closeServer();
      }
    } finally {
      await closeServices();
    }
  } finally {
    await dropDatabase();
  }
}

/** `count` calls, `IN_FLIGHT` at a time; each webhook's time is added to its step's list. */
async function runCalls(base: string, count: number, byStep: number[][], inFlight: number): Promise<void> {
  let next = 0;
  const caller = async () => {
    while (next < count) {
      const index = next++;
      await call(base, index, byStep);
    }
  };
  await Promise.all(Array.from({ length: inFlight }, caller));
}

async function call(base: string, index: number, byStep: number[][]): Promise<void> {
  const params = { CallSid: `CA${randomBytes(16).toString('hex')}`, From: `+6681${String(index).padStart(7, '0')}${randomBytes(1).toString('hex')}`, To: NUMBER };
  for (const [number, step] of STEPS.entries()) {
    const form: Record<string, string> = { ...params, ...(step.digits ? { Digits: step.digits } : {}) };
    const url = `${base}/api/channels/twilio/${step.path}`;
    const started = performance.now();
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': signTwilio(url, form, AUTH_TOKEN) },
      body: new URLSearchParams(form).toString(),
    });
    const text = await response.text();
    byStep[number]?.push(performance.now() - started);
    if (response.status !== 200 || !text.includes(step.expect)) throw new Error(`step ${step.path} answered ${response.status}: ${text}`);
  }
}

/** `cpuMs`: this process' CPU (webhooks, runtime worker and the callers), PostgreSQL's and Redis' not included. */
function report(byStep: number[][], seconds: number, cpuMs: number): void {
  const all = byStep.flat().sort((a, b) => a - b);
  console.log('  step                      p50        p99        max');
  for (const [index, times] of byStep.entries()) {
    const sorted = [...times].sort((a, b) => a - b);
    console.log(`  ${(STEPS[index]?.path ?? '').padEnd(22)} ${ms(percentile(sorted, 0.5))} ${ms(percentile(sorted, 0.99))} ${ms(sorted.at(-1) ?? Number.NaN)}`);
  }
  const p99 = percentile(all, 0.99);
  console.log(`  all ${String(all.length).padEnd(18)} ${ms(percentile(all, 0.5))} ${ms(p99)} ${ms(all.at(-1) ?? Number.NaN)}`);
  console.log(`  ${(all.length / seconds).toFixed(0)} webhooks/s, ${(cpuMs / all.length).toFixed(1)} ms of this process' CPU each; target p99 < ${TARGET_P99_MS} ms: ${p99 < TARGET_P99_MS ? 'met' : 'missed'}`);
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? Number.NaN;
}

function ms(value: number): string {
  return `${value.toFixed(1)} ms`.padStart(10);
}
