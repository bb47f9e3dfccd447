import type { StoredCampaign } from '../../src/core/campaign/campaign';
import type { TableData } from '../../src/core/kernel/sheetTable';
import { STATE_SHEET } from '../../src/core/workbook/sheetNames';
import { type AddinState, emptyState } from '../../src/core/state/state';
import { stateFromSheet, stateToTable } from '../../src/core/state/stateTable';
import { WorkbookError } from '../../src/core/workbook/workbookError';
import { ExcelWorkbook } from '../../src/excel/excelWorkbook';
import { type Cell, FORMULA_ERROR, FakeExcel, FakeOfficeError, PAYLOAD_LIMIT_BYTES } from './fakeExcel';

const setup = (syncTimeoutMs = 5_000) => {
  const excel = new FakeExcel();
  excel.addSheet('Start', [['Willkommen']]);
  const workbook = new ExcelWorkbook({ run: excel.run, supportsExcelApi: () => true, syncTimeoutMs });
  return { excel, workbook };
};

const TARGET_HEADERS = [
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

/** A target-group row as the core builds it: all text, ids/postal codes/phones with leading zeros and "+". */
const memberRow = (i: number): string[] => [
  `K${String(i).padStart(6, '0')}`,
  i % 2 ? 'Frau' : 'Herr',
  ['Anna', 'Jörg', 'Ülkü', 'Max'][i % 4],
  `Müller-${i}`,
  i % 3 ? 'Bäckerei Schulze GmbH' : '',
  `Hauptstraße ${i % 200}`,
  `0${1067 + (i % 8000)}`,
  'Dresden',
  `+49 351 ${String(100000 + i)}`,
  `person${i}@example.de`,
];

const targetGroup = (rows: number): TableData => ({
  headers: TARGET_HEADERS,
  rows: Array.from({ length: rows }, (_, i) => memberRow(i + 1)),
  textColumns: TARGET_HEADERS.map((_, i) => i),
});

/** A generated customer sheet: fixed-width cells, so that every row has the same size. */
const CUSTOMER_HEADERS = [
  'Kundennr',
  'Name',
  'PLZ',
  'Ort',
  'Umsatz',
  'Kunde seit',
  'Aktiv',
  'Telefon',
  'E-Mail',
  'Werbesperre',
];
const customerCell = (row: number, column: number): Cell => {
  if (row === 0) return CUSTOMER_HEADERS[column];
  const id = String(row).padStart(7, '0');
  switch (column) {
    case 0:
      return `K${id}`;
    case 1:
      return `Firma ${id}`;
    case 2:
      return 10_000 + (row % 89_999);
    case 3:
      return 'Leipzig';
    case 4:
      return row * 1.5;
    case 5:
      return 40_000 + (row % 5_000);
    case 6:
      return row % 7 !== 0;
    case 7:
      return `+49 341 ${id}`;
    case 8:
      return `k${id}@example.de`;
    default:
      return row % 50 === 0 ? 'ja' : '';
  }
};

describe('ExcelWorkbook.readSheet', () => {
  it('returns the used range with empty cells as null, errors as text and date-formatted serials as dates', async () => {
    const { excel, workbook } = setup();
    const sheet = excel.addSheet('Kontakte', [
      ['', '', '', '', ''],
      ['Kontaktliste 2024', '', '', '', ''],
      ['Kundennr.', 'Name', 'Geburtstag', 'Umsatz', 'Status'],
      ['K001', 'Müller', 45_292, 1_234.5, '#N/A'],
      ['', '', '', '', ''],
      ['K002', 'Schmidt', 60, 0, true],
      ['Summe', '', '', 1_234.5, ''],
    ]);
    sheet.setNumberFormats(3, 2, [['dd.mm.yyyy'], ['dd.mm.yyyy'], ['dd.mm.yyyy'], ['dd.mm.yyyy']]);
    sheet.setNumberFormats(3, 3, [['#,##0.00 €'], ['#,##0.00 €'], ['#,##0.00 €'], ['#,##0.00 €']]);

    const table = await workbook.readSheet('kontakte');

    expect(table).toEqual({
      name: 'Kontakte',
      startRow: 2,
      startColumn: 1,
      dateSystem: 1900,
      rows: [
        ['Kontaktliste 2024', null, null, null, null],
        ['Kundennr.', 'Name', 'Geburtstag', 'Umsatz', 'Status'],
        ['K001', 'Müller', new Date('2024-01-01T00:00:00Z'), 1_234.5, '#N/A'],
        [null, null, null, null, null],
        // serial 60 is Excel's 1900-02-29 that never existed: left as a number for the core to reject
        ['K002', 'Schmidt', 60, 0, true],
        ['Summe', null, null, 1_234.5, null],
      ],
    });
  });

  it('respects the 1904 date system of a Mac workbook', async () => {
    const { excel, workbook } = setup();
    excel.dateSystem = 1904;
    excel
      .addSheet('Verkäufe', [['Datum'], [0], [43_830]])
      .setNumberFormats(1, 0, [['yyyy-mm-dd'], ['yyyy-mm-dd']]);

    const table = await workbook.readSheet('Verkäufe');

    expect(table.dateSystem).toBe(1904);
    expect(table.rows).toEqual([
      ['Datum'],
      [new Date('1904-01-01T00:00:00Z')],
      [new Date('2024-01-01T00:00:00Z')],
    ]);
  });

  it('reads an empty sheet as no rows and a missing sheet as sheetNotFound with the Office error as cause', async () => {
    const { excel, workbook } = setup();
    excel.addSheet('Leer');

    await expect(workbook.readSheet('Leer')).resolves.toMatchObject({ name: 'Leer', rows: [] });
    const error = await workbook.readSheet('Kunden').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WorkbookError);
    expect(error).toMatchObject({ code: 'sheetNotFound', sheet: 'Kunden', cause: { code: 'ItemNotFound' } });
  });

  it('delivers the Excel tables of a sheet and the merged cells of its first rows', async () => {
    const { excel, workbook } = setup();
    const sheet = excel.addSheet('Kontakte', [
      ['Kontaktliste', '', '', ''],
      ['Kontakt-Nr.', 'Name', '', 'Umsatz'],
      ['P1', 'Anna', 'Alt', 10],
      ['Summe', '', '', 10],
    ]);
    sheet.merges.push({ row: 1, column: 1, rows: 1, columns: 2 });
    excel.addTable(sheet, 'tblKontakte', {
      row: 1,
      column: 0,
      rows: 3,
      columns: 4,
      showTotals: true,
      columnNames: ['Kontakt-Nr.', 'Name', 'Spalte1', 'Umsatz'],
    });

    const table = await workbook.readSheet('Kontakte');

    expect(table.tables).toEqual([
      {
        name: 'tblKontakte',
        area: { top: 2, left: 1, bottom: 4, right: 4 },
        hasHeaderRow: true,
        totalsRowCount: 1,
        columns: ['Kontakt-Nr.', 'Name', 'Spalte1', 'Umsatz'],
      },
    ]);
    expect(table.merges).toEqual([{ top: 2, left: 2, bottom: 2, right: 3 }]);
  });

  it('asks for merged cells only where Excel has the API (1.13), and costs no sync for a plain sheet without', async () => {
    const excel = new FakeExcel();
    excel
      .addSheet('Kontakte', [
        ['Kontakt-Nr.', 'Name'],
        ['P1', 'Anna'],
      ])
      .merges.push({
        row: 0,
        column: 1,
        rows: 1,
        columns: 2,
      });
    const workbook = new ExcelWorkbook({ run: excel.run, supportsExcelApi: (version) => version !== '1.13' });

    const table = await workbook.readSheet('Kontakte');

    expect(table.merges).toBeUndefined();
    expect(excel.stats.syncs).toBe(2);
  });

  it('reads a full 1,048,576 × 10 sheet in blocks: syncs grow with the blocks, no request over 5 MB', async () => {
    const { excel, workbook } = setup();
    const rowCount = 1_048_576;
    excel.addGeneratedSheet('Kunden', rowCount, 10, customerCell);
    const bytesPerRow = JSON.stringify(Array.from({ length: 10 }, (_, c) => customerCell(1, c))).length + 1;

    const table = await workbook.readSheet('Kunden');

    expect(table.rows).toHaveLength(rowCount);
    expect(table.rows[0][0]).toBe('Kundennr');
    expect(table.rows[524_288]).toEqual([
      'K0524288',
      'Firma 0524288',
      10_000 + (524_288 % 89_999),
      'Leipzig',
      786_432,
      40_000 + (524_288 % 5_000),
      true,
      '+49 341 0524288',
      'k0524288@example.de',
      null,
    ]);
    expect(table.rows[rowCount - 1][0]).toBe('K1048575');
    const totalBytes = rowCount * bytesPerRow;
    expect(excel.stats.syncs).toBeGreaterThanOrEqual(Math.ceil(totalBytes / PAYLOAD_LIMIT_BYTES));
    expect(excel.stats.syncs).toBeLessThanOrEqual(2 + Math.ceil(totalBytes / 3_000_000));
    expect(excel.stats.largestResponseBytes).toBeLessThanOrEqual(PAYLOAD_LIMIT_BYTES);
    expect(excel.stats.rejectedForSize).toBe(0);
  }, 300_000);

  it('halves a block that Office refuses as too large and still reads every row', async () => {
    const { excel, workbook } = setup();
    excel.addGeneratedSheet('Kunden', 100_000, 10, customerCell);
    excel.payloadLimitBytes = 1_000_000; // the adapter's estimate is now far too optimistic

    const table = await workbook.readSheet('Kunden');

    expect(excel.stats.rejectedForSize).toBeGreaterThan(0);
    expect(table.rows).toHaveLength(100_000);
    expect(table.rows.map((row) => row[0])).toEqual(
      Array.from({ length: 100_000 }, (_, row) => customerCell(row, 0)),
    );
  }, 60_000);
});

