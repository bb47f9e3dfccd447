import type { CampaignDefinition } from '../../src/core/campaign/campaign';
import { runCampaign } from '../../src/core/run/campaignRun';
import { LEAD_HEADERS } from '../../src/core/outputs/leadsSheet';
import { isoToDay } from '../../src/core/kernel/values';
import { ExcelWorkbook } from '../../src/excel/excelWorkbook';
import { type Cell, FakeExcel, type FakeSheet, PAYLOAD_LIMIT_BYTES } from './fakeExcel';

/**
 * What a rebuild of the Leads sheet would lose — formulas, notes, data validation, conditional formats, number
 * formats, column widths, references from other sheets — survives two lead updates through the Office.js adapter,
 * with every request within Excel's limits.
 */

const DE = LEAD_HEADERS.de;
const CONTACT_HEADERS = ['Kontakt-Nr.', 'Vorname', 'Nachname', 'Firma', 'E-Mail', 'Telefon'];
const FIRST = 20_000;

const contact = (i: number, overrides: Partial<Record<'company' | 'lastName', string>> = {}): Cell[] => [
  `C${String(i).padStart(6, '0')}`,
  ['Anna', 'Jörg', 'Ülkü', 'Max'][i % 4],
  overrides.lastName ?? `Muster ${i}`,
  overrides.company ?? `Firma ${i % 500} GmbH`,
  `p${i}@example.de`,
  `030 ${1_000_000 + i}`,
];

const contacts = (
  count: number,
  changes: Record<number, Partial<Record<'company' | 'lastName', string>>> = {},
) => [CONTACT_HEADERS, ...Array.from({ length: count }, (_, i) => contact(i + 1, changes[i + 1]))];

const campaign: CampaignDefinition = {
  name: 'Messe Frühjahr',
  type: 'event',
  selections: [{ from: 'contacts' }],
};

const run = (workbook: ExcelWorkbook, day: string) =>
  runCampaign(workbook, campaign, { today: isoToDay(day)!, now: `${day}T09:00:00.000Z`, leads: true });

const column = (sheet: FakeSheet, header: string): number => {
  for (let c = 0; c < 30; c += 1) if (sheet.cell(0, c) === header) return c;
  throw new Error(`no column ${header}`);
};

const rowOf = (sheet: FakeSheet, lastName: string): number => {
  const names = column(sheet, DE.lastName);
  for (let r = 1; r < 100_000; r += 1) if (sheet.cell(r, names) === lastName) return r;
  throw new Error(`no lead for ${lastName}`);
};

/** A week of the sales team's work on the Leads sheet, as Excel keeps it. */
const work = (excel: FakeExcel, leads: FakeSheet) => {
  const status = column(leads, DE.status);
  const created = column(leads, DE.created);
  const email = column(leads, DE.email);
  const table = excel.tables.find((t) => t.sheet === leads)!;
  // a formula column typed next to the table: Excel makes it part of the table
  const daysOpen = table.columns;
  table.columns += 1;
  leads.setValues(0, daysOpen, [['Tage offen']]);
  for (let r = 1; r < table.rows; r += 1) leads.setFormula(r, daysOpen, `=HEUTE()-N${r + 1}`, 3);
  const anna = rowOf(leads, 'Muster 1');
  leads.setValues(anna, status, [['Kontaktiert']]);
  leads.setValues(rowOf(leads, 'Muster 2'), email, [['muster.privat@example.de']]);
  leads.notes.set(`${anna},${status}`, 'Rückruf am Montag');
  leads.validations.push({
    row: 1,
    column: status,
    rows: table.rows - 1,
    columns: 1,
    rule: 'Liste: Neu;Kontaktiert;Gewonnen',
  });
  leads.conditionalFormats.push({
    row: 1,
    column: status,
    rows: table.rows - 1,
    columns: 1,
    rule: 'Gewonnen: grün',
  });
  leads.setNumberFormats(anna, created, [['dd.mm.yyyy hh:mm']]);
  leads.columnWidths.set(status, 111);
  const overview = excel.addSheet('Vertrieb Übersicht', [['Erster Lead']]);
  excel.refer(overview, 0, 1, leads, anna, column(leads, DE.lastName));
  return { status, daysOpen, anna, email };
};

