import { createApiKey, listApiKeys, revokeApiKey } from '../../auth/apiKeys';
import { option, withServices } from '../database';
import type { Command } from '../main';
import { dim, green } from '../output';

const USAGE = 'apikey create --name n | apikey list | apikey revoke <id>';

export const apikeyCommand: Command = {
  summary: 'create, list or revoke API keys for the ingest API (a new key is shown once)',
  usage: USAGE,
  async run(args, output) {
    const [action, id] = args;
    if (action === 'create') {
      const name = option(args, '--name')?.trim();
      if (!name) throw new Error('name the key after what uses it: --name "CRM connector"');
      const { key, apiKey } = await withServices({}, (services) => createApiKey(services.db, name, null));
      output.out(key);
      output.err(green(`✓ Created API key "${apiKey.name}" (${apiKey.id}). Copy it now: it is not shown again.`));
      return 0;
    }
    if (action === 'list') {
      const keys = await withServices({}, (services) => listApiKeys(services.db));
      for (const key of keys) {
        output.out(`${key.id}\t${key.prefix}…\t${key.name}${key.revokedAt ? dim('\trevoked') : ''}`);
      }
      return 0;
    }
    if (action === 'revoke' && id) {
      const revoked = await withServices({}, (services) => revokeApiKey(services.db, id));
      output.out(green(`✓ Revoked "${revoked.name}".`));
      return 0;
    }
    throw new Error(`usage: switchboard ${USAGE}`);
  },
};
