import path from 'node:path';
import ExcelJS from 'exceljs';
import type { CellValue, SheetTable } from '../../src/core/kernel/sheetTable';
import { STATE_SHEET } from '../../src/core/workbook/sheetNames';
import { stateFromSheet } from '../../src/core/state/stateTable';
import { isoToDay } from '../../src/core/kernel/values';
import { readContactHistory } from '../../src/core/read/contactHistory';
import { runCampaign } from '../../src/core/run/campaignRun';
import { MemoryWorkbook } from '../../src/memory/memoryWorkbook';
import {
  SAMPLE_CUSTOMERS_TITLE,
  SAMPLE_REFERENCE_DATE,
  sampleState,
  sampleStateSheet,
  sampleWorkbookTables,
} from '../../src/sample/sampleWorkbook';

const SAMPLE_PATH = path.join(__dirname, '..', '..', 'samples', 'Beispiel-Grosshandel.xlsx');
const GERMAN_TEXT_DATE = /^\d{2}\.\d{2}\.\d{4}$/;
const REFERENCE = Date.UTC(2026, 10, 15);
const THREE_MONTHS_BEFORE = Date.UTC(2026, 7, 15);

const tables = sampleWorkbookTables();
const sheet = (name: string): SheetTable => {
  const found = tables.find((table) => table.name === name);
  if (!found) throw new Error(`sample has no sheet ${name}`);
  return found;
};
const headerIndex = (table: SheetTable): number =>
  table.rows.findIndex((row) => row.filter((cell) => cell !== null).length > 1);
const dataRows = (table: SheetTable): CellValue[][] => table.rows.slice(headerIndex(table) + 1);
const column = (table: SheetTable, header: string): CellValue[] => {
  const index = table.rows[headerIndex(table)].indexOf(header);
  if (index < 0) throw new Error(`${table.name} has no column ${header}`);
  return dataRows(table).map((row) => row[index]);
};
const isBlank = (row: CellValue[]): boolean => row.every((cell) => cell === null);
const texts = (values: CellValue[]): string[] => values.filter((v): v is string => typeof v === 'string');

const customers = sheet('Kunden');
const contacts = sheet('Kontakte');
const sales = sheet('Umsätze');
const articles = sheet('Artikel');

const salesDates = column(sales, 'Belegdatum').filter((v): v is Date => v instanceof Date);
const lastPurchase = new Map<CellValue, number>();
dataRows(sales).forEach(([date, customerNo]) => {
  if (date instanceof Date)
    lastPurchase.set(customerNo, Math.max(lastPurchase.get(customerNo) ?? 0, date.getTime()));
});
const contactEmails = texts(column(contacts, 'Email'));
const contactKey = (row: CellValue[]): string => [row[1], row[4], row[5]].join('|');