describe('lead updates through the Office.js adapter', () => {
  it('keep everything people did on the Leads sheet, twice, within the request limits', async () => {
    const excel = new FakeExcel();
    const source = excel.addSheet('Kontakte', contacts(FIRST));
    const workbook = new ExcelWorkbook({
      run: excel.run,
      supportsExcelApi: () => true,
      syncTimeoutMs: 30_000,
    });
    expect((await run(workbook, '2026-03-01')).ok).toBe(true);
    const leads = excel.sheet('Leads')!;
    const edits = work(excel, leads);

    // the source grows and one firm is renamed before each of the next two runs
    source.setValues(0, 0, contacts(FIRST + 3_000, { 3: { company: 'Neue Firma AG' } }));
    excel.resetStats();
    const second = await run(workbook, '2026-03-08');
    const secondStats = { ...excel.stats };
    source.setValues(
      0,
      0,
      contacts(FIRST + 6_000, { 3: { company: 'Neue Firma AG' }, 4: { lastName: 'Neu-Muster' } }),
    );
    excel.resetStats();
    const third = await run(workbook, '2026-03-15');

    expect(second.ok && second.value.leads).toMatchObject({ created: 3_000, updated: 1, keptByHand: 1 });
    expect(third.ok && third.value.leads).toMatchObject({ created: 3_000, updated: 1, keptByHand: 1 });
    // the same sheet, never deleted: references from other sheets still resolve
    expect(excel.sheet('Leads')).toBe(leads);
    expect(excel.referenceValue(excel.references[0])).toBe('Muster 1');
    // people's work
    expect(leads.cell(edits.anna, edits.status)).toBe('Kontaktiert');
    expect(leads.cell(rowOf(leads, 'Muster 2'), edits.email)).toBe('muster.privat@example.de');
    expect(leads.formula(edits.anna, edits.daysOpen)).toBe(`=HEUTE()-N${edits.anna + 1}`);
    expect(leads.formula(FIRST, edits.daysOpen)).toBe(`=HEUTE()-N${FIRST + 1}`);
    expect(leads.notes.get(`${edits.anna},${edits.status}`)).toBe('Rückruf am Montag');
    expect(leads.numberFormat(edits.anna, column(leads, DE.created))).toBe('dd.mm.yyyy hh:mm');
    expect(leads.columnWidths.get(edits.status)).toBe(111);
    // the table grew by the new leads, and its dropdown and colours with it
    const table = excel.tables.find((t) => t.sheet === leads)!;
    expect(table).toMatchObject({ name: 'Leads', rows: FIRST + 6_001, columns: 16 });
    expect(leads.validations[0]).toMatchObject({ row: 1, rows: FIRST + 6_000 });
    expect(leads.conditionalFormats[0]).toMatchObject({ row: 1, rows: FIRST + 6_000 });
    // the source's changes, where nobody had touched the field
    expect(leads.cell(rowOf(leads, 'Muster 3'), column(leads, DE.company))).toBe('Neue Firma AG');
    expect(leads.cell(rowOf(leads, 'Neu-Muster'), column(leads, DE.status))).toBe('Neu');
    expect(leads.cell(FIRST + 6_000, column(leads, DE.phone))).toBe(`030 ${1_000_000 + FIRST + 6_000}`);
    for (const stats of [secondStats, excel.stats]) {
      expect(stats.largestRequestBytes).toBeLessThanOrEqual(PAYLOAD_LIMIT_BYTES);
      expect(stats.rejectedForSize).toBe(0);
    }
  }, 300_000);

  it('a rebuild of the sheet, as before, would lose each of them (so the test above can fail)', async () => {
    const excel = new FakeExcel();
    excel.addSheet('Kontakte', contacts(50));
    const workbook = new ExcelWorkbook({ run: excel.run, supportsExcelApi: () => true });
    expect((await run(workbook, '2026-03-01')).ok).toBe(true);
    const leads = excel.sheet('Leads')!;
    const edits = work(excel, leads);
    const before = await workbook.readSheet('Leads');
    const [headers, ...rows] = before.rows;

    await workbook.writeTable({
      sheet: 'Leads',
      tableName: 'Leads',
      data: { headers: headers.map(String), rows, textColumns: [] },
      atomic: true,
    });

    const rebuilt = excel.sheet('Leads')!;
    expect(rebuilt).not.toBe(leads);
    expect(excel.referenceValue(excel.references[0])).toBe('#REF!');
    expect(rebuilt.formula(edits.anna, edits.daysOpen)).toBeUndefined();
    expect(rebuilt.notes.size + rebuilt.validations.length + rebuilt.conditionalFormats.length).toBe(0);
    expect(rebuilt.columnWidths.get(edits.status)).not.toBe(111);
  });
});
