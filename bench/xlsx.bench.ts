/**
 * Time and peak memory of the .xlsx adapter on large workbooks.
 *   npm run bench:xlsx                 generate the workbooks (once, under $TMPDIR/kampagnen-bench) and measure
 *   tsx bench/xlsx.bench.ts read|cycle|model <file>   one measured phase (spawned by the above under /usr/bin/time -v)
 * Env BENCH_HEAP_MB sets --max-old-space-size for the phases (exceljs' full model of a million rows needs ~3 GB heap).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { XlsxWorkbook } from '../src/xlsx/xlsxWorkbook';

const DIR = join(tmpdir(), 'kampagnen-bench');
const SALES_ONLY = join(DIR, 'sales-1m.xlsx');
const CRM = join(DIR, 'crm-100k-20k-1m.xlsx');
const TARGET_ROWS = 100_000;

const day = (n: number): Date => new Date(Date.UTC(2024, 0, 1) + (n % 730) * 86_400_000);

const addSales = (workbook: ExcelJS.stream.xlsx.WorkbookWriter, count: number): void => {
  const sheet = workbook.addWorksheet('Umsätze');
  sheet.columns = [
    { header: 'Belegnr', width: 10 },
    { header: 'Datum', width: 12, style: { numFmt: 'dd.mm.yyyy' } },
    { header: 'Kundennr', width: 10 },
    { header: 'Artikelnr', width: 10 },
    { header: 'Artikel', width: 24 },
    { header: 'Menge', width: 8 },
    { header: 'Einzelpreis', width: 10 },
    { header: 'Umsatz', width: 10 },
  ];
  for (let i = 0; i < count; i++) {
    const quantity = 1 + (i % 9);
    const price = 4.5 + (i % 50);
    sheet
      .addRow([
        100_000 + i,
        day(i),
        `K${10_000 + (i % 20_000)}`,
        `A${1000 + (i % 500)}`,
        `Artikel Nr. ${i % 500}`,
        quantity,
        price,
        quantity * price,
      ])
      .commit();
  }
  sheet.commit();
};

const addContacts = (workbook: ExcelJS.stream.xlsx.WorkbookWriter, count: number): void => {
  const sheet = workbook.addWorksheet('Kontakte');
  sheet
    .addRow([
      'Kontakt-Nr',
      'Anrede',
      'Vorname',
      'Nachname',
      'Firma',
      'Straße',
      'PLZ',
      'Ort',
      'E-Mail',
      'Telefon',
      'Werbesperre',
    ])
    .commit();
  for (let i = 0; i < count; i++) {
    const plz = String(1067 + (i % 98_000)).padStart(5, '0');
    sheet
      .addRow([
        `C${i}`,
        i % 2 ? 'Frau' : 'Herr',
        `Vorname${i}`,
        `Müller${i}`,
        `Firma ${i % 20_000}`,
        `Hauptstraße ${i % 200}`,
        plz,
        'Köln',
        `kontakt${i}@example.de`,
        `+49 221 ${1_000_000 + i}`,
        i % 50 === 0 ? 'ja' : '',
      ])
      .commit();
  }
  sheet.commit();
};

const addCustomers = (workbook: ExcelJS.stream.xlsx.WorkbookWriter, count: number): void => {
  const sheet = workbook.addWorksheet('Kunden');
  sheet.addRow(['Kundennr', 'Firma', 'PLZ', 'Ort', 'E-Mail', 'Kunde seit']).commit();
  for (let i = 0; i < count; i++) {
    sheet
      .addRow([
        `K${10_000 + i}`,
        `Firma ${i}`,
        String(1067 + i).padStart(5, '0'),
        'Dresden',
        `info${i}@firma${i}.de`,
        day(i),
      ])
      .commit();
  }
  sheet.commit();
};

const generate = async (
  path: string,
  build: (workbook: ExcelJS.stream.xlsx.WorkbookWriter) => void,
): Promise<void> => {
  if (existsSync(path)) return;
  const started = Date.now();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: path,
    useSharedStrings: true,
    useStyles: true,
  });
  build(workbook);
  await workbook.commit();
  console.log(`generated ${path}: ${mb(statSync(path).size)} in ${seconds(started)}`);
};

const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const seconds = (since: number): string => `${((Date.now() - since) / 1000).toFixed(1)} s`;

const phases = {
  /** streamed values of every sheet, as the engine reads them */
  async read(file: string) {
    const workbook = await XlsxWorkbook.open(file);
    for (const { name } of await workbook.listSheets())
      console.log(`  ${name}: ${(await workbook.readSheet(name)).rows.length} rows`);
  },
  /** exceljs' full model, for comparison */
  async model(file: string) {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    console.log(`  ${workbook.worksheets.map((sheet) => `${sheet.name}: ${sheet.rowCount}`).join(', ')}`);
  },
  /** what `kampagne run` does: read all sheets (streamed), write a target table and the state sheet, save (zip patch) */
  async cycle(file: string) {
    const started = Date.now();
    const workbook = await XlsxWorkbook.open(file);
    for (const { name } of await workbook.listSheets()) await workbook.readSheet(name);
    console.log(`  open and read: ${seconds(started)}`);
    const rows = Array.from({ length: TARGET_ROWS }, (_, i) => [
      `C${i}`,
      'Frau',
      `Vorname${i}`,
      `Müller${i}`,
      String(1067 + i).padStart(5, '0'),
      'Köln',
      `kontakt${i}@example.de`,
      `+49 221 ${1_000_000 + i}`,
    ]);
    const headers = ['KontaktNr', 'Anrede', 'Vorname', 'Nachname', 'PLZ', 'Ort', 'EMail', 'Telefon'];
    await workbook.writeTable({
      sheet: 'Zielgruppe',
      tableName: 'Zielgruppe',
      data: { headers, rows, textColumns: [0, 4, 7] },
    });
    await workbook.writeTable({
      sheet: 'KampagnenDaten',
      data: { headers: ['Version', 'Daten'], rows: [[1, '{"version":1,"campaigns":[]}']], textColumns: [] },
      visibility: 'veryHidden',
    });
    const out = join(DIR, 'cycle-out.xlsx');
    const saving = Date.now();
    await workbook.saveAs(out);
    console.log(`  saveAs: ${seconds(saving)}, wrote ${out}: ${mb(statSync(out).size)}`);
  },
};
type Phase = keyof typeof phases;

