/**
 * The Office.js adapter against the fake Excel context (test/excel/fakeExcel.ts): syncs, requests and the largest
 * request and response for reading each sheet of the synthetic workbook and a full 1,048,576 × 10 sheet, for
 * writing the target group and the Leads sheet, and for a re-run's update of the Leads sheet. Started by bench/run.ts:
 *   node --import tsx bench/excel.bench.ts <S|M|L> <out.json>
 */
import type { SheetTable } from '../src/core/kernel/sheetTable';
import { ExcelWorkbook } from '../src/excel/excelWorkbook';
import { syntheticWorkbook } from '../src/sample/syntheticWorkbook';
import { type Cell, FakeExcel } from '../test/excel/fakeExcel';
import { cpuFigure, type Figure, figureFile, single } from './measure';
import { emptyState } from '../src/core/state/state';
import { stateToTable } from '../src/core/state/stateTable';
import {
  buildGroup,
  CAMPAIGN_REF,
  editedLeadsSheet,
  groupTable,
  mergeIntoLeads,
  parseOrThrow,
  SCALES,
  type ScaleName,
} from './scenario';

const FULL_SHEET = 'Vollständig';
const FULL_ROWS = 1_048_576;
const FULL_HEADERS = [
  'Kundennummer',
  'Anrede',
  'Vorname',
  'Nachname',
  'Firma',
  'Straße',
  'PLZ',
  'Ort',
  'Telefon',
  'EMail',
];

/** A computed sheet: Excel's full row count costs the fake no memory. */
const fullSheetCell = (row: number, column: number): Cell => {
  if (row === 0) return FULL_HEADERS[column];
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

/** Excel's `values` never hold null: empty cells are "", and the used range is a rectangle. */
const asExcelValues = (table: SheetTable): Cell[][] => {
  const width = table.rows.reduce((widest, row) => Math.max(widest, row.length), 0);
  return table.rows.map((row) =>
    Array.from({ length: width }, (_, c) => {
      const cell = row[c];
      return cell === null || cell === undefined ? '' : cell instanceof Date ? cell.toISOString() : cell;
    }),
  );
};

const measure = async (
  excel: FakeExcel,
  figure: string,
  scale: string,
  act: () => Promise<unknown>,
): Promise<Figure[]> => {
  excel.resetStats();
  const started = performance.now();
  await act();
  const ms = performance.now() - started;
  const { syncs, requests, largestRequestBytes, largestResponseBytes, rejectedForSize } = excel.stats;
  process.stderr.write(
    `  ${figure}: ${syncs} syncs, ${requests} requests, largest ${Math.round(largestRequestBytes / 1024)} KB / ${Math.round(largestResponseBytes / 1024)} KB, ${ms.toFixed(0)} ms\n`,
  );
  return [
    single(`${figure}.syncs`, scale, 'syncs', syncs),
    single(`${figure}.requests`, scale, 'requests', requests),
    single(`${figure}.rejectedForSize`, scale, 'requests', rejectedForSize),
    single(`${figure}.largestRequest`, scale, 'KB', largestRequestBytes / 1024),
    single(`${figure}.largestResponse`, scale, 'KB', largestResponseBytes / 1024),
    single(`${figure}.time`, scale, 'ms', ms),
  ];
};

const main = async (): Promise<void> => {
  const [scale, out] = process.argv.slice(2) as [ScaleName, string];
  const tables = syntheticWorkbook(SCALES[scale]);
  const excel = new FakeExcel();
  for (const table of tables) excel.addSheet(table.name, asExcelValues(table));
  excel.addGeneratedSheet(FULL_SHEET, FULL_ROWS, FULL_HEADERS.length, fullSheetCell);
  const workbook = new ExcelWorkbook({ run: excel.run, supportsExcelApi: () => true });
  const figures: Figure[] = [];
  for (const { name } of [...tables, { name: FULL_SHEET }]) {
    figures.push(...(await measure(excel, `excel.read.${name}`, scale, () => workbook.readSheet(name))));
  }
  const group = buildGroup(parseOrThrow(tables));
  const target = groupTable(group);
  const edited = editedLeadsSheet(group, SCALES[scale].seed);
  const [headers, ...rows] = edited.sheet.rows;
  const worked = { headers: headers.map(String), rows, textColumns: [] };
  const { update, record } = mergeIntoLeads(edited, group);
  // what the state sheet holds for these leads since the update is in place: one fingerprint record per lead
  const state = stateToTable({ ...emptyState(), leads: { [CAMPAIGN_REF.id]: record } });
  figures.push(
    ...(await measure(excel, 'excel.write.targetGroup', scale, () =>
      workbook.writeTable({ sheet: 'Zielgruppe', tableName: 'Zielgruppe', data: target }),
    )),
    // the sheet as the sales team left it: written whole once, as a first run does
    ...(await measure(excel, 'excel.write.leads', scale, () =>
      workbook.writeTable({ sheet: 'Leads', tableName: 'Leads', data: worked }),
    )),
    // a re-run: only the changed cells and the new rows
    ...(await measure(excel, 'excel.update.leads', scale, () =>
      workbook.updateTable({ sheet: 'Leads', tableName: 'Leads', ...update! }),
    )),
    ...(await measure(excel, 'excel.write.leadRecords', scale, () =>
      workbook.writeTable({ sheet: 'KampagnenDaten', data: state, visibility: 'veryHidden', atomic: true }),
    )),
  );
  figures.push(cpuFigure('excel', scale));
  figures.forEach(figureFile(out));
};

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exitCode = 1;
});
