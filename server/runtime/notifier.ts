// Tells stream readers that a conversation changed, so a server-sent event goes out as soon as
// the change commits. Notifications only wake readers, who then read the database: a lost one
// costs latency (readers also poll), never a wrong or missing event.
import { EventEmitter } from 'node:events';
import IORedis from 'ioredis';
import { log } from '../log';

export interface ConversationNotifier {
  /** Called after a change to the conversation committed. */
  publish(conversationId: string): void;
  /** Calls `listener` on every change until the returned function is called. */
  subscribe(conversationId: string, listener: () => void): () => void;
  close(): Promise<void>;
}

/** One process: the processor and the stream readers share an emitter. */
export class LocalNotifier implements ConversationNotifier {
  private readonly emitter = new EventEmitter().setMaxListeners(0);

  publish(conversationId: string): void {
    this.emitter.emit(conversationId);
  }

  subscribe(conversationId: string, listener: () => void): () => void {
    this.emitter.on(conversationId, listener);
    return () => this.emitter.off(conversationId, listener);
  }

  async close(): Promise<void> {
    this.emitter.removeAllListeners();
  }
}

/**
 * Several processes: workers apply events, the web process streams them. Redis pub/sub on a
 * channel per conversation; the subscriber connection subscribes only while someone listens.
 */
export class RedisNotifier implements ConversationNotifier {
  private readonly local = new LocalNotifier();
  private publisher: IORedis | undefined;
  private subscriber: IORedis | undefined;
  private readonly listeners = new Map<string, number>();

  constructor(
    private readonly url: string,
    private readonly prefix: string,
  ) {}

  publish(conversationId: string): void {
    this.publisher ??= this.connect();
    void this.publisher.publish(this.channel(conversationId), '1').catch((error: unknown) => log.warn({ conversationId, error: String(error) }, 'change notification not published'));
  }

  subscribe(conversationId: string, listener: () => void): () => void {
    const subscriber = this.ensureSubscriber();
    const count = this.listeners.get(conversationId) ?? 0;
    this.listeners.set(conversationId, count + 1);
    if (count === 0) void subscriber.subscribe(this.channel(conversationId)).catch(() => undefined);
    const unsubscribeLocal = this.local.subscribe(conversationId, listener);
    return () => {
      unsubscribeLocal();
      const left = (this.listeners.get(conversationId) ?? 1) - 1;
      if (left > 0) return void this.listeners.set(conversationId, left);
      this.listeners.delete(conversationId);
      void subscriber.unsubscribe(this.channel(conversationId)).catch(() => undefined);
    };
  }

  async close(): Promise<void> {
    await this.local.close();
    for (const connection of [this.publisher, this.subscriber]) {
      if (connection?.status === 'ready') await connection.quit().catch(() => undefined);
      else connection?.disconnect();
    }
  }

  private ensureSubscriber(): IORedis {
    if (this.subscriber) return this.subscriber;
    const subscriber = this.connect();
    subscriber.on('message', (channel: string) => this.local.publish(channel.slice(this.channel('').length)));
    this.subscriber = subscriber;
    return subscriber;
  }

  private connect(): IORedis {
    const connection = new IORedis(this.url, { maxRetriesPerRequest: null });
    // The queue already reports Redis being down; a second report per connection adds nothing.
    connection.on('error', () => undefined);
    return connection;
  }

  private channel(conversationId: string): string {
    return `${this.prefix}:changed:${conversationId}`;
  }
}
