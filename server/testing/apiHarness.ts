// A running API on a test database with one signed-in client per role: how the API tests and
// the benchmark drive the server from outside, over HTTP.
import { randomBytes } from 'node:crypto';
import type { Role } from '../db/schema';
import { createApiHandler } from '../api/handler';
import { createUser } from '../auth/users';
import { serveFetch } from '../http/serveFetch';
import { BullQueue } from '../runtime/bullQueue';
import { createServices, type Services, type ServicesOptions } from '../services';
import { apiClient, signIn, type ApiClient } from './apiClient';
import { testDatabase, type DatabaseKind, type TestDatabase } from './database';

export interface ApiHarness {
  url: string;
  /** The Redis key prefix of this harness's queue, for workers started beside it. */
  queuePrefix: string;
  database: TestDatabase;
  services: Services;
  /** Not signed in. */
  anonymous: ApiClient;
  close(): Promise<void>;
}

export interface ApiOptions {
  /** Run conversations through BullMQ on this Redis (with a key prefix of the test's own). */
  redisUrl?: string;
  /** Apply events in this process (default); false: only ingest, as the web process does with workers. */
  worker?: boolean;
  /** Channel adapters, a clock, URL rewrites for the runtime. */
  runtime?: ServicesOptions['runtime'];
}

export async function startApi(kind: DatabaseKind, options: ApiOptions = {}): Promise<ApiHarness> {
  const database = await testDatabase(kind);
  const queuePrefix = `sbtest-${randomBytes(4).toString('hex')}`;
  const services = await createServices(database, { worker: options.worker ?? true, redisUrl: options.redisUrl ?? '', queuePrefix, ...(options.runtime ? { runtime: options.runtime } : {}) });
  const server = await serveFetch(createApiHandler(services));
  return {
    url: server.url,
    queuePrefix,
    database,
    services,
    anonymous: apiClient(server.url),
    close: async () => {
      await server.close();
      await services.close();
      if (options.redisUrl) {
        const keys = new BullQueue({ url: options.redisUrl, prefix: queuePrefix });
        await keys.obliterate();
        await keys.close();
      }
    },
  };
}

export const TEST_PASSWORD = 'correct horse battery';

/** Creates an account with the role and returns a client signed in as it. */
export async function clientAs(harness: ApiHarness, role: Role, email = `${role}-${Date.now()}@example.com`): Promise<ApiClient> {
  await createUser(harness.services.auth, harness.services.db, { email, name: role, password: TEST_PASSWORD, role });
  return apiClient(harness.url, await signIn(harness.url, email, TEST_PASSWORD));
}
