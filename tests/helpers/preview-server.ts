import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');

/** A free loopback port, so several checkouts can serve the app at once. */
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
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`Preview server did not answer at ${url}`);
}

export interface PreviewServer {
  baseURL: string;
  stop: () => void;
}

/**
 * Serve a built app (default `dist/`) with `vite preview`, started directly (not through npx, which leaves a child
 * behind) on a free port, and stopped by its own pid. Used by the browser tests and the benchmarks.
 */
export async function startPreview(opts: { outDir?: string; port?: number } = {}): Promise<PreviewServer> {
  const outDir = opts.outDir ?? resolve(ROOT, 'dist');
  if (!existsSync(resolve(outDir, 'index.html')))
    throw new Error(`${outDir} missing: run \`npm run build\` first`);
  const port = opts.port ?? (await freePort());
  const child = spawn(
    resolve(ROOT, 'node_modules/.bin/vite'),
    ['preview', '--outDir', outDir, '--port', String(port), '--strictPort', '--host', '127.0.0.1'],
    { cwd: ROOT, stdio: 'ignore' },
  );
  const stop = () => {
    if (child.pid !== undefined && child.exitCode === null) child.kill('SIGTERM');
  };
  const baseURL = `http://127.0.0.1:${port}/`;
  try {
    await waitFor(baseURL, 30_000);
  } catch (e) {
    stop();
    throw e;
  }
  return { baseURL, stop };
}
