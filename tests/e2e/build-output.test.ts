import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { coreHash } from '../../build/core-hash';
import { CSP } from '../../build/csp';
import { schemaFingerprint } from '../../src/p3dn/persist/snapshot';
import { freshEngine } from '../helpers/engine';

const dist = resolve(import.meta.dirname, '../../dist');
const baseURL = inject('baseURL');

describe('the production build', () => {
  it('carries the strict CSP in the page it serves, before any script', async () => {
    const html = await (await fetch(baseURL)).text();
    const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(html);
    expect(meta?.[1]).toBe(CSP);
    expect(html.indexOf('Content-Security-Policy')).toBeLessThan(html.indexOf('<script'));
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/); // no inline script
  });

  it('does not ship the ?bench hook that runs arbitrary SQL', () => {
    const scripts = readdirSync(join(dist, 'assets')).filter((f) => f.endsWith('.js'));
    expect(scripts.length).toBeGreaterThan(3);
    for (const f of scripts) {
      const text = readFileSync(join(dist, 'assets', f), 'utf8');
      expect(text.includes('__pantauBench') || text.includes('bench-input'), f).toBe(false);
    }
    // The hook's own module is in the app (the check is not vacuous): its guard kept, its body dropped.
    const source = readFileSync(
      resolve(import.meta.dirname, '../../src/features/import/api/bench-hook.ts'),
      'utf8',
    );
    expect(source).toContain('__pantauBench');
  });

  it('the sample snapshot says what the app trusts at start: made by this core, with this schema', async () => {
    const manifest = JSON.parse(readFileSync(join(dist, 'sample-snapshot/manifest.json'), 'utf8')) as {
      derivation?: string;
      schema?: string;
    };
    // The app then neither reads the catalogue for the fingerprint nor matches the agencies again
    // (src/app/dataset-lifecycle.ts): both claims checked here against the running code and engine.
    expect(manifest.derivation).toBe(coreHash());
    const engine = await freshEngine();
    try {
      expect(manifest.schema).toBe(await schemaFingerprint(engine));
    } finally {
      engine.close();
    }
    // The app was built with the same core fingerprint (vite.config.ts `define`).
    const scripts = readdirSync(join(dist, 'assets')).filter((f) => f.endsWith('.js'));
    expect(scripts.some((f) => readFileSync(join(dist, 'assets', f), 'utf8').includes(coreHash()))).toBe(
      true,
    );
  });
});
