// LINE settings, from the environment only (secrets never live in the database or the code).

export const DEFAULT_LINE_API_BASE_URL = 'https://api.line.me';

export interface LineConfig {
  /** Verifies webhooks (X-Line-Signature). */
  channelSecret: string | undefined;
  /** Sends replies and pushes. */
  accessToken: string | undefined;
  /** Where the Messaging API is; tests point it at a fake. */
  baseURL: string;
}

export function lineConfig(env: Record<string, string | undefined> = process.env): LineConfig {
  return {
    channelSecret: env.LINE_CHANNEL_SECRET || undefined,
    accessToken: env.LINE_CHANNEL_ACCESS_TOKEN || undefined,
    baseURL: (env.LINE_API_BASE_URL || DEFAULT_LINE_API_BASE_URL).replace(/\/+$/, ''),
  };
}