describe('sampleWorkbookTables', () => {
  it('is deterministic', () => {
    expect(sampleWorkbookTables()).toEqual(sampleWorkbookTables());
  });

  it('has the sheets of a small wholesaler, of realistic size, its Sperrliste and its contact history', () => {
    expect(tables.map((t) => t.name)).toEqual([
      'Kunden',
      'Kontakte',
      'Umsätze',
      'Artikel',
      'Sperrliste',
      'Kontakthistorie',
    ]);
    // two objections of people the demo letter would reach, one of a person whose contact row is long deleted
    expect(dataRows(sheet('Sperrliste'))).toHaveLength(3);
    expect(dataRows(customers).filter((r) => !isBlank(r))).toHaveLength(300);
    expect(dataRows(contacts).length).toBeGreaterThan(350);
    expect(dataRows(sales).length).toBeGreaterThan(2000);
    expect(dataRows(articles).length).toBeGreaterThanOrEqual(50);
  });

  it('records the three campaigns that ran in its contact history, a phone round that makes the contact limit bite and a control group still protected', async () => {
    const history = readContactHistory(tables)!.history;
    const state = sampleState();
    for (const campaign of state.campaigns) {
      const rows = history.entries.filter((entry) => entry.campaignId === campaign.id);
      expect(rows.filter((entry) => entry.control).map((entry) => entry.key)).toEqual(
        campaign.assignment!.control,
      );
      expect(rows.filter((entry) => !entry.control)).toHaveLength(campaign.assignment!.contacted.length);
    }
    const demo = await runCampaign(
      new MemoryWorkbook([...sampleWorkbookTables(), sampleStateSheet()]),
      {
        name: 'Adventsgruß',
        type: 'email',
        contactLimit: { contacts: 1, days: 30 },
        selections: [
          { from: 'contacts', filter: [{ column: 'Position', op: 'equals', value: 'Geschäftsführung' }] },
        ],
      },
      { today: isoToDay(SAMPLE_REFERENCE_DATE)!, now: '2026-11-15T09:00:00.000Z', leads: false },
    );
    const excluded = demo.ok ? demo.value.group.excluded : [];
    const limited = excluded.filter((e) => e.reason === 'contactLimit');
    expect(limited.length).toBeGreaterThan(20);
    // the phone round on 28 October and the autumn letter on 2 November reached managers within the 30 days
    expect(new Set(limited.map((e) => e.contact?.campaign))).toEqual(
      new Set(['Telefonaktion Oktober 2026', 'Reaktivierung Herbst 2026']),
    );
    const guarded = excluded.filter((e) => e.reason === 'controlGroupProtected');
    expect(guarded.length).toBeGreaterThan(5);
    expect(new Set(guarded.map((e) => e.contact?.campaign))).toEqual(new Set(['Reaktivierung Herbst 2026']));
    const autumn = state.campaigns.find((c) => c.name === 'Reaktivierung Herbst 2026')!;
    expect(guarded.every((e) => autumn.assignment!.control.includes(e.key))).toBe(true);
  });

  it.each<[string, () => boolean]>([
    [
      'a title row above the customer header',
      () => customers.rows[0][0] === SAMPLE_CUSTOMERS_TITLE && headerIndex(customers) > 0,
    ],
    ['a blank row in the middle of the customers', () => dataRows(customers).slice(10, -10).some(isBlank)],
    ['a "Summe" totals row ending the sales', () => sales.rows[sales.rows.length - 1][0] === 'Summe'],
    [
      'header variants for the e-mail column',
      () =>
        customers.rows[headerIndex(customers)].includes('E-Mail-Adresse') &&
        contacts.rows[0].includes('Email'),
    ],
    [
      'German text dates among real dates',
      () => texts(column(sales, 'Belegdatum')).filter((v) => GERMAN_TEXT_DATE.test(v)).length >= 10,
    ],
    ['dates at UTC midnight', () => salesDates.every((d) => d.getTime() % 86_400_000 === 0)],
    [
      'sales over two years up to the reference date',
      () =>
        Math.max(...salesDates.map(Number)) <= REFERENCE &&
        Math.min(...salesDates.map(Number)) < Date.UTC(2025, 0, 1),
    ],
    [
      'postal codes with leading zeros stored as text',
      () => ['01067', '04109'].every((plz) => column(customers, 'PLZ').includes(plz)),
    ],
    [
      'Austrian and Swiss customers with 4-digit postal codes',
      () =>
        dataRows(customers).some((r) => r[6] === 'AT' && /^\d{4}$/.test(String(r[4]))) &&
        dataRows(customers).some((r) => r[6] === 'CH'),
    ],
    [
      'phones in international format as text',
      () => texts(column(customers, 'Telefon')).some((p) => p.startsWith('+49 351 ')),
    ],
    [
      'umlauts and ß in names, streets and cities',
      () =>
        ['Köln', 'München', 'Düsseldorf'].every((c) => column(customers, 'Ort').includes(c)) &&
        texts(column(contacts, 'Nachname')).some((n) => /[äöüß]/.test(n)) &&
        texts(column(customers, 'Straße')).some((s) => s.includes('ß')),
    ],
    [
      'opt-out flags in different spellings',
      () =>
        ['ja', 'x', 'WAHR'].every((flag) =>
          [...column(customers, 'Werbesperre'), ...column(contacts, 'Newsletter abgemeldet')].includes(flag),
        ),
    ],
    [
      '#N/A error cells',
      () => [...column(sales, 'Bezeichnung'), ...column(customers, 'Telefon')].includes('#N/A'),
    ],
    [
      'missing e-mails',
      () =>
        dataRows(contacts).some((r) => r[7] === null) &&
        dataRows(customers).some((r) => !isBlank(r) && r[8] === null),
    ],
    [
      'an invalid e-mail without domain ending',
      () => texts(column(customers, 'E-Mail-Adresse')).some((e) => /^info@[^.]+$/.test(e)),
    ],
    [
      'the same contact twice, once without contact number',
      () => {
        const withNumber = new Set(
          dataRows(contacts)
            .filter((r) => r[0] !== null)
            .map(contactKey),
        );
        return dataRows(contacts).some((r) => r[0] === null && withNumber.has(contactKey(r)));
      },
    ],
    [
      'the same e-mail in different letter case',
      () => contactEmails.some((e) => e !== e.toLowerCase() && contactEmails.includes(e.toLowerCase())),
    ],
    [
      'customers without contacts',
      () => dataRows(customers).some((r) => !isBlank(r) && !column(contacts, 'Kunden-Nr.').includes(r[0])),
    ],
    [
      'customers without a purchase in the last three months',
      () => [...lastPurchase.values()].filter((last) => last < THREE_MONTHS_BEFORE).length >= 20,
    ],
    [
      'customers who never bought',
      () => dataRows(customers).some((r) => typeof r[0] === 'number' && !lastPurchase.has(r[0])),
    ],
  ])('contains the mess real workbooks have: %s', (_, present) => {
    expect(present()).toBe(true);
  });

  it('links every sales line and contact to a customer of the customer sheet', () => {
    const customerNos = new Set(column(customers, 'Kunden-Nr.'));
    expect(column(contacts, 'Kunden-Nr.').every((no) => customerNos.has(no))).toBe(true);
    expect(
      dataRows(sales)
        .filter((r) => typeof r[1] === 'number')
        .every((r) => customerNos.has(r[1])),
    ).toBe(true);
  });
});

