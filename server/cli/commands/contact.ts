import { z } from 'zod';
import { listMerges } from '../../contacts/mergeList';
import { unmergeContacts } from '../../contacts/unmerge';
import { withServices } from '../database';
import type { Command } from '../main';
import { green } from '../output';

const USAGE = 'contact merges | contact unmerge <mergeId>';

export const contactCommand: Command = {
  summary: 'list contact merges (contacts found to be one person) and undo one',
  usage: USAGE,
  async run(args, output) {
    const [action, id] = args;
    if (action === 'merges' && args.length === 1) {
      const merges = await withServices({}, (services) => listMerges(services.db));
      for (const m of merges) {
        const what = `${m.moved.identities} identities, ${m.moved.conversations} conversations, ${m.moved.messages} messages`;
        output.out(`${m.id}\t${m.createdAt}\t${m.reason}\t${m.identity}\t${m.mergedId} → ${m.survivorId}\t${what}${m.undoneAt ? `\tundone ${m.undoneAt}` : ''}`);
      }
      output.out(`${merges.length} merge${merges.length === 1 ? '' : 's'}`);
      return 0;
    }
    if (action === 'unmerge' && id && args.length === 2) {
      if (!z.uuid().safeParse(id).success) throw new Error(`"${id}" is not a merge id (a uuid; see \`switchboard contact merges\`)`);
      const mergeId = id;
      await withServices({}, (services) => unmergeContacts(services.db, mergeId, null));
      output.out(green(`✓ Undid merge ${mergeId}`));
      return 0;
    }
    throw new Error(`usage: switchboard ${USAGE}`);
  },
};
