import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import ExcelJS from 'exceljs';
import { SCALES } from '../../bench/scenario';
import type { SheetTable } from '../../src/core/kernel/sheetTable';
import { syntheticWorkbook } from '../../src/sample/syntheticWorkbook';
import { readWorkbookFast } from '../../src/xlsx/fastReader';
import { readPackageInfo } from '../../src/xlsx/packageInfo';
import { withZipParts, zipEntriesOf } from '../../src/xlsx/zipDirectory';
import { CASE_FILES, writeReadingCases } from '../fixtures/readingCases';
import * as readTest from './readTestWorkbooks';
import { quirkWorkbookZip } from './quirkWorkbooks';
import { readWorkbookStreaming, type StreamedWorkbook } from './streamReaderOracle';
import { foreignWorkbookZip, useTempDir, writeWorkbook } from './xlsxFixtures';

/**
 * The fast reader must hand the core exactly the tables exceljs' streaming reader did (the oracle, kept unchanged in
 * streamReaderOracle.ts) — on every .xlsx the reading tests build or ship, on the bench's synthetic workbook as its
 * writer stores it, and on hand-written packages full of what real files hold (quirkWorkbooks.ts).
 */

const tempDir = useTempDir();
const ROOT = join(__dirname, '../..');

/** Cases that are no .xlsx, or none the readers get to (the file check refuses them first). */
const NOT_READ = new Set(['encrypted', 'legacyXls', 'openDocument', 'renamedCsv', 'truncated']);

/** The .xlsx files the reading tests build and ship, written once. */
const workbookFiles = async (dir: string): Promise<string[]> => {
  const cases = await writeReadingCases(dir);
  const files = Object.entries(cases)
    .filter(([name]) => !NOT_READ.has(name))
    .map(([, file]) => file);
  for (const [name, build] of Object.entries(readTest))
    if (typeof build === 'function' && build.length === 1 && name !== 'utcDate')
      files.push(await writeWorkbook(dir, build as (workbook: ExcelJS.Workbook) => void));
  const write = async (name: string, bytes: Buffer) => {
    const file = join(dir, name);
    await writeFile(file, bytes);
    files.push(file);
  };
  await write('fremd.xlsx', foreignWorkbookZip());
  for (const order of ['smallPartsFirst', 'sheetsFirst', 'stylesLast'] as const) {
    await write(`eigenheiten-${order}.xlsx`, quirkWorkbookZip(order));
    await write(`eigenheiten-${order}-1904.xlsx`, quirkWorkbookZip(order, true));
  }
  files.push(join(ROOT, 'test/xlsx/golden/Vertrieb.xlsx'), join(ROOT, 'samples/Beispiel-Grosshandel.xlsx'));
  // the bench's synthetic workbook, stored as bench/cli.bench.ts stores it (streaming writer, shared strings)
  const synthetic = join(dir, 'synthetic.xlsx');
  const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: synthetic, useSharedStrings: true });
  for (const table of syntheticWorkbook(SCALES.tiny)) {
    const sheet = writer.addWorksheet(table.name);
    for (const row of table.rows) sheet.addRow(row).commit();
    sheet.commit();
  }
  await writer.commit();
  files.push(synthetic);
  return files;
};

const packagesOf = async (file: string) => {
  const input = await readFile(file);
  const entries = zipEntriesOf(input) ?? [];
  return { input, packages: await withZipParts(file, entries, readPackageInfo) };
};

const ORACLE_RUNS = 5;

/** The quirk packages stored sheets first, and the same parts stored so that exceljs reads them reliably. */
const SAME_CONTENT = new Map([
  ['eigenheiten-sheetsFirst.xlsx', 'eigenheiten-smallPartsFirst.xlsx'],
  ['eigenheiten-sheetsFirst-1904.xlsx', 'eigenheiten-smallPartsFirst-1904.xlsx'],
]);

/** Whether a sheet part is stored before the shared strings or workbook.xml (exceljs' streaming reader races then). */
const sheetsFirst = (input: Buffer): boolean => {
  const names = (zipEntriesOf(input) ?? []).map(({ name }) => name);
  const firstSheet = names.findIndex((name) => /^xl\/worksheets\/sheet\d+\.xml$/.test(name));
  const late = ['xl/workbook.xml', 'xl/sharedStrings.xml'].map((part) => names.indexOf(part));
  return firstSheet >= 0 && late.some((at) => at > firstSheet);
};

const cellCount = (tables: SheetTable[]): number =>
  tables.reduce(
    (sum, table) => sum + table.rows.reduce((n, row) => n + row.filter((c) => c !== null).length, 0),
    0,
  );

describe('the fast values reader', () => {
  let files: string[] = [];
  beforeAll(async () => {
    files = await workbookFiles(tempDir());
  }, 300_000);

  it('reads every test workbook exactly as exceljs streaming reader did', async () => {
    let compared = 0;
    let cells = 0;
    const report: string[] = [];
    for (const file of files) {
      const { input, packages } = await packagesOf(file);
      const fast = await readWorkbookFast(input, packages).catch((error: Error) => error);
      const name = file.replace(/^.*\//, '');
      // exceljs' streaming reader races on packages that store sheets before workbook.xml and the shared strings
      // (exceljs issue 3064: the product then read exceljs' model); such a file is read again until it reads it all
      const runs: (StreamedWorkbook | Error)[] = [];
      const sameContent = SAME_CONTENT.get(name);
      if (sameContent) {
        // the quirk parts stored sheets first: exceljs races there even more (it may read a sheet before the shared
        // strings and styles, and call that complete); the same parts stored small parts first are the oracle
        const other = join(tempDir(), sameContent);
        runs.push(await readWorkbookStreaming(other, (await packagesOf(other)).packages));
      } else
        for (let run = 0; run < ORACLE_RUNS; run++) {
          const read = await readWorkbookStreaming(file, packages).catch((error: Error) => error);
          runs.push(read);
          if (!sheetsFirst(input)) break;
          if (
            !(read instanceof Error) &&
            !(fast instanceof Error) &&
            isDeepStrictEqual(read.tables, fast.tables)
          )
            break;
        }
      const complete = runs.filter((run): run is StreamedWorkbook => !(run instanceof Error) && run.complete);
      if (complete.length === 0) {
        // the product read such a file with exceljs' model; the fast reader must not claim it either — unless
        // the oracle only lost the race a sheets-first package can cause
        if (!sheetsFirst(input))
          expect({ name, fast: fast instanceof Error || !fast.complete }).toEqual({ name, fast: true });
        report.push(
          `${name}: oracle incomplete (${runs.map((run) => (run instanceof Error ? run.message.slice(0, 40) : 'incomplete')).join(', ')})`,
        );
        continue;
      }
      if (fast instanceof Error) throw new Error(`${name}: ${fast.message}`);
      const equal = complete.some((run) => isDeepStrictEqual(run.tables, fast.tables));
      if (!equal) expect({ name, tables: fast.tables }).toEqual({ name, tables: complete[0].tables });
      compared++;
      cells += cellCount(fast.tables);
      report.push(
        `${name}: equal, ${cellCount(fast.tables)} cells${runs.length > 1 ? `, oracle runs ${runs.length}` : ''}`,
      );
    }
    process.stdout.write(
      `fast reader = oracle on ${compared} of ${files.length} files, ${cells} cells\n${report.join('\n')}\n`,
    );
    expect(compared).toBeGreaterThanOrEqual(Object.keys(CASE_FILES).length - NOT_READ.size);
  }, 600_000);
});
