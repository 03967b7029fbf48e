import { compileFlow, describeDiagnostic } from '@/flows';
import { loadJson, shown, siblingLibrary } from '../../files';
import type { Command } from '../main';

export const compileCommand: Command = {
  summary: 'print the XState machine config of a flow as JSON (subflows from the same folder)',
  usage: 'compile <file>',
  run(args, output) {
    const file = args.find((arg) => !arg.startsWith('-'));
    if (!file) throw new Error('give a flow file, e.g. switchboard compile flows/examples/lost-card.flow.json');
    const loaded = loadJson(file);
    if (!loaded.ok) {
      output.err(`${shown(file)}: ${loaded.error}`);
      return 1;
    }
    const result = compileFlow(loaded.json, { flows: siblingLibrary([file]) });
    if (!result.ok) {
      for (const d of result.diagnostics.filter((item) => item.severity === 'error')) {
        output.err(`${shown(file)}: ${describeDiagnostic(d)}`);
      }
      return 1;
    }
    output.out(JSON.stringify(result.flow.config, null, 2));
    return 0;
  },
};
