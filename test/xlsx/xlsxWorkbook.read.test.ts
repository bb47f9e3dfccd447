import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { CellValue } from '../../src/core/kernel/sheetTable';
import { WorkbookError } from '../../src/core/workbook/workbookError';
import { type StreamSheets, XlsxWorkbook } from '../../src/xlsx/xlsxWorkbook';
import { foreignWorkbookZip, useTempDir, writeWorkbook } from './xlsxFixtures';

const tempDir = useTempDir();

const utcDate = (year: number, month: number, day: number) => new Date(Date.UTC(year, month - 1, day));

/** A messy contact list as people keep it: every kind of cell exceljs can hand back. */
const buildContacts = (workbook: ExcelJS.Workbook): void => {
  const sheet = workbook.addWorksheet('Kontakte');
  sheet.addRow(['Kontaktliste Herbst']);
  sheet.mergeCells('A1:G1');
  sheet.addRow(['Name', 'Geburtstag', 'E-Mail', 'Umsatz', 'Bemerkung', 'Werbesperre', 'Letzter Kauf']);
  sheet.addRow([
    { richText: [{ text: 'Jörg ', font: { bold: true } }, { text: 'Müller' }] },
    utcDate(1980, 3, 15),
    { text: 'joerg@example.de', hyperlink: 'mailto:joerg@example.de' },
    { formula: 'SUM(1,2)', result: 3 },
    { formula: 'VLOOKUP("x",A:A,1,FALSE)', result: { error: '#N/A' } },
    true,
    { formula: 'MAX(Umsätze!B:B)', result: utcDate(2024, 5, 2) },
  ]);
  sheet.getCell('G3').numFmt = 'dd.mm.yyyy';
  sheet.addRow(['Anna Schmidt', '15.03.1980', 'anna@example.de', { error: '#DIV/0!' }, '', false]);
  sheet.getCell('B3').numFmt = 'dd.mm.yyyy';
  sheet.addRow([]);
  sheet.addRow(['Summe', null, null, { formula: 'SUM(D3:D4)', result: 3 }]);
  // formatted but empty cells must not widen the used range
  sheet.getCell('J20').fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFFF00' } };
};

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
    const path = await writeWorkbook(tempDir(), (workbook) => {
      const sheet = workbook.addWorksheet('Kunden');
      sheet.getCell('C3').value = 'Kundennr';
      sheet.getCell('D3').value = 'PLZ';
      sheet.getCell('C4').value = 'K-100';
      sheet.getCell('D4').value = 1067;
      sheet.getCell('E9').value = null;
    });
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
    const path = await writeWorkbook(tempDir(), (workbook) => {
      workbook.properties.date1904 = true;
      const sheet = workbook.addWorksheet('Umsätze');
      sheet.addRow(['Datum', 'Betrag']);
      sheet.addRow([utcDate(2024, 2, 29), 19.99]);
      sheet.getCell('A2').numFmt = 'dd.mm.yyyy';
    });
    const table = await (await XlsxWorkbook.open(path, { streamSheets })).readSheet('Umsätze');

    expect(table.dateSystem).toBe(1904);
    expect(table.rows[1]).toEqual([utcDate(2024, 2, 29), 19.99]);
  });

  it('lists the sheets in tab order with their visibility', async () => {
    const path = await writeWorkbook(tempDir(), (workbook) => {
      workbook.addWorksheet('Kontakte').addRow(['Name']);
      workbook.addWorksheet('Hilfsdaten', { state: 'hidden' }).addRow(['x']);
      workbook.addWorksheet('Leer');
      workbook.addWorksheet('KampagnenDaten', { state: 'veryHidden' }).addRow(['{}']);
    });
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
    const names = Array.from({ length: 30_000 }, (_, i) => `Müller-Lüdenscheidt ${i} Straße ä ö ß €`);
    const path = await writeWorkbook(tempDir(), (workbook) => {
      const sheet = workbook.addWorksheet('Kontakte');
      sheet.addRow(['Nachname']);
      // inline strings put the text into the sheet part itself, which is read in chunks
      for (const name of names) sheet.addRow([{ richText: [{ text: name }] }]);
    });

    const table = await (await XlsxWorkbook.open(path, { streamSheets })).readSheet('Kontakte');

    expect(table.rows.slice(1).map((row) => row[0])).toEqual(names);
  });

  it('delivers Excel tables, merged headers, e-mail links and formulas without a value', async () => {
    const path = await writeWorkbook(tempDir(), (workbook) => {
      const sheet = workbook.addWorksheet('Kontakte');
      sheet.getCell('A1').value = 'Kontaktliste';
      sheet.addTable({
        name: 'tblKontakte',
        ref: 'A3',
        totalsRow: true,
        columns: [{ name: 'Kontakt-Nr.' }, { name: 'E-Mail' }, { name: 'Umsatz', totalsRowFunction: 'sum' }],
        rows: [
          ['P1', { text: 'E-Mail schreiben', hyperlink: 'mailto:bernd@example.de' }, 10],
          ['P2', { text: 'Homepage', hyperlink: 'https://example.de' }, { formula: 'C4*2' }],
        ],
      });
      sheet.getCell('E3').value = 'Name';
      sheet.mergeCells('E3:F3');
    });

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
    const path = await writeWorkbook(tempDir(), (workbook) =>
      workbook.addWorksheet('Kontakte').addRow(['Name']),
    );
    const workbook = await XlsxWorkbook.open(path, { streamSheets });

    await expect(workbook.readSheet('Kunden')).rejects.toEqual(new WorkbookError('sheetNotFound', 'Kunden'));
  });
});
