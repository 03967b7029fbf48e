import { z } from 'zod';
import { ROLES } from '../../db/schema';
import { createUser, listUsers, NewUser } from '../../auth/users';
import { UserError } from '../../errors';
import { option, readStdin, withServices } from '../database';
import type { Command } from '../main';
import { green } from '../output';

const USAGE = 'user create --email e --name n --role r [--password-stdin] | user list';

export const userCommand: Command = {
  summary: `create an account (roles: ${ROLES.join(', ')}) or list accounts; the password comes from stdin or SWITCHBOARD_PASSWORD`,
  usage: USAGE,
  async run(args, output) {
    const [action] = args;
    if (action === 'list') {
      const users = await withServices({}, (services) => listUsers(services.db));
      for (const user of users) output.out(`${user.email}\t${user.role}\t${user.name}`);
      output.out(`${users.length} account${users.length === 1 ? '' : 's'}`);
      return 0;
    }
    if (action !== 'create') throw new Error(`usage: switchboard ${USAGE}`);
    const password = args.includes('--password-stdin')
      ? (await readStdin()).replace(/\r?\n$/, '')
      : process.env.SWITCHBOARD_PASSWORD;
    if (password === undefined) {
      throw new Error('give the password on stdin with --password-stdin, or in SWITCHBOARD_PASSWORD (never as an argument: it would show in the process list)');
    }
    const parsed = NewUser.safeParse({
      email: option(args, '--email'),
      name: option(args, '--name'),
      role: option(args, '--role'),
      password,
    });
    if (!parsed.success) {
      for (const issue of parsed.error.issues) output.err(`--${issue.path.join('.')}: ${describe(issue)}`);
      return 1;
    }
    try {
      const user = await withServices({}, (services) => createUser(services.auth, services.db, parsed.data));
      output.out(green(`✓ Created ${user.email} (${user.role}).`));
      return 0;
    } catch (error) {
      if (!(error instanceof UserError)) throw error;
      output.err(error.message);
      return 1;
    }
  },
};

function describe(issue: z.core.$ZodIssue): string {
  if (issue.path[0] === 'role') return `one of ${ROLES.join(', ')}`;
  return issue.message;
}
