import { execFileSync, spawn } from 'node:child_process';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import type { CellValue } from '../../src/core/kernel/sheetTable';

export const ROOT = path.join(__dirname, '..', '..');
const BIN = path.join(ROOT, 'bin', 'kampagne.js');

/** Compiles the command line as `npm ci` does (incremental, so a second run is quick). */
export const buildCli = (): void => {
  execFileSync(
    process.execPath,
    [require.resolve('typescript/bin/tsc'), '-p', path.join(ROOT, 'tsconfig.cli.json')],
    {
      cwd: ROOT,
      stdio: 'pipe',
    },
  );
};

/** The arguments of `kampagne run` from a workbook and a campaign file to `out` (by default ergebnis.xlsx beside them). */
export const runArgs = (
  f: { dir: string; workbook: string; campaign: string },
  out = path.join(f.dir, 'ergebnis.xlsx'),
): string[] => ['run', '--workbook', f.workbook, '--campaign', f.campaign, '--out', out];

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
  /** stderr split into lines, without the trailing empty one. */
  errors: string[];
}

/** Runs the built bin as a user would, in a German shell unless `env` says otherwise. */
export const runCli = (args: string[], env: Record<string, string> = {}, cwd = ROOT): Promise<CliRun> =>
  new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd,
      env: { PATH: process.env.PATH ?? '', LANG: 'de_DE.UTF-8', ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) =>
      resolve({ code, stdout, stderr, errors: stderr.split('\n').filter(Boolean) }),
    );
  });

export const tempDir = (): Promise<string> => fs.mkdtemp(path.join(os.tmpdir(), 'kampagne-cli-'));

export const exists = (file: string): Promise<boolean> =>
  fs.access(file).then(
    () => true,
    () => false,
  );

/** Writes a workbook by hand, the way people's files look: sheet name → rows (first row = header). */
export const writeWorkbook = async (file: string, sheets: Record<string, CellValue[][]>): Promise<void> => {
  const workbook = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const sheet = workbook.addWorksheet(name);
    rows.forEach((row) => sheet.addRow(row));
  }
  await workbook.xlsx.writeFile(file);
};

export const readWorkbook = async (file: string): Promise<ExcelJS.Workbook> => {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  return workbook;
};

const plain = (value: ExcelJS.CellValue): CellValue => {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value;
  if (typeof value === 'object' && 'richText' in value)
    return value.richText.map((part) => part.text).join('');
  if (typeof value === 'object' && 'result' in value) return (value.result ?? null) as CellValue;
  if (typeof value === 'object' && 'error' in value) return value.error;
  return value as CellValue;
};

/** The used range of a sheet as plain values, row 1 first. */
export const sheetValues = (sheet: ExcelJS.Worksheet): CellValue[][] => {
  const width = sheet.columnCount;
  return Array.from({ length: sheet.rowCount }, (_, r) => {
    const row = sheet.getRow(r + 1);
    return Array.from({ length: width }, (_, c) => plain(row.getCell(c + 1).value));
  });
};

export interface TableInfo {
  name: string;
  ref: string;
  headers: string[];
}

/** The Excel tables (ListObjects) of a sheet as Excel sees them in the file. */
export const tablesOf = (sheet: ExcelJS.Worksheet): TableInfo[] =>
  sheet.getTables().map((entry) => {
    const model = (
      entry as unknown as {
        table: { name: string; tableRef?: string; ref?: string; columns: { name: string }[] };
      }
    ).table;
    return {
      name: model.name,
      ref: model.tableRef ?? model.ref ?? '',
      headers: model.columns.map((c) => c.name),
    };
  });

/** Files in a folder, to prove that a failed run left nothing behind (no output, no temporary file). */
export const listFiles = async (dir: string): Promise<string[]> => (await fs.readdir(dir)).sort();

/** The exported CSV (UTF-8 with BOM, semicolons) as the rows a mail merge sees: header → value. */
export const csvRecords = async (file: string): Promise<Record<string, string>[]> =>
  Papa.parse<Record<string, string>>((await fs.readFile(file, 'utf8')).replace(/^\uFEFF/, ''), {
    header: true,
    delimiter: ';',
    skipEmptyLines: true,
  }).data;
