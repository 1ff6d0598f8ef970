import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import pluginQuery from '@tanstack/eslint-plugin-query';
import boundaries from 'eslint-plugin-boundaries';

/*
 * The import rules of ../shared/ARCHITECTURE.md as lint errors. Each folder below is an element;
 * imports inside one element are free, and between elements only the listed policies are allowed.
 */
const feature = (name) => ({ element: { type: 'feature', captured: { name } } });
const to = (...types) => ({ to: { element: { types: { anyOf: types } } } });
/** Declared one-way edges between features (ARCHITECTURE.md, "One-way imports"). */
const featureEdges = [
  ['credentials', 'two-factor'],
  ['credentials', 'login-tests'],
  // The provider item lists below the credentials list (lazy); see docs/decisions/vault-providers.md.
  ['credentials', 'vault-providers'],
  ['import', 'two-factor'],
];
const boundariesConfig = {
  files: ['src/**/*.{ts,tsx}', 'sandbox/**/*.ts', 'e2e/**/*.ts', 'scripts/**/*.{ts,mjs,js}'],
  plugins: { boundaries },
  settings: {
    'import/resolver': { typescript: { alwaysTryTypes: true } },
    'boundaries/elements': [
      { type: 'app', pattern: 'src/app' },
      { type: 'feature', pattern: 'src/features/*', capture: ['name'] },
      { type: 'ui', pattern: 'src/components/ui' },
      { type: 'lib', pattern: 'src/lib' },
      { type: 'api', pattern: 'src/api' },
      { type: 'test-helpers', pattern: 'src/test' },
      { type: 'entry', pattern: 'src/main.tsx', mode: 'file' },
      { type: 'sandbox', pattern: 'sandbox' },
      { type: 'e2e', pattern: 'e2e' },
      { type: 'scripts', pattern: 'scripts' },
    ],
  },
  rules: {
    'boundaries/dependencies': [
      'error',
      {
        default: 'disallow',
        policies: [
          { from: { element: { type: 'entry' } }, allow: to('app', 'api', 'lib', 'ui') },
          {
            from: { element: { type: 'app' } },
            allow: to('feature', 'api', 'lib', 'ui', 'test-helpers'),
          },
          {
            from: { element: { type: 'feature' } },
            allow: to('api', 'lib', 'ui', 'test-helpers'),
          },
          ...featureEdges.map(([from, target]) => ({
            from: feature(from),
            allow: { to: feature(target) },
          })),
          { from: { element: { type: 'ui' } }, allow: to('lib', 'api', 'test-helpers') },
          { from: { element: { type: 'lib' } }, allow: to('test-helpers') },
          { from: { element: { type: 'api' } }, allow: to('lib', 'test-helpers') },
          // Test helpers may render the real layout shell (renderInLayout), so that guard and
          // navigation tests exercise the app's own links and history.
          { from: { element: { type: 'test-helpers' } }, allow: to('api', 'lib', 'ui', 'app') },
          // The sandbox and the console share no code; e2e and scripts drive both from outside.
          { from: { element: { type: 'e2e' } }, allow: to('sandbox', 'scripts') },
          { from: { element: { type: 'scripts' } }, allow: to('sandbox', 'e2e') },
        ],
      },
    ],
  },
};

export default tseslint.config(
  {
    ignores: [
      'dist',
      // Per-run build and report folders (CONSOLE_OUT_DIR, E2E_OUTPUT_DIR, npm run bench).
      'dist-*',
      'test-results-*',
      'node_modules',
      'test-results',
      'playwright-report',
      'bench-results',
      'e2e/fixtures/generated',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['src/**/*.{ts,tsx}'],
    languageOptions: { globals: globals.browser },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      // The form library's `watch` trips this React Compiler rule though we do not use the compiler.
      'react-hooks/incompatible-library': 'off',
    },
  },
  { files: ['src/**/*.tsx'], ...jsxA11y.flatConfigs.recommended },
  ...pluginQuery.configs['flat/recommended'],
  {
    files: [
      'sandbox/**/*.ts',
      'scripts/**/*.{ts,mjs,js}',
      'e2e/**/*.ts',
      '*.config.{ts,js}',
      '.ci/**',
    ],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  {
    files: ['sandbox/**/*.ts', 'scripts/**/*.{ts,mjs,js}', 'e2e/**/*.ts'],
    rules: { 'no-console': 'off' },
  },
  boundariesConfig,
  {
    // Type-aware: a promise nobody awaits loses its error, and one handed to a void callback
    // (onClick, setTimeout) does too. Limited to the TypeScript projects of tsconfig.*.json.
    files: ['src/**/*.{ts,tsx}', 'e2e/**/*.ts', 'sandbox/**/*.ts', 'scripts/**/*.ts'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
    },
  },
);
