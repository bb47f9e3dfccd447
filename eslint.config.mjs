import tseslint from 'typescript-eslint';

/**
 * The architecture as rules: the core is pure and its stages import only the stages before them; the outer layers
 * import only what their ring may see. Each file gets exactly one `no-restricted-imports` and one
 * `no-restricted-globals` entry (a later block would replace an earlier one), so every block below names all of its
 * restrictions. test/lint/boundaries.test.ts lints a probe that breaks each rule.
 */

/** The core's stages in pipeline order; each may import only the ones before it. */
export const CORE_STAGES = [
  'kernel',
  'workbook',
  'read',
  'campaign',
  'select',
  'group',
  'state',
  'outputs',
  'evaluation',
  'run',
];

const HOST_GLOBALS = ['Excel', 'Office', 'OfficeExtension'];
const BROWSER_AND_NODE_GLOBALS = [
  'window',
  'document',
  'navigator',
  'localStorage',
  'sessionStorage',
  'self',
  'process',
  'Buffer',
  'require',
  '__dirname',
  'global',
  'fetch',
  'XMLHttpRequest',
];

const segment = (names) => `(^|/)(${names.join('|')})(/|$)`;
const rule = (regex, message) => ({ regex, message });

/** Packages the core may use: validation and CSV text. Everything else (exceljs, jszip, react, node:…) is an outer ring. */
const corePackagesOnly = rule(
  '^(?!\\.|zod$|papaparse$)',
  'src/core is pure: only relative imports, zod and papaparse.',
);
const coreLeavesNothing = rule(
  segment(['excel', 'xlsx', 'memory', 'taskpane', 'cli', 'i18n', 'sample', 'templates']),
  'src/core must not import the outer layers (adapters, apps, i18n, sample data).',
);
const laterStages = (stage) => CORE_STAGES.slice(CORE_STAGES.indexOf(stage) + 1);

const restrictImports = (...patterns) => ({ 'no-restricted-imports': ['error', { patterns }] });

const coreBlocks = CORE_STAGES.map((stage) => ({
  files: [`src/core/${stage}/**/*.ts`],
  rules: {
    ...restrictImports(
      corePackagesOnly,
      coreLeavesNothing,
      ...(laterStages(stage).length > 0
        ? [
            rule(
              `^\\.\\./(${laterStages(stage).join('|')})(/|$)`,
              `src/core/${stage} may import only the stages before it (${CORE_STAGES.join(' → ')}).`,
            ),
          ]
        : []),
    ),
    'no-restricted-globals': ['error', ...HOST_GLOBALS, ...BROWSER_AND_NODE_GLOBALS],
  },
}));

const outerBlock = (folder, banned, message) => ({
  files: [`src/${folder}/**/*.{ts,tsx}`],
  rules: {
    ...restrictImports(rule(segment(banned), message)),
    'no-restricted-globals': folder === 'excel' ? 'off' : ['error', ...HOST_GLOBALS],
  },
});

export default tseslint.config(
  {
    ignores: [
      'node_modules',
      'dist',
      'build',
      'out',
      'release',
      'coverage',
      'test-results',
      '**/*.js',
      '**/*.mjs',
      '**/*.cjs',
    ],
  },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  outerBlock(
    'cli',
    ['taskpane', 'excel', 'memory'],
    'src/cli works on .xlsx files: it never imports the task pane or the Office.js adapter.',
  ),
  outerBlock(
    'xlsx',
    ['taskpane', 'excel', 'cli', 'memory', 'i18n'],
    'src/xlsx is an adapter: it imports only the core.',
  ),
  outerBlock(
    'excel',
    ['taskpane', 'xlsx', 'cli', 'memory', 'i18n', 'sample'],
    'src/excel is an adapter: it imports only the core.',
  ),
  outerBlock(
    'memory',
    ['taskpane', 'xlsx', 'cli', 'excel', 'i18n', 'sample'],
    'src/memory is an adapter: it imports only the core.',
  ),
  outerBlock(
    'taskpane',
    ['xlsx', 'cli'],
    'src/taskpane runs in the browser: it never imports the .xlsx adapter or the command line.',
  ),
  outerBlock(
    'i18n',
    ['taskpane', 'xlsx', 'cli', 'excel', 'memory', 'sample'],
    'src/i18n holds texts: it imports only the core.',
  ),
  outerBlock(
    'sample',
    ['taskpane', 'xlsx', 'cli', 'excel', 'memory', 'i18n'],
    'src/sample generates data: it imports only the core.',
  ),
  outerBlock(
    'templates',
    ['taskpane', 'xlsx', 'cli', 'excel', 'memory', 'i18n', 'sample'],
    "src/templates builds the shipped Word and e-mail templates from the core's merge fields: it imports only the core.",
  ),
  ...coreBlocks,
  {
    files: ['src/cli/**/*.ts', 'bench/**/*.ts', 'scripts/**/*.ts'],
    rules: { 'no-console': 'off' },
  },
);
