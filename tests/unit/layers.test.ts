import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// The layer rules of eslint.config.js, checked with the project's own config on snippets placed at real paths
// (the files need not exist; what they import does). The layer order is written out here, not imported.
const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const LAYERS = ['engine', 'p3dn', 'stores', 'queries', 'components', 'features', 'app'] as const;
const LEAVES = ['lib', 'locales'] as const;
const PATHS = 'import-x/no-restricted-paths';
const IMPORTS = 'no-restricted-imports';
const CYCLE = 'import-x/no-cycle';

const eslint = new ESLint({ cwd: root });

interface Finding {
  line: number;
  ruleId: string | null;
}

async function lint(file: string, code: string): Promise<Finding[]> {
  const [result] = await eslint.lintText(code, { filePath: join(root, file) });
  return (result?.messages ?? []).map((m) => ({ line: m.line, ruleId: m.ruleId }));
}

/** The first source module (sorted) under a folder of src: a real file for snippets to import. */
function moduleIn(dir: string): string {
  const files = readdirSync(join(root, 'src', dir), { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.tsx?$/.test(f) && !/\.(d|worker)\.ts$/.test(f))
    .sort();
  if (!files[0]) throw new Error(`no module under src/${dir}`);
  return join('src', dir, files[0]);
}

/** An import specifier for `target` (a path from the root) written in the file `from`. */
function spec(from: string, target: string): string {
  const rel = relative(dirname(from), target).replace(/\.tsx?$/, '');
  return rel.startsWith('.') ? rel : `./${rel}`;
}

/** One namespace import per target, each on its own line (line i + 1), each used so nothing else is reported. */
function importing(from: string, targets: readonly string[]): string {
  const lines = targets.map((t, i) => `import * as m${i} from '${spec(from, t)}';`);
  return `${lines.join('\n')}\nexport const used = [${targets.map((_, i) => `m${i}`).join(', ')}];\n`;
}

const features = readdirSync(join(root, 'src/features'), { withFileTypes: true })
  .filter((e) => e.isDirectory())
  .map((e) => e.name)
  .sort();

describe('layers: engine ← p3dn ← stores ← queries ← components ← features ← app', () => {
  const all = [...LAYERS, ...LEAVES];
  const targets = all.map(moduleIn);

  it.each(LAYERS.map((layer, i) => [layer, i] as const))(
    'src/%s imports the layers to its left, never those to its right',
    async (layer, index) => {
      // A file in a layer's own subfolder, as real modules are (a feature's api/, a p3dn room).
      const file = layer === 'features' ? `src/features/${features[0]}/api/x.ts` : `src/${layer}/x.ts`;
      // A feature's own module is not a cross-layer import: import another layer's file only.
      const others = all.map((_, j) => j).filter((j) => j !== index);
      const findings = await lint(
        file,
        importing(
          file,
          others.map((j) => targets[j]!),
        ),
      );
      const forbidden = others
        .map((j, line) => ({ j, line: line + 1 }))
        .filter(({ j }) => {
          const target = all[j]!;
          if (layer === 'engine') return true; // the engine imports nothing from the rest of src, lib included
          return (LAYERS as readonly string[]).includes(target) && LAYERS.indexOf(target as never) > index;
        })
        .map(({ line }) => ({ line, ruleId: PATHS }));
      expect(findings).toEqual(forbidden);
      // The rule bites somewhere for every layer but app, and lets something through for every layer but engine.
      if (layer !== 'app') expect(forbidden.length).toBeGreaterThan(0);
      if (layer !== 'engine') expect(forbidden.length).toBeLessThan(others.length);
    },
  );

  it.each(LEAVES)('src/%s imports none of the layers', async (leaf) => {
    const file = `src/${leaf}/x.ts`;
    const findings = await lint(file, importing(file, LAYERS.map(moduleIn)));
    expect(findings).toEqual(LAYERS.map((_, i) => ({ line: i + 1, ruleId: PATHS })));
  });

  it('a store imported into src/lib is refused', async () => {
    const findings = await lint('src/lib/x.ts', importing('src/lib/x.ts', [moduleIn('stores')]));
    expect(findings).toEqual([{ line: 1, ruleId: PATHS }]);
  });

  it('src/engine importing src/p3dn is refused', async () => {
    const findings = await lint('src/engine/x.ts', importing('src/engine/x.ts', [moduleIn('p3dn')]));
    expect(findings).toEqual([{ line: 1, ruleId: PATHS }]);
  });

  it('a dynamic import and a re-export are layer edges too', async () => {
    const store = spec('src/p3dn/x.ts', moduleIn('stores'));
    const code = `export const load = () => import('${store}');\nexport * from '${store}';\n`;
    expect(await lint('src/p3dn/x.ts', code)).toEqual([
      { line: 1, ruleId: PATHS },
      { line: 2, ruleId: PATHS },
    ]);
  });

  it('the allowed direction passes: a feature and a store importing p3dn, a feature its own files', async () => {
    const p3dn = moduleIn('p3dn');
    const feature = features[0]!;
    const own = moduleIn(`features/${feature}`);
    const inFeature = `src/features/${feature}/components/x.ts`;
    expect(await lint(inFeature, importing(inFeature, [p3dn, own, moduleIn('stores')]))).toEqual([]);
    expect(await lint('src/stores/x.ts', importing('src/stores/x.ts', [p3dn, moduleIn('engine')]))).toEqual(
      [],
    );
  });

  it('tests, benches and scripts may import anything from src', async () => {
    for (const file of ['tests/unit/x.ts', 'bench/x.ts', 'scripts/x.ts']) {
      expect(await lint(file, importing(file, all.map(moduleIn)))).toEqual([]);
    }
  });
});

describe('features never import each other', () => {
  it('needs two features to check', () => expect(features.length).toBeGreaterThanOrEqual(2));

  it.each(features.map((f, i) => [f, features[(i + 1) % features.length]!] as const))(
    'features/%s importing features/%s is refused',
    async (from, to) => {
      const target = moduleIn(`features/${to}`);
      // From the feature root and from a nested folder (the old pattern judged by "../.." depth).
      for (const file of [`src/features/${from}/x.ts`, `src/features/${from}/components/deep/x.ts`]) {
        expect(await lint(file, importing(file, [target]))).toEqual([{ line: 1, ruleId: PATHS }]);
      }
    },
  );
});

describe('the core is React-free', () => {
  const UI = [
    'react',
    'react-dom/client',
    'zustand',
    '@tanstack/react-query',
    'recharts',
    'react-i18next',
    'i18next',
  ];

  it.each(['engine', 'p3dn'])('src/%s imports no UI package, not even a type', async (core) => {
    const file = `src/${core}/x.ts`;
    const code =
      UI.map((pkg, i) => `import * as u${i} from '${pkg}';`).join('\n') +
      `\nimport type { ReactNode } from 'react';\nexport type Node = ReactNode;\nexport const used = [${UI.map((_, i) => `u${i}`).join(', ')}];\n`;
    expect(await lint(file, code)).toEqual(
      [...UI, 'react (type)'].map((_, i) => ({ line: i + 1, ruleId: IMPORTS })),
    );
  });

  it('the same packages are fine in a feature', async () => {
    const code = `import { useQuery } from '@tanstack/react-query';\nimport { create } from 'zustand';\nexport const used = [useQuery, create];\n`;
    expect(await lint(`src/features/${features[0]}/api/x.ts`, code)).toEqual([]);
  });

  it.each(['src/p3dn/x.ts', `src/features/${features[0]}/api/x.ts`, 'tests/unit/x.ts'])(
    'apache-arrow stays banned in %s',
    async (file) => {
      const code = `import { tableFromIPC } from 'apache-arrow';\nexport const used = tableFromIPC;\n`;
      expect(await lint(file, code)).toEqual([{ line: 1, ruleId: IMPORTS }]);
    },
  );
});

describe('no import cycles', () => {
  // no-cycle follows imports on disk: the files are written to a scratch folder inside src/lib and removed after.
  const dir = `src/lib/__cycle_test_${process.pid}`;
  const write = (name: string, code: string) => writeFileSync(join(root, dir, name), code);

  beforeAll(() => {
    mkdirSync(join(root, dir), { recursive: true });
    write('a.ts', `import { b } from './b';\nexport const a = (): number => b() + 1;\n`);
    write('b.ts', `import { a } from './a';\nexport const b = (): number => a() - 1;\n`);
    write('c.ts', `import { d } from './d';\nexport const c = (): number => d();\n`);
    write('d.ts', `import { e } from './e';\nexport const d = (): number => e();\n`);
    write('e.ts', `import { c } from './c';\nexport const e = (): number => c();\n`);
    write('t1.ts', `import type { T2 } from './t2';\nexport interface T1 { next?: T2 }\n`);
    write('t2.ts', `import type { T1 } from './t1';\nexport interface T2 { prev?: T1 }\n`);
    write('u.ts', `import { a } from './a';\nexport const u = (): number => a();\n`);
  });
  afterAll(() => rmSync(join(root, dir), { recursive: true, force: true }));

  const lintFile = async (name: string) => {
    const [result] = await eslint.lintFiles([join(root, dir, name)]);
    return (result?.messages ?? []).map((m) => ({ line: m.line, ruleId: m.ruleId }));
  };

  it('a two-file cycle is refused on both sides', async () => {
    expect(await lintFile('a.ts')).toEqual([{ line: 1, ruleId: CYCLE }]);
    expect(await lintFile('b.ts')).toEqual([{ line: 1, ruleId: CYCLE }]);
  });

  it('a three-file cycle is refused', async () => {
    expect(await lintFile('c.ts')).toEqual([{ line: 1, ruleId: CYCLE }]);
  });

  it('importing into a cycle from outside it is not itself a cycle', async () => {
    expect(await lintFile('u.ts')).toEqual([]);
  });

  it('type-only imports are erased at run time and do not count', async () => {
    expect(await lintFile('t1.ts')).toEqual([]);
  });
});
