import { createWriteStream } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import type { CellValue, TableData } from '../../../src/core/kernel/sheetTable';
import type { WriteTableRequest } from '../../../src/core/workbook/workbookPort';
import { patchWorkbook } from '../../../src/xlsx/patch/zipPatch';
import { XlsxWorkbook } from '../../../src/xlsx/xlsxWorkbook';
import { foreignWorkbookZip, outputPath, readBack, useTempDir, writeWorkbook } from '../xlsxFixtures';

const tempDir = useTempDir();

const LAST_PURCHASE = new Date(Date.UTC(2024, 4, 2));

const targetGroup = (rows: CellValue[][]): TableData => ({
  headers: ['KontaktNr', 'Name', 'PLZ', 'Telefon', 'LetzterKauf', 'Umsatz', 'Werbesperre'],
  rows,
  textColumns: [0, 2, 3],
});

const firstRun: WriteTableRequest[] = [
  {
    sheet: 'Zielgruppe Herbst',
    tableName: 'Zielgruppe_Herbst',
    data: targetGroup([
      ['0042', 'Jörg Müller', '01067', '+49 221 1234567', LAST_PURCHASE, 1234.5, false],
      ['0043', 'Änne <Özdemir> & Söhne', '50667', null, null, 0, true],
    ]),
  },
  {
    sheet: 'Leads',
    tableName: 'Leads',
    data: { headers: ['KontaktNr', 'Status'], rows: [['0042', 'neu']], textColumns: [0] },
  },
  {
    sheet: 'KampagnenDaten',
    data: { headers: ['Version', 'Daten'], rows: [[1, '{"campaigns":[]}']], textColumns: [] },
    visibility: 'veryHidden',
  },
];

/** A user's workbook: contacts with a print area, sales with a formula (so a calcChain), an article table. */
const buildInput = (workbook: ExcelJS.Workbook): void => {
  const contacts = workbook.addWorksheet('Kontakte');
  contacts.addRow(['KontaktNr', 'Name', 'PLZ']);
  contacts.addRow(['0042', 'Jörg Müller', '01067']);
  contacts.pageSetup.printArea = 'A1:C2';
  const sales = workbook.addWorksheet('Umsätze');
  sales.addRow(['Kundennr', 'Betrag']);
  sales.addRow(['K-100', 10]);
  sales.addRow(['Summe', { formula: 'SUM(B2:B2)', result: 10 }]);
  sales.getCell('B2').font = { bold: true, color: { argb: 'FFC00000' } };
  sales.pageSetup.printArea = 'A1:B3';
  workbook.addWorksheet('Artikel').addTable({
    name: 'Artikelliste',
    ref: 'A1',
    columns: [{ name: 'Artikelnr' }, { name: 'Bezeichnung' }],
    rows: [['A-1', 'Kaffee']],
  });
};

const runCampaign = async (input: string, requests: WriteTableRequest[]): Promise<string> => {
  const workbook = await XlsxWorkbook.open(input, { streamSheets: 'always' });
  for (const request of requests) await workbook.writeTable(request);
  const output = outputPath(tempDir());
  await workbook.saveAs(output);
  return output;
};

const tableOf = (sheet: ExcelJS.Worksheet) =>
  (sheet.getTables() as unknown as { table: { name: string; tableRef: string } }[]).map(({ table }) => table);

const partText = async (path: string, part: string): Promise<string | undefined> =>
  (await JSZip.loadAsync(await readFile(path))).file(part)?.async('string');

/** The compressed bytes of every entry, read from the zip's central directory. */
const compressedEntries = (zip: Buffer): Map<string, Buffer> => {
  const entries = new Map<string, Buffer>();
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  let offset = zip.readUInt32LE(end + 16);
  for (let n = zip.readUInt16LE(end + 10); n > 0; n--) {
    const size = zip.readUInt32LE(offset + 20);
    const nameLength = zip.readUInt16LE(offset + 28);
    const name = zip.toString('utf8', offset + 46, offset + 46 + nameLength);
    const local = zip.readUInt32LE(offset + 42);
    const data = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    entries.set(name, zip.subarray(data, data + size));
    offset += 46 + nameLength + zip.readUInt16LE(offset + 30) + zip.readUInt16LE(offset + 32);
  }
  return entries;
};

const folders = async (path: string): Promise<string[]> =>
  [...compressedEntries(await readFile(path)).keys()].filter((name) => name.endsWith('/')).sort();

