import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/**
 * The architecture's rules cannot rot silently: each probe below is a file that breaks one rule, linted as if it
 * stood at its path, and must be refused with that rule; the same import from an allowed place must pass.
 */
const root = resolve(__dirname, '../..');

/** The rules each probe breaks, linted in one child process (see lintProbes.mjs). */
const lint = (probes: { filePath: string; code: string }[]): string[][] =>
  JSON.parse(
    execFileSync('node', [resolve(__dirname, 'lintProbes.mjs')], {
      cwd: root,
      input: JSON.stringify(
        probes.map(({ filePath, code }) => ({ filePath: resolve(root, filePath), code })),
      ),
      encoding: 'utf8',
    }),
  );

const probes: [string, string, string][] = [
  ['core uses Office', 'src/core/kernel/probe.ts', 'export const host = Office.context;'],
  ['core uses window', 'src/core/select/probe.ts', 'export const width = window.innerWidth;'],
  ['core uses document', 'src/core/outputs/probe.ts', 'export const title = document.title;'],
  ['core uses process', 'src/core/run/probe.ts', 'export const env = process.env;'],
  ['core uses Excel', 'src/core/workbook/probe.ts', 'export const run = Excel.run;'],
  [
    'core imports node:fs',
    'src/core/kernel/probe.ts',
    "import { readFile } from 'node:fs';\nexport { readFile };",
  ],
  ['core imports os', 'src/core/run/probe.ts', "import { tmpdir } from 'os';\nexport { tmpdir };"],
  [
    'core imports crypto',
    'src/core/kernel/probe.ts',
    "import { createHash } from 'crypto';\nexport { createHash };",
  ],
  [
    'core imports stream',
    'src/core/read/probe.ts',
    "import { Readable } from 'stream';\nexport { Readable };",
  ],
  ['core imports jszip', 'src/core/outputs/probe.ts', "import JSZip from 'jszip';\nexport { JSZip };"],
  [
    'core imports exceljs',
    'src/core/outputs/probe.ts',
    "import ExcelJS from 'exceljs';\nexport { ExcelJS };",
  ],
  [
    'core imports react',
    'src/core/group/probe.ts',
    "import { useState } from 'react';\nexport { useState };",
  ],
  [
    'core imports i18n',
    'src/core/run/probe.ts',
    "import { createTranslator } from '../../i18n/i18n';\nexport { createTranslator };",
  ],
  [
    'core imports sample',
    'src/core/run/probe.ts',
    "import { sampleWorkbook } from '../../sample/sampleWorkbook';\nexport { sampleWorkbook };",
  ],
  [
    'core imports the task pane',
    'src/core/evaluation/probe.ts',
    "import { App } from '../../taskpane/App';\nexport { App };",
  ],
  [
    'kernel imports a later stage',
    'src/core/kernel/probe.ts',
    "import { runCampaign } from '../run/campaignRun';\nexport { runCampaign };",
  ],
  [
    'read imports select',
    'src/core/read/probe.ts',
    "import { runSelection } from '../select/selections';\nexport { runSelection };",
  ],
  [
    'group imports outputs',
    'src/core/group/probe.ts',
    "import { toCsv } from '../outputs/csv';\nexport { toCsv };",
  ],
  [
    'outputs imports evaluation',
    'src/core/outputs/probe.ts',
    "import { evaluate } from '../evaluation/evaluate';\nexport { evaluate };",
  ],
  [
    'cli imports the task pane',
    'src/cli/probe.ts',
    "import { App } from '../taskpane/App';\nexport { App };",
  ],
  [
    'cli imports the Office adapter',
    'src/cli/commands/probe.ts',
    "import { x } from '../../excel/excelWorkbook';\nexport { x };",
  ],
  [
    'xlsx imports the Office adapter',
    'src/xlsx/probe.ts',
    "import { x } from '../excel/excelWorkbook';\nexport { x };",
  ],
  [
    'xlsx imports the task pane',
    'src/xlsx/patch/probe.ts',
    "import { x } from '../../taskpane/App';\nexport { x };",
  ],
  [
    'task pane imports the xlsx adapter',
    'src/taskpane/probe.tsx',
    "import { x } from '../xlsx/xlsxWorkbook';\nexport { x };",
  ],
  [
    'task pane imports the command line',
    'src/taskpane/home/probe.tsx',
    "import { x } from '../../cli/main';\nexport { x };",
  ],
  [
    'excel imports the task pane',
    'src/excel/probe.ts',
    "import { x } from '../taskpane/App';\nexport { x };",
  ],
  ['excel imports i18n', 'src/excel/probe.ts', "import { x } from '../i18n/i18n';\nexport { x };"],
  [
    'templates import the task pane',
    'src/templates/probe.ts',
    "import { x } from '../taskpane/App';\nexport { x };",
  ],
  [
    'core imports the templates',
    'src/core/outputs/probe.ts',
    "import { x } from '../../templates/letterTemplate';\nexport { x };",
  ],
  ['the task pane uses Excel', 'src/taskpane/probe.tsx', 'export const run = Excel.run;'],
];

