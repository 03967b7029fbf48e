// What request handlers need, built once per process: the database (migrated, examples
// seeded) and the auth instance bound to it.
import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { createAuth, type Auth } from './auth/auth';
import { emailConfig } from './channels/email/config';
import { startSmtpInbound } from './channels/email/smtpInbound';
import { openDatabase, type Database, type DatabaseHandle } from './db/client';
import { settings } from './db/schema';
import { seedExampleFlows } from './flows/seed';
import { continueLinkServices, linkSecret, publicUrl } from './journeys/continueLinks';
import { log, errorFields } from './log';
import { BullQueue } from './runtime/bullQueue';
import { parseRewrites, urlRewriter } from './runtime/egress';
import { LocalNotifier, RedisNotifier, type ConversationNotifier } from './runtime/notifier';
import { EmbeddedQueue, type JobQueue } from './runtime/queue';
import { Runtime, type RuntimeOptions } from './runtime/runtime';
import { RoutingEngine } from './routing/engine';

export interface Services {
  db: Database;
  database: DatabaseHandle;
  auth: Auth;
  runtime: Runtime;
  /** Signs and checks continue links (server/journeys/continueLinks.ts). */
  linkSecret: string;
  /** Where the inbound SMTP server listens, when one was started (SMTP_INBOUND_PORT). */
  smtpInboundPort?: number;
  /** Assigns waiting handoffs to agents (rounds run where workers run, and on demand). */
  routing: RoutingEngine;
  /** Stops taking work, lets running work finish, then closes the database. */
  close(): Promise<void>;
}

export interface ServicesOptions {
  /** Publish the example flows on an empty database (the app does; tests usually do not). */
  seed?: boolean;
  baseURL?: string;
  progress?: (message: string) => void;
  /**
   * Apply conversation events in this process. Default: yes without Redis (one process does
   * everything); no with Redis (the web process only ingests; `npm run worker` processes).
   */
  worker?: boolean;
  /** BullMQ's Redis; defaults to REDIS_URL. Unset: the embedded queue. */
  redisUrl?: string;
  /** Redis key prefix; defaults to SWITCHBOARD_QUEUE_PREFIX, then `switchboard` (tests use their own). */
  queuePrefix?: string;
  /** Start the inbound SMTP server when SMTP_INBOUND_PORT is set (default); workers do not. */
  smtpInbound?: boolean;
  /** Tests: channel adapters, a clock, URL rewrites. */
  runtime?: Pick<RuntimeOptions, 'adapters' | 'clock' | 'rewriteUrl' | 'sweepMs'>;
  /** How often routing runs a round unasked (default 5 s). */
  routingPeriodMs?: number;
}

/** Migrates the database, seeds it when asked and binds auth to it. */
export async function createServices(database: DatabaseHandle, options: ServicesOptions = {}): Promise<Services> {
  const progress = options.progress ?? (() => undefined);
  progress(`Migrating the database (${database.location})…`);
  await database.migrate();
  if (options.seed) {
    const report = await seedExampleFlows(database.db, undefined, progress);
    if (!report.already) progress(`Published ${report.seeded.length} example flows as version 1.`);
  }
  const auth = createAuth(database.db, {
    secret: await authSecret(database.db),
    baseURL: process.env.BETTER_AUTH_URL,
    allowedHosts: (process.env.SWITCHBOARD_ALLOWED_HOSTS ?? '').split(',').filter(Boolean),
  });
  const redisUrl = options.redisUrl ?? process.env.REDIS_URL;
  const queuePrefix = options.queuePrefix ?? (process.env.SWITCHBOARD_QUEUE_PREFIX || 'switchboard');
  const queue: JobQueue = redisUrl
    ? new BullQueue({ url: redisUrl, prefix: queuePrefix })
    : new EmbeddedQueue({ onFailure: (conversationId, error) => log.error({ conversationId, ...errorFields(error) }, 'conversation failed after retries') });
  const notifier: ConversationNotifier = redisUrl ? new RedisNotifier(redisUrl, queuePrefix) : new LocalNotifier();
  const secret = await linkSecret(database.db);
  const runtime = new Runtime({
    db: database.db,
    queue,
    notifier,
    services: continueLinkServices(secret, publicUrl()),
    rewriteUrl: urlRewriter(parseRewrites(process.env.SWITCHBOARD_HTTP_REWRITE)),
    ...options.runtime,
  });
  const routing = new RoutingEngine({ db: database.db, runtime, ...(options.routingPeriodMs ? { periodMs: options.routingPeriodMs } : {}) });
  if (options.worker ?? !redisUrl) {
    await runtime.startWorker();
    routing.start();
  }
  const mail = emailConfig();
  const smtp = (options.smtpInbound ?? true) && mail.inboundPort !== undefined ? await startSmtpInbound({ db: database.db, runtime }, mail) : undefined;
  if (smtp) progress(`Receiving mail by SMTP on ${mail.inboundHost}:${smtp.port}${mail.domains.length > 0 ? ` for ${mail.domains.join(', ')}` : ''}.`);
  const close = async () => {
    await smtp?.close();
    routing.stop();
    await routing.settled();
    await runtime.stop();
    await queue.close();
    await notifier.close();
    await database.close();
  };
  return { db: database.db, database, auth, runtime, routing, linkSecret: secret, close, ...(smtp ? { smtpInboundPort: smtp.port } : {}) };
}

declare global {
  // Next may evaluate this module more than once (per route bundle, on reload); one database
  // handle per process matters for PGlite, which allows a single owner of its directory.
  var switchboardServices: Promise<Services> | undefined;
}

/** The process's services, opened on first use. */
export function getServices(): Promise<Services> {
  if (!globalThis.switchboardServices) {
    const opening = openDatabase().then((database) => createServices(database, { seed: true, progress: console.log }));
    globalThis.switchboardServices = opening;
    void opening.then(closeOnSignals, () => undefined);
    // A failed start is retried on the next request rather than remembered forever.
    opening.catch(() => {
      if (globalThis.switchboardServices === opening) globalThis.switchboardServices = undefined;
    });
  }
  return globalThis.switchboardServices;
}

/**
 * When the app owns the signals (NEXT_MANUAL_SIG_HANDLE, as `npm start` sets it), SIGTERM and
 * SIGINT stop taking work, let the conversations being applied finish, close the database
 * (PGlite flushes) and exit. Without it Next exits at once; stored events are applied at the
 * next start either way.
 */
function closeOnSignals(services: Services): void {
  if (!process.env.NEXT_MANUAL_SIG_HANDLE) return;
  const stop = (signal: NodeJS.Signals) => {
    log.info({ signal }, 'finishing the work in hand, then exiting');
    services.close().then(
      () => process.exit(0),
      (error: unknown) => {
        log.error(errorFields(error), 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

const SECRET_KEY = 'auth-secret';
const StoredSecret = z.string().min(32);

/**
 * Signs session cookies. BETTER_AUTH_SECRET wins; without it a random secret is made on first
 * start and kept in the database, so an install works with no configuration.
 */
export async function authSecret(db: Database): Promise<string> {
  const fromEnv = process.env.BETTER_AUTH_SECRET;
  if (fromEnv) {
    if (fromEnv.length < 32) throw new Error('BETTER_AUTH_SECRET must be at least 32 characters. Generate one with `openssl rand -base64 32`.');
    return fromEnv;
  }
  await db
    .insert(settings)
    .values({ key: SECRET_KEY, value: randomBytes(32).toString('base64url') })
    .onConflictDoNothing();
  const [row] = await db.select().from(settings).where(eq(settings.key, SECRET_KEY));
  return StoredSecret.parse(row?.value);
}
