// The built app as `npm start` runs it (the app owns SIGTERM): a stop lets the conversation in
// hand finish and exits cleanly instead of being cut off by Next's own handler.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuild, startNextServer, type NextServer } from './testing/nextServer';

describe('npm start and SIGTERM', () => {
  let server: NextServer | undefined;

  beforeAll(async () => {
    await ensureBuild();
    server = await startNextServer({ NEXT_MANUAL_SIG_HANDLE: '1', LOG_LEVEL: 'info' });
  }, 600_000);
  afterAll(async () => {
    await server?.stop();
  });

  it('finishes the work in hand, then exits 0', async () => {
    const url = server?.url ?? '';
    // The seeded web chat demo: opening a chat makes the embedded runtime apply an event.
    const opened = await fetch(`${url}/api/webchat/demo/start`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ visitorId: 'shutdown-test-visitor-0001' }),
    });
    expect(opened.status).toBe(202);
    expect(await server?.stop()).toBe(0);
    expect(server?.output()).toMatch(/"signal":"SIGTERM".*finishing the work in hand/);
  });
});
