import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { Channel, Mocks, createSimulation, type Simulation, type SimulationState } from '@/flows';
import { loadJson, shown, siblingLibrary } from '../../files';
import type { Command } from '../main';
import { dim, green, yellow, type Output } from '../output';

const HELP = [
  'type a message to send it as the customer',
  '#123            press keypad digits',
  '/wait 30s       move the clock forward (fires due timers)',
  '/channel sms    write on another channel from now on',
  '/click <id>     click a quick reply (sends its payload)',
  '/agent accept | /agent reply <text> | /agent transfer <queue> | /agent resolve',
  '/hangup         the customer leaves',
  '/vars           show the variables',
  '/quit           stop',
];

export const simulateCommand: Command = {
  summary: 'chat with a flow: each line is customer text; #123 digits; /wait 30s; /channel sms; /agent …',
  usage: 'simulate <file> [--channel c] [--now iso] [--name n] [--phone p] [--email e] [--locale l] [--mocks file]',
  async run(args, output) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: {
        channel: { type: 'string' },
        now: { type: 'string' },
        name: { type: 'string' },
        phone: { type: 'string' },
        email: { type: 'string' },
        locale: { type: 'string' },
        mocks: { type: 'string' },
      },
    });
    const file = positionals[0];
    if (!file) throw new Error('give a flow file, e.g. switchboard simulate flows/examples/lost-card.flow.json');
    const loaded = loadJson(file);
    if (!loaded.ok) throw new Error(`${shown(file)}: ${loaded.error}`);
    const simulation = createSimulation(loaded.json, {
      flows: siblingLibrary([file]),
      ...(values.channel ? { channel: Channel.parse(values.channel) } : {}),
      ...(values.now ? { now: values.now } : {}),
      contact: { name: values.name, phone: values.phone, email: values.email, locale: values.locale },
      ...(values.mocks ? { mocks: mocksFrom(values.mocks) } : {}),
    });
    output.out(dim(`Simulating "${simulation.flow.name}" (${simulation.flow.id}) on ${simulation.state().channel}. /help lists the commands.`));
    print(simulation.state(), output);
    return converse(simulation, output);
  },
};

async function converse(simulation: Simulation, output: Output): Promise<number> {
  const lines = createInterface({ input: process.stdin, terminal: false });
  const interactive = process.stdin.isTTY === true;
  let channel: Channel | undefined;
  const prompt = () => interactive && process.stdout.write('> ');
  prompt();
  for await (const raw of lines) {
    const line = raw.trim();
    if (!interactive && line !== '') output.out(`> ${line}`);
    if (line === '') {
      prompt();
      continue;
    }
    if (line === '/quit' || line === '/exit') break;
    try {
      const next = handle(line, simulation, channel, output);
      if (next === 'help') HELP.forEach((text) => output.out(dim(`  ${text}`)));
      else if (typeof next === 'object') channel = next.channel;
    } catch (error) {
      output.err(yellow(error instanceof Error ? error.message : String(error)));
    }
    if (simulation.state().ended) break;
    prompt();
  }
  lines.close();
  return 0;
}

type Handled = 'done' | 'help' | { channel: Channel };

function handle(line: string, simulation: Simulation, channel: Channel | undefined, output: Output): Handled {
  const [command = '', ...rest] = line.split(/\s+/);
  const argument = rest.join(' ');
  const on = channel ? { channel } : {};
  if (line.startsWith('#')) return show(simulation.customer({ digits: line.slice(1), ...on }), output);
  if (!line.startsWith('/')) return show(simulation.customer({ text: line, ...on }), output);
  switch (command) {
    case '/help':
      return 'help';
    case '/wait':
      return show(simulation.advance(argument || '10s'), output);
    case '/channel': {
      const next = Channel.parse(argument);
      output.out(dim(`(writing on ${next} from now on)`));
      return { channel: next };
    }
    case '/click':
      return show(simulation.customer({ payload: argument, ...on }), output);
    case '/hangup':
      return show(simulation.customer({ hangup: true, ...on }), output);
    case '/vars':
      output.out(JSON.stringify(simulation.state().vars, null, 2));
      return 'done';
    case '/agent':
      return show(agent(simulation, rest), output);
    default:
      throw new Error(`unknown command ${command}; /help lists them`);
  }
}

function agent(simulation: Simulation, [action = '', ...words]: string[]): SimulationState {
  const text = words.join(' ');
  switch (action) {
    case 'accept':
      return simulation.agent({ accept: true });
    case 'reply':
      return simulation.agent({ reply: text });
    case 'transfer':
      return simulation.agent({ transfer: text });
    case 'resolve':
      return simulation.agent({ resolve: true });
    default:
      throw new Error('use /agent accept, /agent reply <text>, /agent transfer <queue> or /agent resolve');
  }
}

function show(state: SimulationState, output: Output): 'done' {
  print(state, output);
  return 'done';
}

function print(state: SimulationState, output: Output): void {
  for (const message of state.sent) {
    const buttons = message.quickReplies?.length ? dim(`  [${message.quickReplies.map((q) => `${q.label} (${q.id})`).join(' | ')}]`) : '';
    output.out(`${green(`${message.author} [${message.channel}]:`)} ${message.text}${buttons}`);
  }
  for (const warning of state.warnings) output.out(yellow(`warning: ${warning}`));
  if (state.ended) output.out(dim(`… conversation ended: ${state.outcome}`));
  else output.out(dim(`… waiting at ${state.at}${state.handoff ? ` (handoff to ${state.handoff.queue}, ${state.handoff.status})` : ''}`));
}

function mocksFrom(file: string): Mocks {
  const loaded = loadJson(file);
  if (!loaded.ok) throw new Error(`${shown(file)}: ${loaded.error}`);
  const json = loaded.json;
  // A journey file carries its mocks under "mocks"; a mocks file is the object itself.
  const source = typeof json === 'object' && json !== null && 'mocks' in json ? json.mocks : json;
  const parsed = Mocks.safeParse(source);
  if (!parsed.success) throw new Error(`${shown(file)}: not a mocks file (${parsed.error.issues[0]?.message ?? 'invalid'})`);
  return parsed.data;
}