/** exceljs writes no calculation chain; Excel does for every workbook with formulas. */
const withCalcChain = async (path: string): Promise<string> => {
  const zip = await JSZip.loadAsync(await readFile(path));
  const main = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
  zip.file('xl/calcChain.xml', `<calcChain xmlns="${main}"><c r="B3" i="2"/></calcChain>`);
  const rels = await zip.file('xl/_rels/workbook.xml.rels')!.async('string');
  const type = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/calcChain';
  const relationship = `<Relationship Id="rId99" Type="${type}" Target="calcChain.xml"/>`;
  zip.file('xl/_rels/workbook.xml.rels', rels.replace('</Relationships>', `${relationship}</Relationships>`));
  const types = await zip.file('[Content_Types].xml')!.async('string');
  const contentType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.calcChain+xml';
  const override = `<Override PartName="/xl/calcChain.xml" ContentType="${contentType}"/>`;
  zip.file('[Content_Types].xml', types.replace('</Types>', `${override}</Types>`));
  const output = outputPath(tempDir(), 'calc');
  await writeFile(output, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
  return output;
};

describe('saving a streamed workbook by patching its zip', () => {
  it('writes the target group as an Excel table with text ids, postal codes, phones, dates and a frozen header', async () => {
    const output = await runCampaign(await writeWorkbook(tempDir(), buildInput), firstRun);
    const sheet = (await readBack(output)).getWorksheet('Zielgruppe Herbst')!;

    expect(tableOf(sheet)).toMatchObject([{ name: 'Zielgruppe_Herbst', tableRef: 'A1:G3' }]);
    expect(sheet.getRow(1).values).toEqual([undefined, ...targetGroup([]).headers]);
    expect(sheet.getRow(2).values).toEqual([
      undefined,
      '0042',
      'Jörg Müller',
      '01067',
      '+49 221 1234567',
      LAST_PURCHASE,
      1234.5,
      false,
    ]);
    expect(sheet.getRow(3).values).toEqual([
      undefined,
      '0043',
      'Änne <Özdemir> & Söhne',
      '50667',
      ,
      ,
      0,
      true,
    ]);
    expect(['A2', 'C2', 'D2', 'E2'].map((ref) => sheet.getCell(ref).numFmt)).toEqual([
      '@',
      '@',
      '@',
      'mm-dd-yy',
    ]);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1, topLeftCell: 'A2' });
  });

  it('keeps the other sheets, their order, values, styles and tables, and copies untouched parts compressed as they were', async () => {
    const input = await writeWorkbook(tempDir(), buildInput);
    const output = await runCampaign(input, firstRun);
    const result = await readBack(output);

    expect(result.worksheets.map((sheet) => [sheet.name, sheet.state])).toEqual([
      ['Kontakte', 'visible'],
      ['Umsätze', 'visible'],
      ['Artikel', 'visible'],
      ['Zielgruppe Herbst', 'visible'],
      ['Leads', 'visible'],
      ['KampagnenDaten', 'veryHidden'],
    ]);
    const sales = result.getWorksheet('Umsätze')!;
    expect(sales.getCell('B3').value).toEqual({ formula: 'SUM(B2:B2)', result: 10 });
    expect(sales.getCell('B2').font).toMatchObject({ bold: true, color: { argb: 'FFC00000' } });
    expect(tableOf(result.getWorksheet('Artikel')!).map(({ name }) => name)).toEqual(['Artikelliste']);
    const before = compressedEntries(await readFile(input));
    const after = compressedEntries(await readFile(output));
    for (const part of ['xl/worksheets/sheet1.xml', 'xl/worksheets/sheet2.xml', 'xl/sharedStrings.xml'])
      expect(after.get(part)?.equals(before.get(part)!)).toBe(true);
  });

  it('replaces the sheets of a first run in place on a second run, with table names, ids and styles reused', async () => {
    const first = await runCampaign(await writeWorkbook(tempDir(), buildInput), firstRun);
    const secondTarget = targetGroup([['0044', 'Sascha Weiß', '09111', '0371 556677', null, 17, false]]);
    const second = await runCampaign(first, [
      { ...firstRun[0], data: secondTarget },
      {
        ...firstRun[1],
        data: { headers: ['KontaktNr', 'Status'], rows: [['0042', 'angerufen']], textColumns: [0] },
      },
    ]);
    const result = await readBack(second);

    expect(result.worksheets.map((sheet) => sheet.name)).toEqual([
      'Kontakte',
      'Umsätze',
      'Artikel',
      'Zielgruppe Herbst',
      'Leads',
      'KampagnenDaten',
    ]);
    expect(tableOf(result.getWorksheet('Zielgruppe Herbst')!)).toMatchObject([
      { name: 'Zielgruppe_Herbst', tableRef: 'A1:G2' },
    ]);
    expect(result.getWorksheet('Zielgruppe Herbst')!.getCell('B2').value).toBe('Sascha Weiß');
    expect(result.getWorksheet('Leads')!.getCell('B2').value).toBe('angerufen');
    const zip = await JSZip.loadAsync(await readFile(second));
    const tableIds = await Promise.all(
      zip
        .file(/^xl\/tables\//)
        .map(async (entry) => /<table\b[^>]*\bid="(\d+)"/.exec(await entry.async('string'))![1]),
    );
    expect(new Set(tableIds).size).toBe(3);
    expect(await partText(second, 'xl/styles.xml')).toBe(await partText(first, 'xl/styles.xml'));
  });

  it('names a new table uniquely when another sheet already holds a table of that name', async () => {
    const output = await runCampaign(await writeWorkbook(tempDir(), buildInput), [
      { ...firstRun[0], tableName: 'Artikelliste' },
    ]);
    const result = await readBack(output);

    expect(tableOf(result.getWorksheet('Zielgruppe Herbst')!)[0].name).toBe('Artikelliste_2');
    expect(tableOf(result.getWorksheet('Artikel')!)[0].name).toBe('Artikelliste');
  });

  it('deletes a sheet with its print area, moves the names of later sheets and drops the calculation chain', async () => {
    const input = await withCalcChain(await writeWorkbook(tempDir(), buildInput));
    const workbook = await XlsxWorkbook.open(input, { streamSheets: 'always' });
    await workbook.deleteSheet('kontakte');
    await workbook.writeTable(firstRun[0]);
    const output = outputPath(tempDir());
    await workbook.saveAs(output);
    const workbookXml = (await partText(output, 'xl/workbook.xml'))!;

    expect((await readBack(output)).worksheets.map((sheet) => sheet.name)).toEqual([
      'Umsätze',
      'Artikel',
      'Zielgruppe Herbst',
    ]);
    expect(workbookXml.match(/<definedName\b[^>]*>[^<]*/g)).toEqual([
      // exceljs' own spelling of the print area, kept as the input has it
      `<definedName name="_xlnm.Print_Area" localSheetId="0">&apos;Umsätze&apos;!$A1:$B3`,
    ]);
    const zip = await JSZip.loadAsync(await readFile(output));
    const overridden = [
      ...(await partText(output, '[Content_Types].xml'))!.matchAll(/PartName="\/([^"]+)"/g),
    ];
    expect(overridden.map(([, part]) => part).filter((part) => !zip.file(part))).toEqual([]);
    expect(Object.keys(zip.files).filter((part) => /calcChain/.test(part))).toEqual([]);
    expect(await partText(output, 'xl/_rels/workbook.xml.rels')).not.toMatch(/calcChain/);
    expect(await workbook.listSheets()).toEqual([
      { name: 'Umsätze', visibility: 'visible', id: 'xlsx:2', tables: [] },
      { name: 'Artikel', visibility: 'visible', id: 'xlsx:3', tables: ['Artikelliste'] },
      { name: 'Zielgruppe Herbst', visibility: 'visible', id: 'xlsx:4', tables: ['Zielgruppe_Herbst'] },
    ]);
  });

  it('selects only the activated tab, so Excel does not open with a sheet group', async () => {
    const output = await runCampaign(await writeWorkbook(tempDir(), buildInput), [
      { ...firstRun[0], activate: true },
    ]);
    const zip = await JSZip.loadAsync(await readFile(output));
    const selected = await Promise.all(
      zip
        .file(/^xl\/worksheets\/[^/]+\.xml$/)
        .map(async (entry) => /tabSelected="1"/.test(await entry.async('string'))),
    );

    expect(selected.filter(Boolean)).toHaveLength(1);
    expect((await readBack(output)).views[0].activeTab).toBe(3);
  });

  it('moves the selection off a sheet that is rewritten while another tab is activated', async () => {
    const first = await runCampaign(await writeWorkbook(tempDir(), buildInput), [
      { ...firstRun[0], activate: true },
    ]);
    const second = await runCampaign(first, [firstRun[0], { ...firstRun[1], activate: true }]);
    const zip = await JSZip.loadAsync(await readFile(second));
    const selected = await Promise.all(
      zip
        .file(/^xl\/worksheets\/[^/]+\.xml$/)
        .map(async (entry) => /tabSelected="1"/.test(await entry.async('string'))),
    );
    const result = await readBack(second);

    expect(selected.filter(Boolean)).toHaveLength(1);
    expect(result.worksheets[result.views[0].activeTab!].name).toBe('Leads');
    expect(result.getWorksheet('Zielgruppe Herbst')!.getCell('B2').value).toBe('Jörg Müller');
  });

  it('drops characters XML cannot hold and reads written sheets back as the saved file holds them', async () => {
    const input = await writeWorkbook(tempDir(), buildInput);
    const workbook = await XlsxWorkbook.open(input, { streamSheets: 'always' });
    const request: WriteTableRequest = {
      sheet: 'Zielgruppe',
      tableName: 'Zielgruppe',
      data: {
        headers: ['PLZ', 'Notiz', 'Notiz'],
        rows: [[1067, 'Zeile\u0001eins\u0000', '']],
        textColumns: [0],
      },
    };
    await workbook.writeTable(request);
    const output = outputPath(tempDir());
    await workbook.saveAs(output);
    const expected = [
      ['PLZ', 'Notiz', 'Notiz2'],
      ['1067', 'Zeileeins', null],
    ];

    expect((await workbook.readSheet('Zielgruppe')).rows).toEqual([
      expected[0],
      ['1067', 'Zeile\u0001eins\u0000', null],
    ]);
    const reopened = await XlsxWorkbook.open(output, { streamSheets: 'always' });
    expect((await reopened.readSheet('Zielgruppe')).rows).toEqual(expected);
  });

  it('patches a workbook as openpyxl writes it: absolute part names, no styles part, tab order unlike part order', async () => {
    // exceljs' streaming reader cannot read this entry order, so XlsxWorkbook would load it whole: patched directly
    const output = outputPath(tempDir(), 'foreign');
    const patched = await patchWorkbook(foreignWorkbookZip(), {
      writes: [firstRun[0]],
      deletions: [],
      dateSystem: 1900,
    });
    await pipeline(patched, createWriteStream(output));
    const result = await readBack(output);

    expect(result.worksheets.map((sheet) => sheet.name)).toEqual(['Kunden', 'Kontakte', 'Zielgruppe Herbst']);
    expect(result.getWorksheet('Kontakte')!.getCell('B2').value).toBe('01067');
    const target = result.getWorksheet('Zielgruppe Herbst')!;
    expect([target.getCell('C2').value, target.getCell('C2').numFmt]).toEqual(['01067', '@']);
    expect(target.getCell('E2').value).toEqual(LAST_PURCHASE);
    expect(await folders(output)).toEqual([]);
  });

  it('leaves no trace of a sheet written and deleted again before saving', async () => {
    const input = await writeWorkbook(tempDir(), buildInput);
    const workbook = await XlsxWorkbook.open(input, { streamSheets: 'always' });
    await workbook.writeTable(firstRun[0]);
    await workbook.deleteSheet('Zielgruppe Herbst');
    const output = outputPath(tempDir());
    await workbook.saveAs(output);
    const zip = await JSZip.loadAsync(await readFile(output));

    expect((await readBack(output)).worksheets.map((sheet) => sheet.name)).toEqual([
      'Kontakte',
      'Umsätze',
      'Artikel',
    ]);
    // exceljs writes folder entries; the patch copies them and adds none
    expect(await folders(output)).toEqual(await folders(input));
    expect(zip.file(/^xl\/(worksheets|tables)\/[^/]+\.xml$/).map((entry) => entry.name)).toEqual([
      'xl/worksheets/sheet1.xml',
      'xl/worksheets/sheet2.xml',
      'xl/worksheets/sheet3.xml',
      'xl/tables/table1.xml',
    ]);
    await expect(workbook.readSheet('Zielgruppe Herbst')).rejects.toMatchObject({ code: 'sheetNotFound' });
  });
});

