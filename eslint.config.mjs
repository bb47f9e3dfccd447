import tseslint from 'typescript-eslint';

const outerLayers = ['react', 'react-dom', 'react/*', '@fluentui/*', 'exceljs', 'fs', 'node:*', 'path', '**/excel/**', '**/xlsx/**', '**/memory/**', '**/taskpane/**', '**/cli/**'];

export default tseslint.config(
  { ignores: ['node_modules', 'dist', 'build', 'out', 'coverage', 'test-results', '**/*.js', '**/*.mjs', '**/*.cjs'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: outerLayers, message: 'src/core is pure: no host, UI, file system or adapter imports.' }] }],
      'no-restricted-globals': ['error', 'Excel', 'Office', 'document', 'window'],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/excel/**'],
    rules: { 'no-restricted-globals': ['error', 'Excel'] },
  },
  {
    files: ['src/cli/**/*.ts', 'bench/**/*.ts', 'scripts/**/*.ts'],
    rules: { 'no-console': 'off' },
  },
);