describe('ExcelWorkbook.writeTable', () => {
  it('writes 100,000 target-group rows as one text-formatted table, in blocks under the payload limit', async () => {
    const { excel, workbook } = setup();
    const data = targetGroup(100_000);

    await workbook.writeTable({
      sheet: 'Zielgruppe Herbst',
      tableName: 'Zielgruppe_Herbst',
      data,
      activate: true,
    });

    const sheet = excel.sheet('Zielgruppe Herbst')!;
    expect(excel.tables).toEqual([
      { name: 'Zielgruppe_Herbst', sheet, row: 0, column: 0, rows: 100_001, columns: 10 },
    ]);
    expect(
      [0, 1, 50_000, 100_000].flatMap((row) => TARGET_HEADERS.map((_, c) => sheet.numberFormat(row, c))),
    ).toEqual(Array(40).fill('@'));
    expect(TARGET_HEADERS.map((_, c) => sheet.cell(0, c))).toEqual(TARGET_HEADERS);
    expect([sheet.cell(1, 0), sheet.cell(1, 6), sheet.cell(1, 8)]).toEqual([
      'K000001',
      '01068',
      '+49 351 100001',
    ]);
    expect(sheet.cell(100_000, 8)).toBe('+49 351 200000');
    expect(sheet.frozenRows).toBe(1);
    expect([...sheet.columnWidths.keys()]).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(excel.active).toBe(sheet);
    expect(excel.stats.largestRequestBytes).toBeLessThanOrEqual(PAYLOAD_LIMIT_BYTES);
    expect(excel.stats.rejectedForSize).toBe(0);
    expect(excel.stats.syncs).toBeLessThan(15);
    expect(new Set(excel.eventsDuringValueWrites)).toEqual(new Set([false]));
    expect(excel.eventsEnabled).toBe(true);
    expect(excel.calculationSuspensions).toBeGreaterThan(0);
  }, 60_000);

  it.each([
    ['a phone number', '+49 170 1234567'],
    ['a note starting with a dash', '- bitte zurückrufen'],
    ['a formula injection', '=HYPERLINK("http://example.com")'],
    ['a postal code', '01067'],
  ])('keeps %s as text in a column the core did not mark as text', async (_, text) => {
    const { excel, workbook } = setup();
    const data: TableData = {
      headers: ['Name', 'Notiz', 'Betrag'],
      rows: [['Anna', text, 12.5]],
      textColumns: [],
    };

    await workbook.writeTable({ sheet: 'Leads', tableName: 'Leads', data });

    expect([excel.sheet('Leads')!.cell(1, 1), excel.sheet('Leads')!.cell(1, 2)]).toEqual([text, 12.5]);
  });

  it('writes dates as serials with a date format and never null into values', async () => {
    const { excel, workbook } = setup();
    const data: TableData = {
      headers: ['Lead', 'Erstellt am', 'Notiz'],
      rows: [
        ['L1', new Date('2024-03-01T00:00:00Z'), null],
        ['L2', null, 'ok'],
      ],
      textColumns: [0],
    };

    await workbook.writeTable({ sheet: 'Leads', tableName: 'Leads', data });

    const sheet = excel.sheet('Leads')!;
    expect([sheet.cell(1, 1), sheet.numberFormat(1, 1), sheet.cell(1, 2), sheet.cell(2, 1)]).toEqual([
      45_352,
      'dd.mm.yyyy',
      '',
      '',
    ]);
    await expect(workbook.readSheet('Leads')).resolves.toMatchObject({
      rows: [data.headers, ['L1', new Date('2024-03-01T00:00:00Z'), null], ['L2', null, 'ok']],
    });
  });

  it('writes figures as numbers under the number formats asked for', async () => {
    const { excel, workbook } = setup();
    const data: TableData = {
      headers: ['Kampagne', 'Umsatz je Empfänger', 'Kaufquote'],
      rows: [['Herbst', 41.2, 0.125]],
      textColumns: [0],
      numberFormats: { 1: '#,##0.00 "€"', 2: '0.0 %' },
    };

    await workbook.writeTable({ sheet: 'Auswertung', tableName: 'Auswertung', data });

    const sheet = excel.sheet('Auswertung')!;
    expect([1, 2].map((column) => [sheet.cell(1, column), sheet.numberFormat(1, column)])).toEqual([
      [41.2, '#,##0.00 "€"'],
      [0.125, '0.0 %'],
    ]);
  });

  it('replaces its own sheet in place: same position, same table name, old content gone', async () => {
    const { excel, workbook } = setup();
    await workbook.writeTable({ sheet: 'Zielgruppe', tableName: 'Zielgruppe', data: targetGroup(3) });
    excel.addSheet('Notizen', [['meine Notizen']]);

    await workbook.writeTable({ sheet: 'Zielgruppe', tableName: 'Zielgruppe', data: targetGroup(1) });

    expect(excel.sheets.map((sheet) => sheet.name)).toEqual(['Start', 'Zielgruppe', 'Notizen']);
    expect(excel.tables.map((table) => [table.name, table.rows])).toEqual([['Zielgruppe', 2]]);
    const table = await workbook.readSheet('Zielgruppe');
    expect(table.rows).toHaveLength(2);
  });

  it('rewrites its own sheet as the same sheet: references to it, widths and formats people set stay', async () => {
    const { excel, workbook } = setup();
    const first = await workbook.writeTable({
      sheet: 'Zielgruppe',
      tableName: 'Zielgruppe',
      data: targetGroup(3),
    });
    const sheet = excel.sheet('Zielgruppe')!;
    const summary = excel.addSheet('Auswertung Vertrieb', [['erster Empfänger']]);
    excel.refer(summary, 0, 1, sheet, 1, 3);
    sheet.columnWidths.set(3, 200);
    sheet.setNumberFormats(1, 9, [['[Blue]@'], ['[Blue]@'], ['[Blue]@']]);
    sheet.notes.set('0,3', 'Nachname wie im Kundenstamm');

    const second = await workbook.writeTable({
      sheet: 'Zielgruppe',
      tableName: 'Zielgruppe',
      data: { ...targetGroup(4), rows: targetGroup(5).rows.slice(1) },
    });

    expect(excel.sheet('Zielgruppe')).toBe(sheet);
    expect(second.id).toBe(first.id);
    expect(excel.referenceValue(excel.references[0])).toBe('Müller-2');
    expect(sheet.columnWidths.get(3)).toBe(200);
    expect(sheet.numberFormat(2, 9)).toBe('[Blue]@');
    expect(sheet.notes.get('0,3')).toBe('Nachname wie im Kundenstamm');
    expect(excel.tables.map((table) => [table.name, table.rows])).toEqual([['Zielgruppe', 5]]);
    expect(sheet.cell(5, 0)).toBe('');
  });

  it('keeps the sheet when an in-place rewrite fails half way, and the next write completes it', async () => {
    const { excel, workbook } = setup();
    await workbook.writeTable({ sheet: 'Zielgruppe', tableName: 'Zielgruppe', data: targetGroup(2) });
    const sheet = excel.sheet('Zielgruppe')!;
    excel.failOnSync = excel.stats.syncs + 5; // plan, the sheet's tables, its formats, clearing, then a value block fails

    const error = await workbook
      .writeTable({ sheet: 'Zielgruppe', tableName: 'Zielgruppe', data: targetGroup(100_000) })
      .catch((e: unknown) => e);
    await workbook.writeTable({ sheet: 'Zielgruppe', tableName: 'Zielgruppe', data: targetGroup(100_000) });

    expect(error).toMatchObject({ code: 'hostError', sheet: 'Zielgruppe' });
    expect(excel.sheet('Zielgruppe')).toBe(sheet);
    expect(excel.tables.map((table) => [table.name, table.rows])).toEqual([['Zielgruppe', 100_001]]);
    expect(sheet.cell(100_000, 0)).toBe('K100000');
    expect(excel.eventsEnabled).toBe(true);
  }, 60_000);

  it('replaces its chart instead of adding a second one', async () => {
    const { excel, workbook } = setup();
    const data: TableData = {
      headers: ['Kampagne', 'Umsatz'],
      rows: [
        ['A', 1],
        ['B', 2],
      ],
      textColumns: [0],
    };
    const chart = { title: 'Umsatz', categoryColumn: 0, valueColumns: [1] };
    await workbook.writeTable({ sheet: 'Auswertung', tableName: 'Auswertung', data, chart });
    await workbook.writeTable({ sheet: 'Auswertung', tableName: 'Auswertung', data, chart });

    expect(excel.sheet('Auswertung')!.charts).toHaveLength(1);
  });

  it('leaves the previous sheet intact when an atomic write fails half way', async () => {
    const { excel, workbook } = setup();
    await workbook.writeTable({ sheet: 'Zielgruppe', tableName: 'Zielgruppe', data: targetGroup(2) });
    excel.failOnSync = excel.stats.syncs + 6; // plan, ownership, new sheet, two value blocks, then the third fails

    const error = await workbook
      .writeTable({ sheet: 'Zielgruppe', tableName: 'Zielgruppe', data: targetGroup(100_000), atomic: true })
      .catch((e: unknown) => e);

    expect(error).toMatchObject({
      code: 'hostError',
      sheet: 'Zielgruppe',
      cause: { code: 'GeneralException' },
    });
    expect(excel.sheets.map((sheet) => sheet.name)).toEqual(['Start', 'Zielgruppe']);
    expect(excel.tables.map((table) => [table.name, table.rows])).toEqual([['Zielgruppe', 3]]);
    expect(excel.sheet('Zielgruppe')!.cell(2, 0)).toBe('K000002');
    expect(excel.eventsEnabled).toBe(true);
  }, 60_000);

  it('replaces a sheet in place whatever the case of its name, keeping its position', async () => {
    const { excel, workbook } = setup();
    await workbook.writeTable({ sheet: 'Zielgruppe', tableName: 'Zielgruppe', data: targetGroup(2) });
    excel.addSheet('Notizen', [['Meine eigene Liste']]);

    await workbook.writeTable({ sheet: 'ZIELGRUPPE', tableName: 'Zielgruppe', data: targetGroup(3) });

    expect(excel.sheets.map((sheet) => sheet.name)).toEqual(['Start', 'Zielgruppe', 'Notizen']);
    expect(excel.tables.map((table) => [table.name, table.rows])).toEqual([['Zielgruppe', 4]]);
    await workbook.deleteSheet('zielgruppe');
    expect(excel.sheets.map((sheet) => sheet.name)).toEqual(['Start', 'Notizen']);
  });

  it('picks a free table name when a user table on another sheet has the requested one', async () => {
    const { excel, workbook } = setup();
    await workbook.writeTable({ sheet: 'Kunden', tableName: 'Zielgruppe', data: targetGroup(1) });

    await workbook.writeTable({ sheet: 'Zielgruppe', tableName: 'Zielgruppe', data: targetGroup(1) });

    expect(excel.tables.map((table) => [table.sheet.name, table.name])).toEqual([
      ['Kunden', 'Zielgruppe'],
      ['Zielgruppe', 'Zielgruppe_2'],
    ]);
  });

  it('writes a block again in halves when Office refuses the request as too large', async () => {
    const { excel, workbook } = setup();
    excel.payloadLimitBytes = 500_000;

    await workbook.writeTable({ sheet: 'Zielgruppe', tableName: 'Zielgruppe', data: targetGroup(20_000) });

    expect(excel.stats.rejectedForSize).toBeGreaterThan(0);
    expect(excel.sheet('Zielgruppe')!.cell(20_000, 0)).toBe('K020000');
    expect(excel.stats.largestRequestBytes).toBeLessThanOrEqual(500_000);
  }, 60_000);
});