/** A Leads sheet people work in: a title row, a table below it, a dropdown, a colour rule, a formula column. */
const buildLeads = (workbook: ExcelJS.Workbook): void => {
  const leads = workbook.addWorksheet('Leads');
  leads.addRow(['Leads Frühjahr']);
  leads.addTable({
    name: 'Leads',
    ref: 'A2',
    columns: [{ name: 'Lead-ID' }, { name: 'EMail' }, { name: 'Status' }, { name: 'Tage' }],
    rows: [
      ['L-1', 'a@example.de', 'Neu', { formula: 'LEN(B3)', result: 12 }],
      ['L-2', 'b@example.de', 'Gewonnen', { formula: 'LEN(B4)', result: 12 }],
    ],
  });
  leads.getCell('C4').fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF2CC' } };
  for (const ref of ['C3', 'C4'])
    leads.getCell(ref).dataValidation = { type: 'list', formulae: ['"Neu,Gewonnen"'] };
  leads.addConditionalFormatting({
    ref: 'C3:C4',
    rules: [{ type: 'containsText', operator: 'containsText', text: 'Gewonnen', priority: 1, style: {} }],
  });
  leads.getColumn(2).width = 33;
};

describe('updating a sheet people work in, in place', () => {
  it('writes the changed cells and the new rows, grows table, dropdown and colour rule, and nothing else', async () => {
    const input = await writeWorkbook(tempDir(), buildLeads);
    const workbook = await XlsxWorkbook.open(input);
    const info = await workbook.updateTable({
      sheet: 'Leads',
      tableName: 'Leads',
      cells: [{ row: 2, column: 1, value: 'neu@example.de' }],
      append: { column: 0, rows: [['L-3', 'c@example.de', 'Neu', null]], textColumns: [0, 1] },
    });
    const output = outputPath(tempDir());
    await workbook.saveAs(output);

    expect(info).toEqual({ name: 'Leads', visibility: 'visible', id: 'xlsx:1', tables: ['Leads'] });
    const before = await partText(input, 'xl/worksheets/sheet1.xml');
    const after = (await partText(output, 'xl/worksheets/sheet1.xml'))!;
    expect(after.match(/<f>[^<]*<\/f>/g)).toEqual(before!.match(/<f>[^<]*<\/f>/g));
    expect(after).toMatch(/sqref="C3:C5"/);
    expect(after).toMatch(/<conditionalFormatting sqref="C3:C5"/);
    const table = (await partText(output, 'xl/tables/table1.xml'))!;
    expect(table).toMatch(/ref="A2:D5"/);
    const result = (await readBack(output)).getWorksheet('Leads')!;
    expect(result.getCell('B3').value).toBe('neu@example.de');
    expect(result.getCell('A5').value).toBe('L-3');
    // the row people coloured by hand does not colour the new lead
    expect(result.getCell('C5').style.fill).toBeUndefined();
    expect(result.getCell('C4').style.fill).toMatchObject({ fgColor: { argb: 'FFFFF2CC' } });
    expect(result.getColumn(2).width).toBe(33);
    expect(await partText(output, 'xl/styles.xml')).toBe(await partText(input, 'xl/styles.xml'));
    expect(await partText(output, 'xl/workbook.xml')).toBe(await partText(input, 'xl/workbook.xml'));
  });

  it('drops the calculation chain only when a written cell held a formula', async () => {
    const input = await withCalcChain(await writeWorkbook(tempDir(), buildLeads));
    const write = async (column: number) => {
      const workbook = await XlsxWorkbook.open(input);
      await workbook.updateTable({
        sheet: 'Leads',
        cells: [{ row: 2, column, value: 'x' }],
        append: { column: 0, rows: [], textColumns: [] },
      });
      const output = outputPath(tempDir());
      await workbook.saveAs(output);
      return partText(output, 'xl/calcChain.xml');
    };

    expect(await write(2)).toBeDefined();
    expect(await write(3)).toBeUndefined();
  });

  it('rewrites its own sheet in its own part: same sheetId, table name and style, people’s widths and formats', async () => {
    const first = await runCampaign(await writeWorkbook(tempDir(), buildInput), firstRun);
    const zip = await JSZip.loadAsync(await readFile(first));
    const part = 'xl/worksheets/sheet4.xml';
    const people = (await zip.file(part)!.async('string'))
      .replace(/<col min="2" max="2" width="[\d.]+"/, '<col min="2" max="2" width="44"')
      .replace(/<c r="B2"( s="\d+")?/, '<c r="B2" s="0"');
    zip.file(
      part,
      people.replace(
        '</worksheet>',
        '<conditionalFormatting sqref="F2:F9"><cfRule type="dataBar" priority="1"/></conditionalFormatting></worksheet>',
      ),
    );
    const edited = outputPath(tempDir(), 'edited');
    await writeFile(edited, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));

    const second = await runCampaign(edited, [
      {
        ...firstRun[0],
        data: targetGroup([['0044', 'Sascha Weiß', '09111', '0371 556677', null, 17, false]]),
      },
    ]);

    const workbookXml = (await partText(second, 'xl/workbook.xml'))!;
    expect(workbookXml).toMatch(/<sheet name="Zielgruppe Herbst" sheetId="4"/);
    const xml = (await partText(second, part))!;
    expect(xml).toMatch(/<col min="2" max="2" width="44"/);
    expect(xml).toMatch(/<c r="B2" s="0" t="inlineStr"><is><t>Sascha Weiß<\/t>/);
    expect(xml).toContain('<conditionalFormatting sqref="F2:F9">');
    expect(await partText(second, 'xl/tables/table2.xml')).toMatch(
      /name="Zielgruppe_Herbst"[^>]*ref="A1:G2"/,
    );
  });
});
