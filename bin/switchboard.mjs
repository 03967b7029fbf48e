#!/usr/bin/env node
// The CLI runs the same TypeScript sources as the server, through tsx's loader.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../server/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
