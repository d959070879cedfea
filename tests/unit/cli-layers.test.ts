import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// src/cli sits above p3dn like app, beside the browser layers: checked with the project's ESLint config.
const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const eslint = new ESLint({ cwd: root });

async function rules(file: string, code: string): Promise<(string | null)[]> {
  const [r] = await eslint.lintText(code, { filePath: join(root, file) });
  return (r?.messages ?? []).map((m) => m.ruleId);
}

describe('src/cli in the layers', () => {
  it('imports engine, p3dn, lib and locales', async () => {
    const code = `import * as a from '../engine/native-engine';
import * as b from '../p3dn/import';
import * as c from '../lib/csv';
import * as d from '../locales/id';
export const used = [a, b, c, d];
`;
    expect(await rules('src/cli/probe.ts', code)).toEqual([]);
  });

  it.each([
    ['../stores/view-store', 'import-x/no-restricted-paths'],
    ['../queries/metric-queries', 'import-x/no-restricted-paths'],
    ['../app/providers', 'import-x/no-restricted-paths'],
    ['react', 'no-restricted-imports'],
  ])('never imports %s', async (target, rule) => {
    expect(
      await rules('src/cli/probe.ts', `import * as m from '${target}';\nexport const used = m;\n`),
    ).toContain(rule);
  });

  it('is imported by no layer of the app', async () => {
    const code = `import * as m from '../../cli/run';\nexport const used = m;\n`;
    expect(await rules('src/p3dn/import/probe.ts', code)).toContain('import-x/no-restricted-paths');
  });
});
