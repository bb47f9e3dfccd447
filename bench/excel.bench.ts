/**
 * The Office.js adapter against the fake Excel context: syncs, requests and the largest request/response for
 * reading 10k/100k/1M-row sheets and writing 10k/100k target-group rows. `npm run bench:excel`
 */
import type { TableData } from '../src/core/sheetTable';
import { ExcelWorkbook } from '../src/excel/excelWorkbook';
import { type Cell, FakeExcel } from '../test/excel/fakeExcel';

const HEADERS = [
  'Kundennummer',
  'Anrede',
  'Vorname',
  'Nachname',
  'Firma',
  'Strasse',
  'PLZ',
  'Ort',
  'Telefon',
  'EMail',
];

const customerCell = (row: number, column: number): Cell => {
  if (row === 0) return HEADERS[column];
  const id = String(row).padStart(7, '0');
  const cells: Cell[] = [
    `K${id}`,
    row % 2 ? 'Frau' : 'Herr',
    'Anna',
    `Müller ${id}`,
    'Schulze GmbH',
    'Hauptstraße 1',
    10_000 + (row % 89_999),
    'Leipzig',
    `+49 341 ${id}`,
    `k${id}@example.de`,
  ];
  return cells[column];
};

const targetGroup = (rows: number): TableData => ({
  headers: HEADERS,
  rows: Array.from({ length: rows }, (_, i) => HEADERS.map((__, c) => String(customerCell(i + 1, c)))),
  textColumns: HEADERS.map((_, i) => i),
});

interface Line {
  scenario: string;
  rows: number;
  seconds: string;
  syncs: number;
  requests: number;
  largestRequestKB: number;
  largestResponseKB: number;
}

async function run(
  scenario: string,
  rows: number,
  prepare: (excel: FakeExcel) => void,
  act: (wb: ExcelWorkbook) => Promise<unknown>,
): Promise<Line> {
  const excel = new FakeExcel();
  excel.addSheet('Start', [['Start']]);
  prepare(excel);
  const workbook = new ExcelWorkbook({ run: excel.run, supportsExcelApi: () => true });
  excel.resetStats();
  const started = performance.now();
  await act(workbook);
  const { syncs, requests, largestRequestBytes, largestResponseBytes } = excel.stats;
  return {
    scenario,
    rows,
    seconds: ((performance.now() - started) / 1000).toFixed(1),
    syncs,
    requests,
    largestRequestKB: Math.round(largestRequestBytes / 1024),
    largestResponseKB: Math.round(largestResponseBytes / 1024),
  };
}

async function main(): Promise<void> {
  const lines: Line[] = [];
  for (const rows of [10_000, 100_000, 1_048_575]) {
    lines.push(
      await run(
        'read',
        rows,
        (excel) => void excel.addGeneratedSheet('Kunden', rows + 1, 10, customerCell),
        (wb) => wb.readSheet('Kunden'),
      ),
    );
  }
  for (const rows of [10_000, 100_000]) {
    const data = targetGroup(rows);
    lines.push(
      await run(
        'write',
        rows,
        () => undefined,
        (wb) => wb.writeTable({ sheet: 'Zielgruppe', tableName: 'Zielgruppe', data }),
      ),
    );
  }
  console.table(lines);
}

void main();
