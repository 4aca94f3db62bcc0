// @ts-check
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const nodeBuiltins = ['node:*', 'fs', 'path', 'crypto', 'os', 'child_process'];

/** Dates are formatted only in shared/time.ts (London time, dd/mm/yyyy): see the first block below. */
const dateFormatting = {
  name: 'date-fns',
  importNames: ['format', 'formatISO', 'lightFormat', 'formatDate', 'intlFormat'],
  message: 'Format dates with shared/time.ts (ukDate, ukDateTime...), in London time.',
};

export default tseslint.config(
  { ignores: ['node_modules', 'dist', 'dist-electron', 'release', '.tools', 'test-results', 'coverage'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      eqeqeq: ['error', 'always'],
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  {
    // One time module (shared/time.ts): dates and times are formatted there and
    // nowhere else, so every screen, PDF, Word file and CSV agrees.
    files: ['**/*.{ts,tsx}'],
    ignores: ['shared/time.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [dateFormatting] }],
      'no-restricted-syntax': [
        'error',
        {
          selector: 'CallExpression[callee.property.name=/^toLocale(Date|Time)?String$/]',
          message: 'Format dates with shared/time.ts (ukDate, ukDateTime...), in London time.',
        },
      ],
    },
  },
  {
    // shared/ is used on both sides: no Electron, no Node, no DOM.
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [dateFormatting],
          patterns: [
            { group: ['electron', 'react', 'react-dom', ...nodeBuiltins], message: 'shared/ must stay pure.' },
          ],
        },
      ],
    },
  },
  {
    // Everything except the glue in electron/main and electron/preload runs without Electron.
    files: ['electron/**/*.ts'],
    ignores: ['electron/main/**', 'electron/preload/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'electron', message: 'Core code must not import electron; use the Platform interface.' },
            dateFormatting,
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      // We do not use the React Compiler; react-hook-form and TanStack Table
      // are known not to fit it, and that is only informational for us.
      'react-hooks/incompatible-library': 'off',
      'no-restricted-syntax': [
        'error',
        {
          selector: 'CallExpression[callee.property.name=/^toLocale(Date|Time)?String$/]',
          message: 'Format dates with shared/time.ts (ukDate, ukDateTime...), in London time.',
        },
        {
          selector:
            "NewExpression[callee.name='Date'][arguments.length=0], CallExpression[callee.object.name='Date'][callee.property.name='now']",
          message: "Use appNow() or appToday() from renderer/src/clock.ts: one clock, the main process's.",
        },
      ],
      'no-restricted-imports': [
        'error',
        {
          paths: [dateFormatting],
          patterns: [
            {
              group: ['**/electron/**', 'electron', ...nodeBuiltins],
              message: 'The renderer is untrusted: talk to the main process only through the API client.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['scripts/**/*.{js,mjs}', 'bench/**/*.ts', 'test/**/*.ts'],
    rules: { 'no-console': 'off' },
  },
);