const cellValue = (value: ExcelJS.CellValue): CellValue => {
  if (value === null || value === undefined) return null;
  if (typeof value === 'object' && !(value instanceof Date) && 'error' in value) return value.error;
  return value as CellValue;
};

const readBack = async (file: string): Promise<SheetTable[]> => {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  return workbook.worksheets.map((worksheet) => {
    const width = worksheet.columnCount;
    const rows = Array.from({ length: worksheet.rowCount }, (_, r) =>
      Array.from({ length: width }, (_, c) => cellValue(worksheet.getRow(r + 1).getCell(c + 1).value)),
    );
    return { name: worksheet.name, rows };
  });
};

describe('samples/Beispiel-Grosshandel.xlsx', () => {
  it('holds exactly what the generator makes (run `npm run sample` after changing it)', async () => {
    expect(await readBack(SAMPLE_PATH)).toEqual([...sampleWorkbookTables(), sampleStateSheet()]);
  });

  it('stores the campaign that already ran in the very hidden state sheet, as the add-in reads it', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(SAMPLE_PATH);
    expect(workbook.getWorksheet(STATE_SHEET)?.state).toBe('veryHidden');
    const state = stateFromSheet(sampleStateSheet());
    if (!state.ok) throw new Error(JSON.stringify(state.error));
    expect(state.value).toEqual(sampleState());
  });

  it('keeps postal codes and phones as text cells', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(SAMPLE_PATH);
    const kunden = workbook.getWorksheet('Kunden');
    const dresden = kunden?.getColumn(5).values.find((v) => v === '01067');
    expect(dresden).toBe('01067');
    const row = kunden?.getRow(4);
    expect(row?.getCell(5).numFmt).toBe('@');
    expect(row?.getCell(8).numFmt).toBe('@');
  });
});
