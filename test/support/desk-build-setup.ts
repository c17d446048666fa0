import type { TestProject } from 'vitest/node';
import { ensureDeskBuilt } from '../../infra/local/desk-build.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Why the desk could not be built this run (the browser tests fail with it), or null. */
    deskBuildError: string | null;
  }
}

/**
 * Builds the desk once per run, before any test file, unless web/dist is already the bundle of the current
 * sources. A desk that does not build fails the browser tests, not every other test of the run.
 */
export default async function buildDeskOnce(project: TestProject) {
  try {
    await ensureDeskBuilt();
    project.provide('deskBuildError', null);
  } catch (error) {
    project.provide('deskBuildError', error instanceof Error ? error.message : String(error));
  }
}
