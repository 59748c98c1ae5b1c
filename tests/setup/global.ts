// Runs once per `vitest run`, in the main process: on PGlite, build (or reuse) the migrated
// template folder that tests/setup/db.ts copies for every test file.
import type { TestProject } from 'vitest/node';
import { ensurePgliteTemplate } from './pglite-template';

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteTemplate: string;
  }
}

export default async function setup(project: TestProject): Promise<void> {
  if (process.env.TEST_DATABASE_URL?.trim()) {
    project.provide('pgliteTemplate', '');
    return;
  }
  project.provide('pgliteTemplate', await ensurePgliteTemplate());
}
