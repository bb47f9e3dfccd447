import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { movedSqref, shiftFormula } from '../../../src/xlsx/patch/rowDeletion';
import { XlsxWorkbook } from '../../../src/xlsx/xlsxWorkbook';
import { outputPath, readBack, useTempDir, writeWorkbook } from '../xlsxFixtures';

const tempDir = useTempDir();

const partText = async (path: string, part: string): Promise<string | undefined> =>
  (await JSZip.loadAsync(await readFile(path))).file(part)?.async('string');

describe('a formula after sheet rows 4 and 6 were deleted', () => {
  it.each([
    ['B5*2', true, 'B4*2'],
    ['$B$7+B3', true, '$B$5+B3'],
    ['B4', true, '#REF!'],
    ['SUM(B3:B8)', true, 'SUM(B3:B6)'],
    ['SUM(B4:B4)', true, 'SUM(#REF!)'],
    ['SUM(5:7)', true, 'SUM(4:5)'],
    ['Leads!B5', false, 'Leads!B4'],
    ['\'Leads\'!B5&"B5"', false, '\'Leads\'!B4&"B5"'],
    ['Kontakte!B5+B5', false, 'Kontakte!B5+B5'],
    ['B5', false, 'B5'],
    ['LOG10(B9)+[@Tage]', true, 'LOG10(B7)+[@Tage]'],
    ['Leads[[#This Row],[EMail]]', true, 'Leads[[#This Row],[EMail]]'],
  ])('%s (on the sheet: %s) → %s', (formula, own, expected) => {
    expect(shiftFormula(formula, 'Leads', own, [4, 6])).toBe(expected);
  });

  it('moves and shrinks areas, and drops an area whose rows all go', () => {
    expect(movedSqref([4, 6], 'C3:C8 E4 F10')).toBe('C3:C6 F8');
  });
});

/** A Leads sheet people work in: a title row, a table of four leads, a formula column, rules, and a sheet reading it. */
const buildLeads = (workbook: ExcelJS.Workbook): void => {
  const leads = workbook.addWorksheet('Leads');
  leads.addRow(['Leads Frühjahr']);
  leads.addTable({
    name: 'Leads',
    ref: 'A2',
    columns: [{ name: 'Lead-ID' }, { name: 'EMail' }, { name: 'Status' }, { name: 'Tage' }],
    rows: [3, 4, 5, 6].map((row, i) => [
      `L-${i + 1}`,
      `p${i + 1}@example.de`,
      'Neu',
      { formula: `LEN(B${row})`, result: 14 },
    ]),
  });
  leads.getCell('C5').fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF2CC' } };
  leads.addConditionalFormatting({
    ref: 'C3:C6',
    rules: [{ type: 'containsText', operator: 'containsText', text: 'Gewonnen', priority: 1, style: {} }],
  });
  leads.mergeCells('F5:G5');
  const overview = workbook.addWorksheet('Übersicht');
  overview.getCell('A1').value = { formula: 'Leads!B5', result: 'p3@example.de' };
  overview.getCell('A2').value = { formula: 'COUNTA(Leads!B3:B6)', result: 4 };
  overview.getCell('A3').value = { formula: 'Leads!B4', result: 'p2@example.de' };
  workbook.definedNames.add('Leads!$A$3:$D$6', 'Alle_Leads');
};

