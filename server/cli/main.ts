import { processOutput, type Output } from './output';
import { validateCommand } from './commands/validate';
import { compileCommand } from './commands/compile';
import { simulateCommand } from './commands/simulate';
import { testCommand } from './commands/test';
import { pathsCommand } from './commands/paths';
import { userCommand } from './commands/user';
import { apikeyCommand } from './commands/apikey';
import { dbCommand } from './commands/db';
import { bindingCommand } from './commands/binding';
import { workerCommand } from './commands/worker';
import { agentCommand } from './commands/agent';
import { contactCommand } from './commands/contact';

export interface Command {
  summary: string;
  usage: string;
  run(args: string[], output: Output): Promise<number> | number;
}

export const COMMANDS: Record<string, Command> = {
  validate: validateCommand,
  compile: compileCommand,
  simulate: simulateCommand,
  test: testCommand,
  paths: pathsCommand,
  user: userCommand,
  apikey: apikeyCommand,
  db: dbCommand,
  binding: bindingCommand,
  worker: workerCommand,
  agent: agentCommand,
  contact: contactCommand,
};

/**
 * The `switchboard` command line. Returns the exit code instead of exiting, so tests can run
 * commands in-process.
 */
export async function main(argv: string[], output: Output = processOutput): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    printHelp(output);
    return name ? 0 : 1;
  }
  const command = COMMANDS[name];
  if (!command) {
    output.err(`switchboard: unknown command "${name}"`);
    printHelp(output);
    return 1;
  }
  if (args.includes('--help') || args.includes('-h')) {
    output.out(`usage: switchboard ${command.usage}`);
    output.out(command.summary);
    return 0;
  }
  try {
    return await command.run(args, output);
  } catch (error) {
    output.err(`switchboard ${name}: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}

function printHelp(output: Output): void {
  output.out('usage: switchboard <command> [options]');
  output.out('');
  for (const command of Object.values(COMMANDS)) output.out(`  ${command.usage.padEnd(34)} ${command.summary}`);
  output.out('');
  output.out('Run "switchboard <command> --help" for a command’s options.');
}
