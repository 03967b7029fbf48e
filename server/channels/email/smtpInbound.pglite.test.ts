// The inbound SMTP server with SMTP_INBOUND_USER / SMTP_INBOUND_PASSWORD set: mail is taken
// only from a client that logs in, and only up to the size limit.
import { count } from 'drizzle-orm';
import { createTransport } from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { FLOW_FORMAT } from '@/flows';
import { events } from '../../db/schema';
import { readFlowDocument } from '../../flows/document';
import { createFlow } from '../../flows/flowStore';
import { publishDraft } from '../../flows/publishing';
import { setBinding } from '../../runtime/bindings';
import { startApi, type ApiHarness } from '../../testing/apiHarness';

const echo = {
  format: FLOW_FORMAT,
  id: 'mail-echo',
  name: 'Mail echo',
  nodes: [
    { id: 'start', type: 'start', data: { channels: ['email'] } },
    { id: 'wait', type: 'wait', data: { mode: 'reply', timeout: '1d' } },
    { id: 'end', type: 'end', data: { outcome: 'resolved' } },
  ],
  edges: [
    { source: 'start', target: 'wait' },
    { source: 'wait', sourceHandle: 'reply', target: 'end' },
    { source: 'wait', sourceHandle: 'timeout', target: 'end' },
  ],
};

describe('inbound SMTP with AUTH (pglite)', () => {
  let api: ApiHarness;
  beforeAll(async () => {
    vi.stubEnv('SMTP_INBOUND_PORT', '0');
    vi.stubEnv('SMTP_INBOUND_HOST', '127.0.0.1');
    vi.stubEnv('SMTP_INBOUND_USER', 'relay');
    vi.stubEnv('SMTP_INBOUND_PASSWORD', 'relay-password');
    vi.stubEnv('EMAIL_INBOUND_DOMAIN', 'acme.test');
    api = await startApi('pglite');
    const doc = readFlowDocument(echo);
    await createFlow(api.services.db, { id: doc.id, name: doc.name, content: doc }, null);
    await publishDraft(api.services.db, { id: doc.id }, null);
    await setBinding(api.services.db, { channel: 'email', flowId: 'mail-echo' });
  });
  afterAll(async () => {
    await api?.close();
    vi.unstubAllEnvs();
  });

  const send = async (auth?: { user: string; pass: string }, text = 'Hello') => {
    const transport = createTransport({ host: '127.0.0.1', port: api.services.smtpInboundPort ?? 0, secure: false, ignoreTLS: true, ...(auth ? { auth } : {}) });
    try {
      await transport.sendMail({ from: 'ana@customer.test', to: 'help@acme.test', subject: 'Hi', text, messageId: `<${Math.random()}@customer.test>` });
    } finally {
      transport.close();
    }
  };
  const stored = async () => (await api.services.db.select({ n: count() }).from(events))[0]?.n ?? 0;

  it('refuses mail without a login or with a wrong password, and takes it with the right one', async () => {
    await expect(send()).rejects.toThrow(/530|auth/i);
    await expect(send({ user: 'relay', pass: 'wrong' })).rejects.toThrow(/535|Invalid/i);
    expect(await stored()).toBe(0);
    await send({ user: 'relay', pass: 'relay-password' });
    expect(await stored()).toBe(1);
  });

  it('refuses mail over 10 MB, storing nothing', async () => {
    const before = await stored();
    await expect(send({ user: 'relay', pass: 'relay-password' }, 'x'.repeat(10.5 * 1024 * 1024))).rejects.toThrow(/552|size/i);
    expect(await stored()).toBe(before);
  });
});
