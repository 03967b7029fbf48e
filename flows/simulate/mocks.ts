import { z } from 'zod';

export const HttpMock = z.object({
  method: z.string().optional(),
  /** The full URL; `*` matches any run of characters. */
  url: z.string().min(1),
  status: z.number().int().min(100).max(599).default(200),
  json: z.unknown().optional(),
  /** The response body: text, or JSON like `json`. */
  body: z.unknown().optional(),
  /** Simulate a failure instead of an answer: no response in time, or no connection. */
  error: z.enum(['timeout', 'network']).optional(),
  /** Answer this many calls, then let the next matching mock answer (e.g. fail once, then succeed). */
  times: z.number().int().min(1).optional(),
});
export type HttpMock = z.infer<typeof HttpMock>;
export type HttpMockInput = z.input<typeof HttpMock>;

export const Mocks = z.object({ http: z.array(HttpMock).default([]) });
export type MocksInput = z.input<typeof Mocks>;
export type Mocks = z.infer<typeof Mocks>;

export interface MockAnswer {
  status: number;
  body?: unknown;
  error?: string;
}

/**
 * The answer of the first mock matching the request, or `undefined`. `used` counts the calls
 * each mock has answered, for mocks limited by `times`.
 *
 * @example answerFromMocks([{ method: 'GET', url: 'https://crm.example/customers/*', status: 200, json: {} }], 'GET', 'https://crm.example/customers/1', new Map())
 */
export function answerFromMocks(
  mocks: readonly HttpMock[],
  method: string,
  url: string,
  used: Map<HttpMock, number>,
): MockAnswer | undefined {
  const mock = mocks.find(
    (candidate) =>
      (candidate.method === undefined || candidate.method.toUpperCase() === method.toUpperCase()) &&
      globMatches(candidate.url, url) &&
      (candidate.times === undefined || (used.get(candidate) ?? 0) < candidate.times),
  );
  if (!mock) return undefined;
  used.set(mock, (used.get(mock) ?? 0) + 1);
  if (mock.error) return { status: 0, error: mock.error };
  return { status: mock.status, body: mock.json !== undefined ? mock.json : mock.body };
}

function globMatches(pattern: string, url: string): boolean {
  const source = pattern.split('*').map(escapeRegex).join('.*');
  return new RegExp(`^${source}$`).test(url);
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
