import type { TestProject } from 'vitest/node';
import { startFakeSuperset } from '../fixtures/fake-superset/server';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The fake Superset's origin (`http://127.0.0.1:<port>`), for `embedDashboard`'s `supersetDomain`. */
    fakeSupersetOrigin: string;
  }
}

/**
 * Starts the fake Superset (test/fixtures/fake-superset) once per run on its own origin, so embedding it is
 * cross-origin as in production. Tests read the origin with `inject('fakeSupersetOrigin')`.
 */
export default async function setup(project: TestProject) {
  const fakeSuperset = await startFakeSuperset();
  project.provide('fakeSupersetOrigin', fakeSuperset.origin);
  return async () => {
    await fakeSuperset.close();
  };
}