describe('ExcelWorkbook.updateTable', () => {
  it('writes a whole changed column and new rows in blocks within the limit; a refused block goes again in halves', async () => {
    const { excel, workbook } = setup();
    await workbook.writeTable({ sheet: 'Leads', tableName: 'Leads', data: targetGroup(60_000) });
    const sheet = excel.sheet('Leads')!;
    // people gave the last row's phone a number format: new rows take it, and "+49 …" must still stay text
    sheet.setNumberFormats(60_000, 8, [['General']]);
    excel.payloadLimitBytes = 1_000_000;
    excel.resetStats();
    const cells = Array.from({ length: 60_000 }, (_, i) => ({
      row: i + 1,
      column: 4,
      value: `Neue Firma ${i + 1}`,
    }));
    const appended = targetGroup(5_000).rows;

    const info = await workbook.updateTable({
      sheet: 'Leads',
      tableName: 'Leads',
      cells,
      append: { column: 0, rows: appended, textColumns: TARGET_HEADERS.map((_, i) => i) },
    });

    expect(info).toMatchObject({ name: 'Leads', tables: ['Leads'], id: `excel:${sheet.id}` });
    expect([sheet.cell(1, 4), sheet.cell(60_000, 4), sheet.cell(60_000, 3)]).toEqual([
      'Neue Firma 1',
      'Neue Firma 60000',
      'Müller-60000',
    ]);
    expect(excel.tables.map((table) => [table.name, table.rows])).toEqual([['Leads', 65_001]]);
    expect([sheet.cell(60_001, 0), sheet.cell(60_001, 6), sheet.cell(65_000, 8)]).toEqual([
      'K000001',
      '01068',
      '+49 351 105000',
    ]);
    expect(excel.stats.rejectedForSize).toBeGreaterThan(0);
    expect(excel.stats.largestRequestBytes).toBeLessThanOrEqual(1_000_000);
    expect(new Set(excel.eventsDuringValueWrites)).toEqual(new Set([false]));
  }, 120_000);
});

