import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    baseURL: string;
  }
}

/** A free loopback port, so several checkouts can run their browser tests at once. */
function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const srv = createServer();
    srv.once('error', fail);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => ok(port));
    });
  });
}

async function waitFor(url: string, ms: number): Promise<void> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    try {
      const r = await fetch(url);
      if (r.ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`Preview server did not answer at ${url}`);
}

/** Serve the built app (dist/) with `vite preview`, started directly (not through npx) and stopped by its pid. */
export default async function setup(project: TestProject) {
  const root = resolve(import.meta.dirname, '../..');
  if (!existsSync(resolve(root, 'dist/index.html')))
    throw new Error('dist/ missing: run `npm run build` first');
  const port = Number(process.env['E2E_PORT'] ?? (await freePort()));
  const child: ChildProcess = spawn(
    resolve(root, 'node_modules/.bin/vite'),
    ['preview', '--port', String(port), '--strictPort', '--host', '127.0.0.1'],
    { cwd: root, stdio: 'ignore' },
  );
  const baseURL = `http://127.0.0.1:${port}/`;
  await waitFor(baseURL, 30_000);
  project.provide('baseURL', baseURL);
  return () => {
    if (child.pid !== undefined && child.exitCode === null) child.kill('SIGTERM');
  };
}
