// `switchboard agent …`: work handed-off conversations from a terminal until the agent desktop
// exists. It talks to the running Switchboard over its REST API (the embedded database has one
// owner, the app, so going through the app is the only way that works in every set-up).
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { option } from '../database';
import type { Command } from '../main';
import type { Output } from '../output';
import { dim, green } from '../output';

const USAGE =
  'agent list [--queue q] | agent show <conversation> | agent accept <conversation> | agent reply <conversation> <text…> | agent transfer <conversation> <queue> | agent resolve <conversation>   (--url URL, --key KEY or SWITCHBOARD_URL, SWITCHBOARD_API_KEY; --as NAME)';

const ApiError = z.object({ error: z.object({ code: z.string(), message: z.string() }) });
const Handoffs = z.object({
  handoffs: z.array(
    z.object({
      conversationId: z.string(),
      queue: z.string().nullable(),
      channel: z.string(),
      contact: z.object({ name: z.string().nullable() }),
      handoff: z.object({ status: z.string(), agent: z.string().nullable(), summary: z.string().nullable() }).nullable(),
      since: z.string(),
    }),
  ),
});
const Conversation = z.object({
  id: z.string(),
  status: z.string(),
  queue: z.string().nullable(),
  at: z.string().nullable(),
  messages: z.array(z.object({ author: z.string(), text: z.string().nullable(), at: z.string() })),
});

export const agentCommand: Command = {
  summary: 'list handed-off conversations and accept, reply to, transfer or resolve them (through the running app’s API)',
  usage: USAGE,
  async run(args, output) {
    const positional = withoutOptions(args);
    const [action, conversationId, ...rest] = positional;
    const api = apiFrom(args);
    const agent = option(args, '--as');
    if (action === 'list') return list(api, option(args, '--queue'), output);
    if (!conversationId || !/^[0-9a-f-]{36}$/.test(conversationId)) throw new Error(`usage: switchboard ${USAGE}`);
    if (action === 'show') return show(api, conversationId, output);
    const body = actionBody(action, rest, agent);
    await api.call('POST', `/conversations/${conversationId}/agent`, { ...body, requestId: randomUUID() });
    output.out(green(`✓ ${body.action} sent to conversation ${conversationId}.`));
    return 0;
  },
};

function actionBody(action: string | undefined, rest: string[], agent: string | undefined): Record<string, unknown> & { action: string } {
  const as = agent ? { agent } : {};
  if (action === 'accept' || action === 'resolve') return { action, ...as };
  if (action === 'reply' && rest.length > 0) return { action, text: rest.join(' '), ...as };
  if (action === 'transfer' && rest[0]) return { action, queue: rest[0] };
  throw new Error(`usage: switchboard ${USAGE}`);
}

async function list(api: Api, queue: string | undefined, output: Output): Promise<number> {
  const { handoffs } = Handoffs.parse(await api.call('GET', `/handoffs${queue ? `?queue=${encodeURIComponent(queue)}` : ''}`));
  for (const h of handoffs) {
    const who = h.contact.name ?? dim('(no name)');
    const state = h.handoff ? `${h.handoff.status}${h.handoff.agent ? ` by ${h.handoff.agent}` : ''}` : 'queued';
    output.out(`${h.conversationId}\t${h.queue ?? '-'}\t${h.channel}\t${state}\t${who}\t${h.handoff?.summary ?? ''}`);
  }
  output.out(`${handoffs.length} conversation${handoffs.length === 1 ? '' : 's'} with agents`);
  return 0;
}

async function show(api: Api, conversationId: string, output: Output): Promise<number> {
  const conversation = Conversation.parse(await api.call('GET', `/conversations/${conversationId}`));
  output.out(`${conversation.id}  ${conversation.status}${conversation.queue ? ` in ${conversation.queue}` : ''}${conversation.at ? ` at ${conversation.at}` : ''}`);
  for (const m of conversation.messages) output.out(`${dim(m.at.slice(11, 19))} ${m.author.padEnd(8)} ${m.text ?? ''}`);
  return 0;
}

interface Api {
  call(method: 'GET' | 'POST', path: string, body?: unknown): Promise<unknown>;
}

function apiFrom(args: readonly string[]): Api {
  const base = (option(args, '--url') ?? process.env.SWITCHBOARD_URL ?? 'http://localhost:3000').replace(/\/+$/, '');
  const key = option(args, '--key') ?? process.env.SWITCHBOARD_API_KEY;
  if (!key) throw new Error('give an API key with --key or SWITCHBOARD_API_KEY (create one with `switchboard apikey create --name agent-cli`)');
  return {
    async call(method, path, body) {
      const response = await fetch(`${base}/api/v1${path}`, {
        method,
        headers: { authorization: `Bearer ${key}`, ...(body ? { 'content-type': 'application/json' } : {}) },
        ...(body ? { body: JSON.stringify(body) } : {}),
      }).catch((error: unknown) => {
        throw new Error(`cannot reach Switchboard at ${base} (${error instanceof Error ? error.message : String(error)}); is it running? Set --url or SWITCHBOARD_URL`);
      });
      const json: unknown = await response.json().catch(() => null);
      if (!response.ok) {
        const failure = ApiError.safeParse(json);
        throw new Error(failure.success ? failure.data.error.message : `${method} ${path} answered ${response.status}`);
      }
      return json;
    },
  };
}

/** Arguments without `--name value` pairs. */
function withoutOptions(args: readonly string[]): string[] {
  const kept: string[] = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i]?.startsWith('--')) i++;
    else kept.push(args[i] ?? '');
  }
  return kept;
}
