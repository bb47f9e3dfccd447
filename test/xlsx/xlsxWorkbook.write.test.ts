import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import type { CellValue, TableData } from '../../src/core/kernel/sheetTable';
import type { WriteTableRequest } from '../../src/core/workbook/workbookPort';
import { XlsxWorkbook } from '../../src/xlsx/xlsxWorkbook';
import { outputPath, readBack, useTempDir, writeWorkbook } from './xlsxFixtures';

const tempDir = useTempDir();

const targetGroup = (
  rows: CellValue[][] = [
    ['C-001', 'Jörg Müller', '01067', 'Dresden', '+49 351 1234567', new Date(Date.UTC(2024, 4, 2))],
  ],
): TableData => ({
  headers: ['KontaktNr', 'Name', 'PLZ', 'Ort', 'Telefon', 'LetzterKauf'],
  rows,
  textColumns: [0, 2, 4],
});

const targetRequest = (overrides: Partial<WriteTableRequest> = {}): WriteTableRequest => ({
  sheet: 'Zielgruppe Herbst',
  tableName: 'Zielgruppe_Herbst',
  data: targetGroup(),
  ...overrides,
});

/** A workbook as a user styles it: bold header, fills, number formats, widths, a formula, a merged title, a second sheet. */
const buildStyledWorkbook = (workbook: ExcelJS.Workbook): void => {
  const sales = workbook.addWorksheet('Umsätze');
  sales.getCell('A1').value = 'Umsätze 2024';
  sales.mergeCells('A1:C1');
  sales.addRow(['Kundennr', 'Datum', 'Betrag']);
  sales.getRow(2).font = { bold: true };
  sales.getCell('A2').fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFE699' } };
  sales.addRow(['K-100', new Date(Date.UTC(2024, 0, 31)), 1234.5]);
  sales.addRow(['K-200', new Date(Date.UTC(2024, 1, 29)), 99.9]);
  sales.addRow(['Summe', null, { formula: 'SUM(C3:C4)', result: 1334.4 }]);
  sales.getColumn(2).numFmt = 'dd.mm.yyyy';
  sales.getColumn(3).numFmt = '#,##0.00 "€"';
  sales.getColumn(1).width = 14;
  sales.getColumn(3).width = 18;
  const articles = workbook.addWorksheet('Artikel');
  articles.addTable({
    name: 'Artikelliste',
    ref: 'A1',
    headerRow: true,
    style: { theme: 'TableStyleMedium2', showRowStripes: true },
    columns: [
      { name: 'Artikelnr', filterButton: true },
      { name: 'Bezeichnung', filterButton: true },
    ],
    rows: [
      ['A-1', 'Kaffee'],
      ['A-2', 'Tee'],
    ],
  });
};

const saveAndReadBack = async (workbook: XlsxWorkbook): Promise<ExcelJS.Workbook> => {
  const path = outputPath(tempDir());
  await workbook.saveAs(path);
  return readBack(path);
};