describe('the add-in state in a very hidden sheet', () => {
  const campaign = (name: string, description: string): StoredCampaign => ({
    id: `K-${name.length}`,
    name,
    type: 'newsletter',
    description,
    selections: [{ from: 'inactiveCustomers', months: 3 }],
    createdAt: '2024-11-01T10:00:00.000Z',
    updatedAt: '2024-11-02T10:00:00.000Z',
    memberCount: 120,
    targetSheet: 'Zielgruppe Newsletter',
  });

  it('round-trips campaigns, mappings and owned sheets, also when the JSON spans several cells', async () => {
    const { excel, workbook } = setup();
    const state: AddinState = {
      ...emptyState(),
      campaigns: [
        campaign('Newsletter November 2010', '=Sommeraktion +49 "Zitat"'),
        campaign('Große Aktion', 'ä'.repeat(70_000)),
      ],
      mapping: { sheets: { contacts: 'Adressen' }, columns: { contacts: { email: 'Mail' } } },
      ownedSheets: ['Zielgruppe Newsletter'],
    };

    await workbook.writeTable({ sheet: STATE_SHEET, data: stateToTable(state), visibility: 'veryHidden' });
    const read = stateFromSheet(await workbook.readSheet(STATE_SHEET));

    expect(read).toEqual({ ok: true, value: state });
    expect(await workbook.listSheets()).toEqual([
      { name: 'Start', visibility: 'visible', id: `excel:${excel.sheet('Start')!.id}`, tables: [] },
      {
        name: STATE_SHEET,
        visibility: 'veryHidden',
        id: `excel:${excel.sheet(STATE_SHEET)!.id}`,
        tables: [],
      },
    ]);
    expect(excel.active?.name).toBe('Start');
  });
});

