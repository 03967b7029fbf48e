import type { TestProject } from 'vitest/node';
import { createPgliteTemplate, createPostgresTemplate } from './templates';

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteTemplate: string;
    postgresTemplate: string;
  }
}

/** Runs once before all test files: the migrated templates test databases are copied from. */
export default async function setup(project: TestProject): Promise<void> {
  const [pglite, postgres] = await Promise.all([createPgliteTemplate(), createPostgresTemplate()]);
  project.provide('pgliteTemplate', pglite);
  project.provide('postgresTemplate', postgres);
}