// 'never' reads the values through exceljs' full model, 'always' streams them; both write by patching the zip
describe.each(['never', 'always'] as const)('with streamSheets: %s', (streamSheets) => {
  const open = async (build: (workbook: ExcelJS.Workbook) => void = buildStyledWorkbook) =>
    XlsxWorkbook.open(await writeWorkbook(tempDir(), build), { streamSheets });

  describe('XlsxWorkbook.writeTable', () => {
    it('writes the target group as a real Excel table with header, filter buttons and a light style', async () => {
      const workbook = await open();
      await workbook.writeTable(targetRequest());
      const sheet = (await saveAndReadBack(workbook)).getWorksheet('Zielgruppe Herbst')!;

      const { table } = sheet.getTable('Zielgruppe_Herbst') as unknown as {
        table: ExcelJS.TableProperties & { tableRef: string };
      };
      expect(table).toMatchObject({
        name: 'Zielgruppe_Herbst',
        tableRef: 'A1:F2',
        headerRow: true,
        style: { theme: 'TableStyleLight9' },
      });
      expect(table.columns.map((column) => [column.name, column.filterButton])).toEqual(
        targetGroup().headers.map((header) => [header, true]),
      );
      expect(sheet.getRow(2).values).toEqual([
        undefined,
        'C-001',
        'Jörg Müller',
        '01067',
        'Dresden',
        '+49 351 1234567',
        new Date(Date.UTC(2024, 4, 2)),
      ]);
    });

    it('writes a target group of several megabytes of XML that readers check entry by entry', async () => {
      const names = ['Jörg Müller', 'Anna Schmidt & Söhne', 'Zoë <Kunz>', 'Ünal Yıldız'];
      const rows: CellValue[][] = Array.from({ length: 25_000 }, (_, i) => [
        `C-${String(i).padStart(6, '0')}`,
        `${names[i % names.length]} ${i}`,
        String(1067 + (i % 90_000)).padStart(5, '0'),
        i % 7 === 0 ? null : 'Dresden',
        `+49 351 ${i}`,
        new Date(Date.UTC(2024, i % 12, 1 + (i % 28))),
      ]);
      const workbook = await open();
      await workbook.writeTable(targetRequest({ data: targetGroup(rows) }));
      const path = outputPath(tempDir());
      await workbook.saveAs(path);

      // JSZip checks every entry's CRC-32 and length against its inflated bytes
      const zip = await JSZip.loadAsync(await readFile(path), { checkCRC32: true });
      const sheetParts = Object.keys(zip.files).filter((part) => part.startsWith('xl/worksheets/sheet'));
      const sizes = await Promise.all(
        sheetParts.map(async (part) => (await zip.file(part)!.async('nodebuffer')).length),
      );
      expect(Math.max(...sizes)).toBeGreaterThan(3 << 20);
      const sheet = (await readBack(path)).getWorksheet('Zielgruppe Herbst')!;
      expect(sheet.rowCount).toBe(25_001);
      for (const i of [0, 1, 2, 3, 7, 12_345, 24_999])
        expect(sheet.getRow(i + 2).values).toEqual([
          undefined,
          ...rows[i].map((value) => value ?? undefined),
        ]);
    });

    it('formats ids, postal codes and phones as text and keeps numbers passed for them as text', async () => {
      const workbook = await open();
      await workbook.writeTable(
        targetRequest({ data: targetGroup([['C-001', 'Jörg', 1067, 'Dresden', 4922112345, null]]) }),
      );
      const sheet = (await saveAndReadBack(workbook)).getWorksheet('Zielgruppe Herbst')!;

      expect([1, 2, 3, 4, 5, 6].map((column) => sheet.getCell(2, column).numFmt ?? 'General')).toEqual([
        '@',
        'General',
        '@',
        'General',
        '@',
        'General',
      ]);
      expect(sheet.getCell('C2').value).toBe('1067');
      expect(sheet.getCell('E2').value).toBe('4922112345');
    });

    it('writes figures as numbers under the number formats asked for, also on a second patch of the same file', async () => {
      const money = '#,##0.00 "€"';
      const points = '+0.0 "Pp.";-0.0 "Pp.";0.0 "Pp."';
      const figures = (sheet: string): WriteTableRequest => ({
        sheet,
        tableName: sheet.replace(/ /g, '_'),
        data: {
          headers: ['Kampagne', 'Umsatz je Empfänger', 'Mehr Käufer', 'Kaufquote'],
          rows: [['Herbst', 41.2, -1.23, 0.125]],
          textColumns: [0],
          numberFormats: { 1: money, 2: points, 3: '0.0 %' },
        },
      });
      const first = await open();
      await first.writeTable(figures('Auswertung'));
      const path = outputPath(tempDir());
      await first.saveAs(path);
      const second = await XlsxWorkbook.open(path, { streamSheets });
      await second.writeTable(figures('Auswertung nach Typ'));
      const output = await saveAndReadBack(second);

      for (const name of ['Auswertung', 'Auswertung nach Typ']) {
        const row = output.getWorksheet(name)!.getRow(2);
        expect([2, 3, 4].map((column) => [row.getCell(column).value, row.getCell(column).numFmt])).toEqual([
          [41.2, money],
          [-1.23, points],
          [0.125, '0.0 %'],
        ]);
        expect(row.getCell(1).numFmt).toBe('@');
      }
    });

    it('freezes the header row and sizes columns from header and values within 8 to 60 characters', async () => {
      const workbook = await open();
      const longNote = 'x'.repeat(200);
      await workbook.writeTable(
        targetRequest({
          data: {
            headers: ['PLZ', 'Bemerkung', 'Firma'],
            rows: [['01067', longNote, 'Bäckerei Müller & Söhne GmbH']],
            textColumns: [0],
          },
        }),
      );
      const sheet = (await saveAndReadBack(workbook)).getWorksheet('Zielgruppe Herbst')!;

      expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect([1, 2, 3].map((column) => sheet.getColumn(column).width)).toEqual([8, 60, 30]);
    });

    it('replaces a sheet it owns at the same tab position, with no trace of the old rows', async () => {
      const workbook = await open();
      await workbook.writeTable(targetRequest({ sheet: 'Zielgruppe' }));
      await workbook.writeTable({
        sheet: 'Kampagnen',
        tableName: 'Kampagnen',
        data: { headers: ['Name'], rows: [['Herbst']], textColumns: [] },
      });
      const oneMember = targetGroup([['C-002', 'Anna Schmidt', '50667', 'Köln', null, null]]);
      await workbook.writeTable(targetRequest({ sheet: 'zielgruppe', data: oneMember }));
      const result = await saveAndReadBack(workbook);

      expect(result.worksheets.map((sheet) => sheet.name)).toEqual([
        'Umsätze',
        'Artikel',
        'Zielgruppe',
        'Kampagnen',
      ]);
      const sheet = result.getWorksheet('Zielgruppe')!;
      expect(sheet.rowCount).toBe(2);
      expect(sheet.getCell('B2').value).toBe('Anna Schmidt');
      expect((await workbook.readSheet('Zielgruppe')).rows).toEqual([oneMember.headers, oneMember.rows[0]]);
    });

    it('writes the state sheet as plain rows on a very hidden sheet', async () => {
      const workbook = await open();
      const state = '{"version":1,"campaigns":[]}';
      await workbook.writeTable({
        sheet: 'KampagnenDaten',
        data: { headers: ['Version', 'Daten'], rows: [[1, state]], textColumns: [] },
        visibility: 'veryHidden',
      });
      const sheet = (await saveAndReadBack(workbook)).getWorksheet('KampagnenDaten')!;

      expect(sheet.state).toBe('veryHidden');
      expect(sheet.getTables()).toEqual([]);
      expect(sheet.getRow(2).values).toEqual([undefined, 1, state]);
      expect(await workbook.listSheets()).toContainEqual({
        name: 'KampagnenDaten',
        visibility: 'veryHidden',
        id: 'xlsx:3',
        tables: [],
      });
    });

    it.each([
      [true, 2],
      [false, 0],
    ])(
      'makes the written sheet the active tab only when asked to (activate: %s)',
      async (activate, activeTab) => {
        const workbook = await open();
        await workbook.writeTable(targetRequest({ activate }));

        expect((await saveAndReadBack(workbook)).views?.[0]?.activeTab ?? 0).toBe(activeTab);
      },
    );

    it('writes an empty target group as a table with one empty row, as Excel does', async () => {
      const workbook = await open();
      await workbook.writeTable(targetRequest({ data: targetGroup([]) }));
      const sheet = (await saveAndReadBack(workbook)).getWorksheet('Zielgruppe Herbst')!;

      expect(
        (sheet.getTable('Zielgruppe_Herbst') as unknown as { table: { tableRef: string } }).table.tableRef,
      ).toBe('A1:F2');
    });

    it('leaves every other sheet, style and value of the workbook as it was', async () => {
      const input = await writeWorkbook(tempDir(), buildStyledWorkbook);
      const workbook = await XlsxWorkbook.open(input, { streamSheets });
      await workbook.writeTable(targetRequest());
      const result = await saveAndReadBack(workbook);
      const original = await readBack(input);

      for (const name of ['Umsätze', 'Artikel']) {
        const before = original.getWorksheet(name)!;
        const after = result.getWorksheet(name)!;
        before.eachRow({ includeEmpty: true }, (row, rowNumber) => {
          row.eachCell({ includeEmpty: true }, (cell, column) => {
            const written = after.getCell(rowNumber, column);
            expect([cell.address, written.value, written.numFmt, written.font?.bold, written.fill]).toEqual([
              cell.address,
              cell.value,
              cell.numFmt,
              cell.font?.bold,
              cell.fill,
            ]);
          });
        });
      }
      const sales = result.getWorksheet('Umsätze')!;
      expect(sales.getCell('C5').value).toEqual({ formula: 'SUM(C3:C4)', result: 1334.4 });
      expect(sales.getCell('B1').isMerged && sales.getCell('B1').master.address).toBe('A1');
      expect([sales.getColumn(1).width, sales.getColumn(3).width]).toEqual([14, 18]);
      const articleTables = result.getWorksheet('Artikel')!.getTables() as unknown as {
        table: { name: string };
      }[];
      expect(articleTables.map(({ table }) => table.name)).toEqual(['Artikelliste']);
    });
  });

  describe('XlsxWorkbook.writeTable with a request Excel would reject', () => {
    it.each([
      ['a table name with a space', { tableName: 'Zielgruppe Herbst' }],
      ['a table name that is a cell reference', { tableName: 'AB12' }],
      ['a table name starting with a digit', { tableName: '2024_Herbst' }],
      ['a sheet name over 31 characters', { sheet: 'Zielgruppe Herbstaktion 2024 Kaffee' }],
      ['a sheet name with a slash', { sheet: 'Herbst 1/2' }],
    ])('throws hostError for %s and leaves the previous sheet as it was', async (_case, overrides) => {
      const workbook = await open();
      const previous = targetGroup([['C-009', 'Bea Vogel', '80331', 'München', null, null]]);
      await workbook.writeTable(targetRequest({ data: previous }));

      await expect(
        workbook.writeTable(targetRequest({ sheet: 'Zielgruppe Herbst', ...overrides })),
      ).rejects.toMatchObject({ name: 'WorkbookError', code: 'hostError' });
      const result = await saveAndReadBack(workbook);
      expect(result.worksheets.map((sheet) => sheet.name)).toEqual([
        'Umsätze',
        'Artikel',
        'Zielgruppe Herbst',
      ]);
      expect(result.getWorksheet('Zielgruppe Herbst')!.getCell('B2').value).toBe('Bea Vogel');
    });

    it('accepts the same table name again when it replaces the sheet that holds it', async () => {
      const workbook = await open();
      await workbook.writeTable(targetRequest());
      await workbook.writeTable(targetRequest());

      const tables = (await saveAndReadBack(workbook)).getWorksheet('Zielgruppe Herbst')!.getTables();
      expect(tables).toHaveLength(1);
    });
  });

  describe('XlsxWorkbook.deleteSheet', () => {
    it('removes the sheet and ignores a sheet that is not there', async () => {
      const workbook = await open();
      await workbook.deleteSheet('artikel');
      await workbook.deleteSheet('Gibt es nicht');

      expect((await saveAndReadBack(workbook)).worksheets.map((sheet) => sheet.name)).toEqual(['Umsätze']);
    });
  });

  describe('XlsxWorkbook.saveAs', () => {
    it('never modifies the input file', async () => {
      const input = await writeWorkbook(tempDir(), buildStyledWorkbook);
      const before = await readFile(input);
      const workbook = await XlsxWorkbook.open(input, { streamSheets });
      await workbook.writeTable(targetRequest());
      await workbook.deleteSheet('Artikel');
      await workbook.saveAs(outputPath(tempDir()));

      expect((await readFile(input)).equals(before)).toBe(true);
    });

    it.each([
      ['into a folder that does not exist', (dir: string) => join(dir, 'fehlt', 'out.xlsx')],
      ['onto a path that is a folder', (dir: string) => join(dir, 'ordner.xlsx')],
    ])('leaves neither output nor temporary file when writing %s fails', async (_case, target) => {
      const dir = join(tempDir(), `save-${Math.random().toString(36).slice(2)}`);
      await mkdir(join(dir, 'ordner.xlsx'), { recursive: true });
      const workbook = await open();
      await workbook.writeTable(targetRequest());
      const path = target(dir);

      await expect(workbook.saveAs(path)).rejects.toMatchObject({ code: 'writeFailed', path });
      expect(await readdir(dir)).toEqual(['ordner.xlsx']);
      expect(await readdir(join(dir, 'ordner.xlsx'))).toEqual([]);
    });

    it('replaces an existing output file only once the new one is complete', async () => {
      const path = outputPath(tempDir());
      await writeFile(path, 'old output');
      const workbook = await open();
      await workbook.writeTable(targetRequest());
      await workbook.saveAs(path);

      expect((await readBack(path)).getWorksheet('Zielgruppe Herbst')).toBeDefined();
    });
  });
});

describe('XlsxWorkbook.writeTable with the values read through exceljs’ model', () => {
  it('names the table "Name_2" when a table of another sheet has the requested name, as the streamed path does', async () => {
    const workbook = await XlsxWorkbook.open(await writeWorkbook(tempDir(), buildStyledWorkbook), {
      streamSheets: 'never',
    });

    await workbook.writeTable(targetRequest({ tableName: 'Artikelliste' }));

    const result = await saveAndReadBack(workbook);
    const names = (sheet: string) =>
      (result.getWorksheet(sheet)!.getTables() as unknown as { table: { name: string } }[]).map(
        ({ table }) => table.name,
      );
    expect(names('Artikel')).toEqual(['Artikelliste']);
    expect(names('Zielgruppe Herbst')).toEqual(['Artikelliste_2']);
  });
});
