import { needsOwner } from '../../auth/users';
import { withServices } from '../database';
import type { Command } from '../main';
import { green } from '../output';

const USAGE = 'db migrate | db setup';

export const dbCommand: Command = {
  summary: 'migrate the database (DATABASE_URL, or the embedded one in .data/); setup also publishes the example flows on first start',
  usage: USAGE,
  async run(args, output) {
    const [action] = args;
    if (action !== 'migrate' && action !== 'setup') throw new Error(`usage: switchboard ${USAGE}`);
    const progress = (message: string) => output.out(`• ${message}`);
    const ownerMissing = await withServices({ seed: action === 'setup', progress }, (services) => needsOwner(services.db));
    output.out(green('✓ The database is ready.'));
    if (ownerMissing) output.out('• No accounts yet: the first visit to the app asks for the owner account.');
    return 0;
  },
};
