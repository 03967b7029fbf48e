import { parseArgs } from 'node:util';
import { describeDiagnostic, validateFlow, type Diagnostic } from '@/flows';
import { libraryOf, loadJson, findFiles, shown } from '../../files';
import type { Command } from '../main';
import { green, red, yellow } from '../output';

export const validateCommand: Command = {
  summary: 'check flow files; prints "file: node: code: message"; exit 1 on any error',
  usage: 'validate <files…> [--flows dir] [--lang th]',
  run(args, output) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: { flows: { type: 'string', multiple: true }, lang: { type: 'string', default: 'en' } },
    });
    if (positionals.length === 0) throw new Error('give one or more flow files, e.g. switchboard validate flows/examples/*.flow.json');
    const files = findFiles(positionals, '.json');
    if (files.length === 0) throw new Error(`no JSON files found at ${positionals.join(', ')}`);
    const library = libraryOf([...files, ...findFiles(values.flows ?? [], '.flow.json')]);
    const locale = values.lang === 'th' ? 'th' : 'en';
    let errors = 0;
    let warnings = 0;
    for (const file of files) {
      const loaded = loadJson(file);
      const diagnostics: Diagnostic[] = loaded.ok
        ? validateFlow(loaded.json, { flows: library })
        : [{ path: '', code: 'schema', severity: 'error', message: loaded.error }];
      for (const d of diagnostics) {
        const line = `${shown(file)}: ${describeDiagnostic(d, locale)}`;
        output.out(d.severity === 'error' ? red(line) : yellow(line));
        if (d.severity === 'error') errors++;
        else warnings++;
      }
    }
    const summary = `${files.length} file${files.length === 1 ? '' : 's'}: ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`;
    output.out(errors > 0 ? red(summary) : green(summary));
    return errors > 0 ? 1 : 0;
  },
};
