import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { CellValue } from '../../src/core/kernel/sheetTable';
import { WorkbookError } from '../../src/core/workbook/workbookError';
import { type StreamSheets, XlsxWorkbook } from '../../src/xlsx/xlsxWorkbook';
import {
  buildContacts,
  dates1904,
  offsetRange,
  oneSheet,
  sheetStates,
  tablesLinksFormulas,
  UMLAUT_NAMES,
  umlautChunks,
  utcDate,
} from './readTestWorkbooks';
import { foreignWorkbookZip, useTempDir, writeWorkbook } from './xlsxFixtures';

const tempDir = useTempDir();

const modes: StreamSheets[] = ['never', 'always'];

describe.each(modes)('XlsxWorkbook reading (streamSheets: %s)', (streamSheets) => {
  it('reads every kind of cell as the core expects it', async () => {
    const path = await writeWorkbook(tempDir(), buildContacts);
    const table = await (await XlsxWorkbook.open(path, { streamSheets })).readSheet('Kontakte');

    const expected: CellValue[][] = [
      ['Kontaktliste Herbst', null, null, null, null, null, null],
      ['Name', 'Geburtstag', 'E-Mail', 'Umsatz', 'Bemerkung', 'Werbesperre', 'Letzter Kauf'],
      ['Jörg Müller', utcDate(1980, 3, 15), 'mailto:joerg@example.de', 3, '#N/A', true, utcDate(2024, 5, 2)],
      ['Anna Schmidt', '15.03.1980', 'anna@example.de', '#DIV/0!', null, false, null],
      [null, null, null, null, null, null, null],
      ['Summe', null, null, 3, null, null, null],
    ];
    expect(table).toEqual({
      name: 'Kontakte',
      rows: expected,
      startRow: 1,
      startColumn: 1,
      dateSystem: 1900,
      merges: [{ top: 1, left: 1, bottom: 1, right: 7 }],
    });
  });

  it('reports where the used range starts when the data does not begin at A1', async () => {
    const path = await writeWorkbook(tempDir(), offsetRange);
    const table = await (await XlsxWorkbook.open(path, { streamSheets })).readSheet('kunden');

    expect(table).toMatchObject({
      name: 'Kunden',
      startRow: 3,
      startColumn: 3,
      rows: [
        ['Kundennr', 'PLZ'],
        ['K-100', 1067],
      ],
    });
  });

  it('reads dates of a 1904 workbook as the same calendar days and says which system it uses', async () => {
    const path = await writeWorkbook(tempDir(), dates1904);
    const table = await (await XlsxWorkbook.open(path, { streamSheets })).readSheet('Umsätze');

    expect(table.dateSystem).toBe(1904);
    expect(table.rows[1]).toEqual([utcDate(2024, 2, 29), 19.99]);
  });

  it('reads a sheet as often as asked, each time as the file has it, whatever the caller did with the last copy', async () => {
    const path = await writeWorkbook(tempDir(), buildContacts);
    const workbook = await XlsxWorkbook.open(path, { streamSheets });
    const first = await workbook.readSheet('Kontakte');
    const asRead = structuredClone(first);
    first.rows[2][0] = 'verändert';
    first.rows.length = 1;

    expect(await workbook.readSheet('Kontakte')).toEqual(asRead);
    expect(await workbook.readSheet('kontakte')).toEqual(asRead);
    await workbook.updateTable({
      sheet: 'Kontakte',
      cells: [{ row: 3, column: 4, value: 'neu' }],
      append: { column: 0, rows: [], textColumns: [] },
    });
    expect((await workbook.readSheet('Kontakte')).rows[3][4]).toBe('neu');
  });

  it('lists the sheets in tab order with their visibility', async () => {
    const path = await writeWorkbook(tempDir(), sheetStates);
    const workbook = await XlsxWorkbook.open(path, { streamSheets });

    expect(await workbook.listSheets()).toEqual([
      { name: 'Kontakte', visibility: 'visible', id: 'xlsx:1', tables: [] },
      { name: 'Hilfsdaten', visibility: 'hidden', id: 'xlsx:2', tables: [] },
      { name: 'Leer', visibility: 'visible', id: 'xlsx:3', tables: [] },
      { name: 'KampagnenDaten', visibility: 'veryHidden', id: 'xlsx:4', tables: [] },
    ]);
    expect((await workbook.readSheet('Leer')).rows).toEqual([]);
  });

  it('reads a workbook stored the way other programs write it (sheets first, absolute part paths)', async () => {
    const path = join(tempDir(), `fremd-${streamSheets}.xlsx`);
    await writeFile(path, foreignWorkbookZip());
    const workbook = await XlsxWorkbook.open(path, { streamSheets });

    // the ids are the file's sheetIds, whatever order the parts have
    expect(await workbook.listSheets()).toEqual([
      { name: 'Kunden', visibility: 'visible', id: 'xlsx:7', tables: [] },
      { name: 'Kontakte', visibility: 'visible', id: 'xlsx:3', tables: [] },
    ]);
    expect((await workbook.readSheet('Kontakte')).rows).toEqual([
      ['Name', 'PLZ'],
      ['Jörg Müller', '01067'],
    ]);
    expect((await workbook.readSheet('Kunden')).rows).toEqual([['Kundennr'], ['K-100']]);
  });

  it('keeps every umlaut of a long sheet intact across the chunk boundaries of the reader', async () => {
    const path = await writeWorkbook(tempDir(), umlautChunks);

    const table = await (await XlsxWorkbook.open(path, { streamSheets })).readSheet('Kontakte');

    expect(table.rows.slice(1).map((row) => row[0])).toEqual(UMLAUT_NAMES);
  });

  it('delivers Excel tables, merged headers, e-mail links and formulas without a value', async () => {
    const path = await writeWorkbook(tempDir(), tablesLinksFormulas);

    const table = await (await XlsxWorkbook.open(path, { streamSheets })).readSheet('Kontakte');

    expect(table.tables).toEqual([
      {
        name: 'tblKontakte',
        area: { top: 3, left: 1, bottom: 6, right: 3 },
        hasHeaderRow: true,
        totalsRowCount: 1,
        columns: ['Kontakt-Nr.', 'E-Mail', 'Umsatz'],
      },
    ]);
    expect(table.merges).toEqual([{ top: 3, left: 5, bottom: 3, right: 6 }]);
    expect(table.rows[3].slice(0, 2)).toEqual(['P1', 'mailto:bernd@example.de']);
    expect(table.rows[4].slice(0, 3)).toEqual(['P2', 'Homepage', null]);
    expect(table.uncalculated).toEqual(expect.arrayContaining([{ row: 5, column: 3 }]));
  });

  it('throws sheetNotFound for a sheet the workbook does not have', async () => {
    const path = await writeWorkbook(tempDir(), oneSheet);
    const workbook = await XlsxWorkbook.open(path, { streamSheets });

    await expect(workbook.readSheet('Kunden')).rejects.toEqual(new WorkbookError('sheetNotFound', 'Kunden'));
  });
});
