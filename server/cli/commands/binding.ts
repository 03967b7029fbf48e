import { CHANNELS } from '../../db/schema';
import { listBindings, removeBinding, setBinding } from '../../runtime/bindings';
import { withServices } from '../database';
import type { Command } from '../main';
import { green } from '../output';

const USAGE = 'binding set <channel> [address] <flow> | binding list | binding remove <id>';

export const bindingCommand: Command = {
  summary: 'choose which flow answers a channel (optionally one address of it: a number, an inbox)',
  usage: USAGE,
  async run(args, output) {
    const [action, ...rest] = args;
    if (action === 'list') {
      const bindings = await withServices({}, (services) => listBindings(services.db));
      for (const b of bindings) output.out(`${b.id}\t${b.channel}\t${b.address ?? '*'}\t${b.flowId}`);
      output.out(`${bindings.length} binding${bindings.length === 1 ? '' : 's'}`);
      return 0;
    }
    if (action === 'set' && (rest.length === 2 || rest.length === 3)) {
      const channel = CHANNELS.find((c) => c === rest[0]);
      if (!channel) throw new Error(`channel must be one of ${CHANNELS.join(', ')}`);
      const flowId = rest[rest.length - 1] ?? '';
      const address = rest.length === 3 ? rest[1] : undefined;
      await withServices({}, (services) => setBinding(services.db, { channel, address, flowId }));
      output.out(green(`✓ ${channel}${address ? ` ${address}` : ''} → ${flowId}`));
      return 0;
    }
    if (action === 'remove' && rest[0]) {
      const removed = await withServices({}, (services) => removeBinding(services.db, rest[0] ?? ''));
      output.out(green(`✓ Removed ${removed.channel}${removed.address ? ` ${removed.address}` : ''} → ${removed.flowId}`));
      return 0;
    }
    throw new Error(`usage: switchboard ${USAGE}`);
  },
};
