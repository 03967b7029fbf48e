// Structured logs (pino, one JSON object per line). Runtime code logs through a child carrying
// the conversation id, so one conversation's story can be grepped out of many workers' output.
import pino, { type Logger } from 'pino';

export type { Logger };

function defaultLevel(): string {
  if (process.env.LOG_LEVEL) return process.env.LOG_LEVEL;
  // Tests exercise failures on purpose; their expected errors would drown the report.
  return process.env.VITEST ? 'silent' : 'info';
}

export const log: Logger = pino({ level: defaultLevel(), base: { pid: process.pid, service: 'switchboard' } });

/** A logger for one conversation's work. */
export function conversationLog(conversationId: string, parent: Logger = log): Logger {
  return parent.child({ conversationId });
}

/** The message and name of anything thrown, for the `err` field. */
export function errorFields(error: unknown): { err: { message: string; name?: string; stack?: string } } {
  if (error instanceof Error) return { err: { message: error.message, name: error.name, stack: error.stack } };
  return { err: { message: String(error) } };
}
