import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import js from '@eslint/js';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import importX from 'eslint-plugin-import-x';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import reactRefresh from 'eslint-plugin-react-refresh';
import tseslint from 'typescript-eslint';

const root = dirname(fileURLToPath(import.meta.url));

// The layers of src/, each importing only those to its left; lib/ and locales/ are leaves anyone may import.
const LAYERS = ['engine', 'p3dn', 'stores', 'queries', 'components', 'features', 'app'];
const LEAVES = ['lib', 'locales'];
const src = (dir) => `./src/${dir}`;

const layerZones = [
  // The engine knows nothing of the rest of src (not even lib/).
  {
    target: src('engine'),
    from: [...LAYERS.slice(1), ...LEAVES].map(src),
    message: 'src/engine imports nothing from the rest of src.',
  },
  ...LAYERS.slice(1, -1).map((layer, i) => ({
    target: src(layer),
    from: LAYERS.slice(i + 2).map(src),
    message: `Layers: engine ← p3dn ← stores ← queries ← components ← features ← app; src/${layer} imports only layers to its left (and lib, locales).`,
  })),
  ...LEAVES.map((leaf) => ({
    target: src(leaf),
    from: LAYERS.map(src),
    message: `src/${leaf} is a leaf: it imports none of ${LAYERS.join(', ')}.`,
  })),
  // The command line runs the core headless: above p3dn like app, beside the browser layers (never imported).
  {
    target: src('cli'),
    from: LAYERS.slice(2).map(src),
    message: 'src/cli runs the core headless: it imports engine, p3dn, lib and locales only.',
  },
  {
    target: [...LAYERS, ...LEAVES].map(src),
    from: src('cli'),
    message: 'Nothing in the app imports src/cli.',
  },
  // Features never import each other: one zone per feature folder.
  ...readdirSync(join(root, 'src/features'), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map(({ name }) => ({
      target: src(`features/${name}`),
      from: src('features'),
      except: [`./${name}`],
      message:
        'Features must not import each other: lift shared code to a layer to their left (components, queries, stores, p3dn) or to lib.',
    })),
];

// Package bans by exact name (a regex: a gitignore-style group would also match a local file named `react`).
const ARROW = {
  regex: '^apache-arrow(/|$)',
  message: 'Use the engine interface; do not depend on apache-arrow.',
};
const REACT_FREE = {
  regex: '^(react|react-dom|zustand|recharts|react-i18next|i18next)(/|$)|^@tanstack/',
  message: 'The core (src/engine, src/p3dn) is React-free: no React, store, query, chart or i18n package.',
};

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'sample-data', 'test-results', 'bench/out'] },
  {
    files: ['**/*.{ts,tsx}'],
    extends: [js.configs.recommended, ...tseslint.configs.recommended],
    languageOptions: { ecmaVersion: 2022, globals: { ...globals.browser, ...globals.node } },
    plugins: { 'react-hooks': reactHooks, 'react-refresh': reactRefresh },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'react-refresh/only-export-components': ['warn', { allowConstantExport: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-restricted-imports': ['error', { patterns: [ARROW] }],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'import-x': importX },
    settings: {
      // Without the TypeScript extensions import-x parses no .ts dependency, and no-cycle silently finds nothing.
      'import-x/extensions': ['.ts', '.tsx', '.js', '.jsx'],
      'import-x/external-module-folders': ['node_modules', 'node_modules/@types'],
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: join(root, 'tsconfig.json') })],
    },
    rules: {
      // Every import resolves, so the two rules below see every edge.
      // Vite plugins' virtual modules (`virtual:pwa-register/react`) exist only in the bundler; tsconfig types them.
      'import-x/no-unresolved': ['error', { ignore: ['^virtual:'] }],
      'import-x/no-restricted-paths': ['error', { basePath: root, zones: layerZones }],
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
    },
  },
  {
    files: ['src/engine/**/*.{ts,tsx}', 'src/p3dn/**/*.{ts,tsx}', 'src/cli/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [ARROW, REACT_FREE] }] },
  },
);
