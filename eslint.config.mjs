// ESLint: typed rules everywhere; workflows/ must stay deterministic (no Node built-ins,
// no I/O libraries, no activity values — `import type` only).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const nodeBuiltins = [
  'assert',
  'buffer',
  'child_process',
  'cluster',
  'crypto',
  'dgram',
  'dns',
  'events',
  'fs',
  'http',
  'http2',
  'https',
  'net',
  'os',
  'path',
  'perf_hooks',
  'process',
  'readline',
  'stream',
  'timers',
  'tls',
  'url',
  'util',
  'v8',
  'vm',
  'worker_threads',
  'zlib',
];

// The layers (README "Architecture"): who may import whom. A folder's code may not import the
// folders named against it; `main/` (the composition roots) may import anything.
const folders = (...names) =>
  names.flatMap((n) => ['..', '../..', '../../..'].flatMap((up) => [`${up}/${n}`, `${up}/${n}/**`]));
const layer = (files, forbidden, message, paths = []) => ({
  files,
  rules: {
    'no-restricted-imports': ['error', { paths, patterns: [{ group: folders(...forbidden), message }] }],
  },
});
const noPrismaValues = { name: '@prisma/client', allowTypeImports: true, message: 'Queries live in records/.' };
const noTemporalClient = {
  name: '@temporalio/client',
  allowTypeImports: true,
  message: 'Only obligations/ talks to Temporal from the client side.',
};
const boundaries = [
  layer(
    ['domain/**/*.ts'],
    ['records', 'obligations', 'services', 'api', 'main', 'worker', 'activities', 'workflows', 'infra'],
    'domain/ is pure: it imports only domain/.',
    [noPrismaValues, noTemporalClient],
  ),
  layer(
    ['records/**/*.ts'],
    ['obligations', 'services', 'api', 'main', 'worker', 'activities', 'workflows'],
    'records/ holds the queries: it imports domain/ and infra/ only.',
    [noTemporalClient],
  ),
  layer(
    ['obligations/**/*.ts'],
    ['services', 'api', 'main', 'worker', 'activities'],
    'obligations/ tells the workflows: it imports domain/, records/, infra/ and the workflow definitions only.',
  ),
  layer(
    ['services/**/*.ts'],
    ['api', 'main', 'worker', 'activities', 'workflows'],
    'services/ are the acts: domain/, records/, obligations/ and infra/ only — never HTTP, never a workflow directly.',
    [{ name: 'express', message: 'An act never sees HTTP.' }, noTemporalClient],
  ),
  layer(
    ['api/**/*.ts'],
    ['obligations', 'main', 'worker', 'activities', 'workflows'],
    'api/ is thin: contract, services/, reads in records/ — Temporal only through services/.',
    [noPrismaValues, noTemporalClient],
  ),
  layer(
    ['activities/**/*.ts'],
    ['obligations', 'services', 'api', 'main', 'worker'],
    'activities/ act for the workflows: domain/, records/ and infra/ only.',
    [noTemporalClient],
  ),
  layer(['worker/**/*.ts'], ['obligations', 'services', 'api', 'main'], 'worker/ wires activities and workflows only.'),
  layer(
    ['infra/**/*.ts'],
    ['records', 'obligations', 'services', 'api', 'main', 'worker', 'activities', 'workflows'],
    'infra/ is technical plumbing: it imports domain/ at most.',
  ),
];

export default tseslint.config(
  {
    ignores: [
      'node_modules/**',
      '.tools/**',
      'data/**',
      'coverage/**',
      'test-artifacts/**',
      'web/dist/**',
      '*.js',
      '*.mjs',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/unbound-method': 'off',
    },
  },
  {
    files: ['workflows/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            ...nodeBuiltins
              .flatMap((m) => [m, `node:${m}`])
              .map((name) => ({ name, message: 'Workflows are deterministic: no Node built-ins.' })),
            ...[
              '@prisma/client',
              'nodemailer',
              'express',
              'pg',
              '@electric-sql/pglite',
              '@temporalio/activity',
              '@temporalio/client',
              '@temporalio/worker',
            ].map((name) => ({
              name,
              message: 'Workflows only orchestrate: I/O belongs in activities.',
            })),
          ],
          patterns: [
            {
              group: folders('infra', 'api', 'worker', 'records', 'obligations', 'services', 'main'),
              message: 'Workflows import only domain code and workflow APIs.',
            },
            {
              group: ['../activities', '../activities/*'],
              allowTypeImports: true,
              message: 'Import activities with `import type` only.',
            },
          ],
        },
      ],
    },
  },
  ...boundaries,
);