describe('host failures', () => {
  it('turns a sync that never settles into hostTimeout', async () => {
    const { excel, workbook } = setup(50);
    excel.addSheet('Kontakte', [['Name'], ['Anna']]);
    excel.hang = true;

    await expect(workbook.readSheet('Kontakte')).rejects.toMatchObject({ code: 'hostTimeout' });
    await expect(workbook.writeTable({ sheet: 'X', data: targetGroup(1) })).rejects.toMatchObject({
      code: 'hostTimeout',
    });
  });

  it('shows a row a note points to: its sheet becomes the active one and the first cell of the row is selected', async () => {
    const { excel, workbook } = setup();
    excel.addSheet('Kontakte', [['Nachname'], ['Lang'], ['Groß']]);
    expect(excel.active?.name).toBe('Start');

    await workbook.showRow('Kontakte', 3);

    expect(excel.active?.name).toBe('Kontakte');
    expect(excel.selection).toEqual({ sheet: 'Kontakte', row: 2, column: 0 });
  });

  it('says which sheet is gone when a note points to a sheet deleted since', async () => {
    const { workbook } = setup();
    await expect(workbook.showRow('Kontakte', 3)).rejects.toMatchObject({
      code: 'sheetNotFound',
      sheet: 'Kontakte',
    });
  });

  it.each([
    ['listSheets', (workbook: ExcelWorkbook) => workbook.listSheets(), undefined],
    ['readSheet', (workbook: ExcelWorkbook) => workbook.readSheet('Start'), 'Start'],
    ['deleteSheet', (workbook: ExcelWorkbook) => workbook.deleteSheet('Start'), 'Start'],
  ])('maps an Office failure in %s once into hostError, keeping the original', async (_, call, sheet) => {
    const { excel, workbook } = setup();
    excel.failOnSync = 1;

    const error = await call(workbook).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(WorkbookError);
    expect(error).toMatchObject({ code: 'hostError', sheet });
    expect((error as WorkbookError).cause).toBeInstanceOf(FakeOfficeError);
  });
});

it('a string Excel would take for a formula is what the fake turns into an error, so the tests above can fail', async () => {
  const excel = new FakeExcel();
  excel.addSheet('Roh', [['+49 170 1234567', '01067']]);
  expect([excel.sheet('Roh')!.cell(0, 0), excel.sheet('Roh')!.cell(0, 1)]).toEqual([FORMULA_ERROR, 1067]);
});
