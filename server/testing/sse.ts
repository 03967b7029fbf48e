// Reads a server-sent event stream the way EventSource does, for tests that check what a
// browser or a machine client would see.
export interface ServerSentEvent {
  event: string;
  data: string;
  id?: string;
}

/** Opens the stream and collects events until `done` says stop (or the server closes it). */
export async function collectEvents(
  url: string,
  headers: Record<string, string>,
  done: (events: ServerSentEvent[]) => boolean,
  timeoutMs = 10_000,
): Promise<ServerSentEvent[]> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  const seen: ServerSentEvent[] = [];
  try {
    const response = await fetch(url, { headers, signal: controller.signal });
    if (!response.ok) throw new Error(`stream answered ${response.status}: ${await response.text()}`);
    return await readEvents(response, (events) => {
      seen.splice(0, seen.length, ...events);
      return done(events);
    });
  } catch (error) {
    if (controller.signal.aborted) throw new Error(`the stream did not deliver in ${timeoutMs} ms; got ${JSON.stringify(seen)}`);
    throw error;
  } finally {
    clearTimeout(timer);
    controller.abort();
  }
}

/** Reads a response's events until `done` says stop or the server closes the stream. */
export async function readEvents(response: Response, done: (events: ServerSentEvent[]) => boolean = () => false): Promise<ServerSentEvent[]> {
  if (!response.body) throw new Error('the stream has no body');
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  const events: ServerSentEvent[] = [];
  let buffer = '';
  try {
    while (!done(events)) {
      const { value, done: closed } = await reader.read();
      if (closed) break;
      buffer += value;
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const parsed = parseEvent(buffer.slice(0, end));
        buffer = buffer.slice(end + 2);
        if (parsed) events.push(parsed);
      }
    }
    return events;
  } finally {
    await reader.cancel().catch(() => undefined);
  }
}

function parseEvent(block: string): ServerSentEvent | undefined {
  let event = 'message';
  const data: string[] = [];
  let id: string | undefined;
  for (const line of block.split('\n')) {
    if (line.startsWith(':')) continue;
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
    if (field === 'event') event = value;
    else if (field === 'data') data.push(value);
    else if (field === 'id') id = value;
  }
  if (data.length === 0) return undefined;
  return { event, data: data.join('\n'), ...(id === undefined ? {} : { id }) };
}
