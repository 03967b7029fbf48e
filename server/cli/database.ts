// CLI commands that need the database open it the way the app does (DATABASE_URL or the
// embedded PGlite under .data/), migrated, and close it when done.
import { openDatabase } from '../db/client';
import { createServices, type Services, type ServicesOptions } from '../services';

export async function withServices<T>(options: ServicesOptions, work: (services: Services) => Promise<T>): Promise<T> {
  const database = await openDatabase();
  let services: Services | undefined;
  try {
    // The app owns the inbound SMTP port: a CLI command run beside it must not take it.
    services = await createServices(database, { ...options, worker: false, smtpInbound: false });
    return await work(services);
  } finally {
    // Services hold Redis connections when REDIS_URL is set; left open they keep the CLI alive.
    if (services) await services.close();
    else await database.close();
  }
}

/** `--name value` from an argument list. */
export function option(args: readonly string[], name: string): string | undefined {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : undefined;
}

/** All of stdin, for secrets passed through a pipe rather than the command line. */
export async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  return Buffer.concat(chunks).toString('utf8');
}
