import type { TestProject } from 'vitest/node';
import { startPreview } from '../helpers/preview-server';

declare module 'vitest' {
  export interface ProvidedContext {
    baseURL: string;
  }
}

/** Serve the built app (dist/) for the browser tests; stopped when they end. */
export default async function setup(project: TestProject) {
  const port = process.env['E2E_PORT'];
  const server = await startPreview(port ? { port: Number(port) } : {});
  project.provide('baseURL', server.baseURL);
  return server.stop;
}
