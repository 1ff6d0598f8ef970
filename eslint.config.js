import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import pluginQuery from '@tanstack/eslint-plugin-query';

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
);