const measure = (phase: Phase, file: string): void => {
  const heap = process.env.BENCH_HEAP_MB ? [`--max-old-space-size=${process.env.BENCH_HEAP_MB}`] : [];
  const args = ['-v', process.execPath, ...heap, '--import', 'tsx', __filename, phase, file];
  const run = spawnSync('/usr/bin/time', args, { encoding: 'utf8' });
  const field = (label: string) => run.stderr.match(new RegExp(`${label}: (.*)`))?.[1]?.trim() ?? '?';
  const peak = Number(field('Maximum resident set size \\(kbytes\\)')) * 1024;
  const cpu = Number(field('User time \\(seconds\\)')) + Number(field('System time \\(seconds\\)'));
  const wall = field('Elapsed \\(wall clock\\) time \\(h:mm:ss or m:ss\\)');
  const status = run.status === 0 ? 'ok' : `FAILED (exit ${run.status})`;
  console.log(run.stdout.trimEnd());
  console.log(
    `${phase} ${file}: ${status}, wall ${wall}, cpu ${cpu.toFixed(1)} s, peak RSS ${mb(peak)} ${heap.join(' ')}`,
  );
  if (run.status !== 0)
    console.log(
      run.stderr
        .split('\n')
        .filter((line) => !line.startsWith('\t'))
        .slice(-8)
        .join('\n'),
    );
};

const main = async (): Promise<void> => {
  const [phase, file] = process.argv.slice(2) as [Phase | undefined, string | undefined];
  if (phase && file) return phases[phase](file);
  mkdirSync(DIR, { recursive: true });
  await generate(SALES_ONLY, (workbook) => addSales(workbook, 1_000_000));
  await generate(CRM, (workbook) => {
    addContacts(workbook, 100_000);
    addCustomers(workbook, 20_000);
    addSales(workbook, 1_000_000);
  });
  const only = process.env.BENCH_PHASES?.split(',') as Phase[] | undefined;
  const plan: [Phase, string][] = [
    ['read', SALES_ONLY],
    ['model', SALES_ONLY],
    ['read', CRM],
    ['cycle', CRM],
  ];
  for (const [phase, path] of plan) if (!only || only.includes(phase)) measure(phase, path);
};

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