describe('deleting rows of a sheet people work in, in an .xlsx file', () => {
  it('moves the rows below up with their formulas, formats, rules, merges, the table and references from other sheets', async () => {
    const input = await writeWorkbook(tempDir(), buildLeads);
    const workbook = await XlsxWorkbook.open(input);

    const done = await workbook.deleteRows({ sheet: 'Leads', tableName: 'Leads', rows: [4] });
    const read = await workbook.readSheet('Leads');
    const output = outputPath(tempDir());
    await workbook.saveAs(output);

    expect(done).toEqual({ how: 'deleted', rows: 1 });
    expect(read.rows.map((row) => row[0])).toEqual(['Leads Frühjahr', 'Lead-ID', 'L-1', 'L-3', 'L-4']);
    const result = await readBack(output);
    const leads = result.getWorksheet('Leads')!;
    expect([3, 4, 5, 6].map((row) => leads.getCell(`A${row}`).value)).toEqual(['L-1', 'L-3', 'L-4', null]);
    expect(leads.getCell('D4').value).toMatchObject({ formula: 'LEN(B4)' });
    expect(leads.getCell('D5').value).toMatchObject({ formula: 'LEN(B5)' });
    expect(leads.getCell('C4').style.fill).toMatchObject({ fgColor: { argb: 'FFFFF2CC' } });
    const sheetXml = (await partText(output, 'xl/worksheets/sheet1.xml'))!;
    expect(sheetXml).toMatch(/<conditionalFormatting sqref="C3:C5"/);
    expect(sheetXml).toMatch(/<mergeCell ref="F4:G4"\/>/);
    expect(await partText(output, 'xl/tables/table1.xml')).toMatch(/ref="A2:D5"/);
    const overview = result.getWorksheet('Übersicht')!;
    expect(overview.getCell('A1').value).toMatchObject({ formula: 'Leads!B4' });
    expect(overview.getCell('A2').value).toMatchObject({ formula: 'COUNTA(Leads!B3:B5)' });
    expect(overview.getCell('A3').value).toMatchObject({ formula: 'Leads!#REF!' });
    const workbookXml = (await partText(output, 'xl/workbook.xml'))!;
    expect(workbookXml).toContain('Leads!$A$3:$D$5');
    expect(workbookXml).toMatch(/fullCalcOnLoad="1"/);
    // the saved file reads back as the port read it before saving
    const again = await (await XlsxWorkbook.open(output)).readSheet('Leads');
    expect(again.rows.map((row) => row[0])).toEqual(read.rows.map((row) => row[0]));
  });

  it('appends after deleting: the new row goes right below the shrunk table', async () => {
    const input = await writeWorkbook(tempDir(), buildLeads);
    const workbook = await XlsxWorkbook.open(input);
    await workbook.deleteRows({ sheet: 'Leads', tableName: 'Leads', rows: [3, 6] });
    await workbook.updateTable({
      sheet: 'Leads',
      tableName: 'Leads',
      cells: [],
      append: { column: 0, rows: [['L-9', 'neu@example.de', 'Neu', null]], textColumns: [0, 1] },
    });
    const output = outputPath(tempDir());
    await workbook.saveAs(output);

    const leads = (await readBack(output)).getWorksheet('Leads')!;
    expect([3, 4, 5, 6].map((row) => leads.getCell(`A${row}`).value)).toEqual(['L-2', 'L-3', 'L-9', null]);
    expect(await partText(output, 'xl/tables/table1.xml')).toMatch(/ref="A2:D5"/);
  });

  it('clears the row in place when a note is anchored on the sheet, and says so', async () => {
    const input = await writeWorkbook(tempDir(), (workbook) => {
      buildLeads(workbook);
      workbook.getWorksheet('Leads')!.getCell('C6').note = 'Rückruf am Montag';
    });
    const workbook = await XlsxWorkbook.open(input);

    const done = await workbook.deleteRows({ sheet: 'Leads', tableName: 'Leads', rows: [4] });
    const output = outputPath(tempDir());
    await workbook.saveAs(output);

    expect(done).toEqual({ how: 'cleared', rows: 1 });
    const leads = (await readBack(output)).getWorksheet('Leads')!;
    expect([3, 4, 5, 6].map((row) => leads.getCell(`A${row}`).value)).toEqual(['L-1', null, 'L-3', 'L-4']);
    expect(leads.getCell('B4').value).toBeNull();
    expect(leads.getCell('C6').note).toBe('Rückruf am Montag');
  });

  it('deletes a row above one appended in the same session: the appended row moves up with the rest', async () => {
    const input = await writeWorkbook(tempDir(), (workbook) => {
      const list = workbook.addWorksheet('Sperrliste');
      list.addRow(['E-Mail', 'Gesperrt seit']);
      list.addRow(['otto@roth.de', '01.03.2026']);
      list.addRow(['fremd@example.de', '02.03.2026']);
    });
    const workbook = await XlsxWorkbook.open(input);
    await workbook.updateTable({
      sheet: 'Sperrliste',
      cells: [],
      append: { column: 0, rows: [['#DSGVO-17:s=aa;e=0123456789abcdef', null]], textColumns: [0] },
    });
    expect(await workbook.deleteRows({ sheet: 'Sperrliste', rows: [2] })).toEqual({
      how: 'deleted',
      rows: 1,
    });
    const read = (await workbook.readSheet('Sperrliste')).rows.map((row) => row[0]);
    const output = outputPath(tempDir());
    await workbook.saveAs(output);

    const saved = (await readBack(output)).getWorksheet('Sperrliste')!;
    const column = [1, 2, 3, 4].map((row) => saved.getCell(`A${row}`).value);
    expect(column).toEqual(['E-Mail', 'fremd@example.de', '#DSGVO-17:s=aa;e=0123456789abcdef', null]);
    expect(read).toEqual(column.slice(0, 3));
  });

  it('leaves rows outside the table alone', async () => {
    const input = await writeWorkbook(tempDir(), buildLeads);
    const workbook = await XlsxWorkbook.open(input);
    expect(await workbook.deleteRows({ sheet: 'Leads', tableName: 'Leads', rows: [1, 2, 40] })).toEqual({
      how: 'deleted',
      rows: 0,
    });
  });
});