/** The compiler's error lines for a project; none when it compiles. */
const compileErrors = (project: string): string[] => {
  try {
    execFileSync(join(root, 'node_modules/.bin/tsc'), ['-p', project], { cwd: root, encoding: 'utf8' });
    return [];
  } catch (error) {
    return String((error as { stdout?: string }).stdout)
      .split('\n')
      .filter((line) => line.includes('error TS'));
  }
};

const accepted: [string, string, string][] = [
  [
    'a stage imports an earlier one',
    'src/core/run/probe.ts',
    "import { ok } from '../kernel/result';\nexport { ok };",
  ],
  ['the core imports zod', 'src/core/campaign/probe.ts', "import { z } from 'zod';\nexport { z };"],
  ['the Office adapter uses Excel', 'src/excel/probe.ts', 'export const run = Excel.run;'],
  [
    'the command line imports the xlsx adapter',
    'src/cli/probe.ts',
    "import { x } from '../xlsx/xlsxWorkbook';\nexport { x };",
  ],
  [
    'the templates import the core',
    'src/templates/probe.ts',
    "import { ok } from '../core/kernel/result';\nexport { ok };",
  ],
  [
    'the task pane imports the core',
    'src/taskpane/probe.tsx',
    "import { ok } from '../core/kernel/result';\nexport { ok };",
  ],
];

describe('architecture rules', () => {
  const refusedBy = lint(probes.map(([, filePath, code]) => ({ filePath, code })));
  const acceptedBy = lint(accepted.map(([, filePath, code]) => ({ filePath, code })));

  it.each(probes.map(([what, , code], i) => [what, code, refusedBy[i]] as const))(
    'refuses a probe where %s',
    (_what, code, rules) => {
      expect(rules).toContain(code.startsWith('import') ? 'no-restricted-imports' : 'no-restricted-globals');
    },
  );

  it.each(accepted.map((probe, i) => [probe[0], acceptedBy[i]] as const))(
    'accepts a probe where %s',
    (_what, rules) => {
      expect(rules).toEqual([]);
    },
  );

  it('the core compiles without DOM and Node types, and the compiler refuses them there (tsconfig.core.json)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'core-probe-'));
    writeFileSync(
      join(dir, 'probe.ts'),
      'export const probe = [document.title, process.env, setTimeout(() => 0)];\n',
    );
    writeFileSync(
      join(dir, 'tsconfig.json'),
      JSON.stringify({
        extends: join(root, 'tsconfig.core.json'),
        include: [join(root, 'src/core'), join(dir, 'probe.ts')],
      }),
    );
    const errors = compileErrors(dir);
    rmSync(dir, { recursive: true, force: true });
    expect(errors.filter((line) => !line.includes('probe.ts'))).toEqual([]);
    expect(errors.join('\n')).toMatch(/Cannot find name 'document'/);
    expect(errors.join('\n')).toMatch(/Cannot find name 'process'/);
    expect(errors.join('\n')).toMatch(/Cannot find name 'setTimeout'/);
  });
});
