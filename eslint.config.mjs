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
              group: ['../infra/*', '../api/*', '../worker/*'],
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
);
