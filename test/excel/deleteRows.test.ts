import { isoToDay } from '../../src/core/kernel/values';
import { runCampaign } from '../../src/core/run/campaignRun';
import { forgetPerson } from '../../src/core/run/forgetRun';
import { ExcelWorkbook } from '../../src/excel/excelWorkbook';
import { FakeExcel, type Cell } from './fakeExcel';

/** The Leads sheet as people keep it: a title row, a table of five leads, a note column beside the table. */
const setUp = () => {
  const excel = new FakeExcel();
  const rows: Cell[][] = [
    ['Leads Frühjahr', '', '', '', ''],
    ['Lead-ID', 'EMail', 'Status', '', 'Notiz außerhalb'],
    ...[1, 2, 3, 4, 5].map((i): Cell[] => [`L-${i}`, `p${i}@example.de`, 'Neu', '', `Notiz ${i}`]),
  ];
  const leads = excel.addSheet('Leads', rows);
  excel.addTable(leads, 'Leads', { row: 1, column: 0, rows: 6, columns: 3 });
  leads.setFormula(4, 3, '=LEN(B5)', 14);
  leads.notes.set('5,2', 'Rückruf');
  leads.conditionalFormats.push({ row: 2, column: 2, rows: 5, columns: 1, rule: 'Gewonnen grün' });
  const overview = excel.addSheet('Übersicht', [['']]);
  excel.refer(overview, 0, 0, leads, 5, 1);
  excel.refer(overview, 1, 0, leads, 3, 1);
  return {
    excel,
    leads,
    overview,
    workbook: new ExcelWorkbook({ run: excel.run, supportsExcelApi: () => true }),
  };
};

describe('deleting table rows through Office.js', () => {
  it('deletes the rows in the table’s columns with shift up: the table shrinks, notes, rules and references move', async () => {
    const { excel, leads, workbook } = setUp();
    excel.resetStats();

    const done = await workbook.deleteRows({ sheet: 'Leads', tableName: 'Leads', rows: [4, 6, 5] });

    expect(done).toEqual({ how: 'deleted', rows: 3 });
    expect([2, 3, 4].map((r) => leads.cell(r, 0))).toEqual(['L-1', 'L-5', '']);
    expect(excel.tables[0]).toMatchObject({ row: 1, rows: 3, columns: 3 });
    // beside the table nothing moves, as in Excel
    expect([2, 3, 4, 5, 6].map((r) => leads.cell(r, 4))).toEqual([
      'Notiz 1',
      'Notiz 2',
      'Notiz 3',
      'Notiz 4',
      'Notiz 5',
    ]);
    expect(leads.notes.get('5,2')).toBeUndefined();
    expect(leads.conditionalFormats[0]).toMatchObject({ row: 2, rows: 2 });
    expect(excel.referenceValue(excel.references[0])).toBe('#REF!');
    expect(excel.referenceValue(excel.references[1])).toBe('#REF!');
    // two syncs for the rows (where they are, the deletion) plus the events switch around the write
    expect(excel.stats.syncs).toBe(4);
  });

  it('moves a reference to a row below the deleted ones with it', async () => {
    const { excel, workbook } = setUp();
    await workbook.deleteRows({ sheet: 'Leads', tableName: 'Leads', rows: [3] });
    expect(excel.referenceValue(excel.references[0])).toBe('p4@example.de');
    expect(excel.referenceValue(excel.references[1])).toBe('p2@example.de');
  });

  it('leaves the header row and rows outside the table alone', async () => {
    const { excel, leads, workbook } = setUp();
    expect(await workbook.deleteRows({ sheet: 'Leads', tableName: 'Leads', rows: [1, 2, 9] })).toEqual({
      how: 'deleted',
      rows: 0,
    });
    expect(leads.cell(1, 0)).toBe('Lead-ID');
    expect(excel.tables[0]).toMatchObject({ rows: 6 });
  });

  it('is refused by the fake as by Excel when the range would cut through a table', async () => {
    const { excel, leads } = setUp();
    const cut = new ExcelWorkbook({
      run: (batch) =>
        excel.run(async (context) => {
          context.workbook.worksheets.getItem('Leads').getRangeByIndexes(3, 0, 1, 2).delete('Up');
          await context.sync();
          return batch(context);
        }),
      supportsExcelApi: () => true,
    });
    await expect(cut.listSheets()).rejects.toThrow();
    expect(leads.cell(3, 0)).toBe('L-2');
  });
});

describe('forgetting a person in the open workbook', () => {
  const forgetSyncs: number[] = [];

  it('takes their lead, history and target rows out through Office.js, the team’s formula beside each lead moving with it', async () => {
    const excel = new FakeExcel();
    excel.addSheet('Kontakte', [
      ['Kontakt-Nr.', 'Vorname', 'Nachname', 'Firma', 'E-Mail'],
      ...[1, 2, 3, 4, 5].map((i): Cell[] => [
        `C${i}`,
        `Vor${i}`,
        `Nach${i}`,
        `Firma ${i}`,
        `p${i}@example.de`,
      ]),
    ]);
    const workbook = new ExcelWorkbook({ run: excel.run, supportsExcelApi: () => true });
    const used = await runCampaign(
      workbook,
      { name: 'Messe', type: 'event', selections: [{ from: 'contacts' }] },
      { today: isoToDay('2026-11-02')!, now: '2026-11-02T09:00:00Z', leads: true },
    );
    expect(used.ok).toBe(true);
    const leads = excel.sheet('Leads')!;
    const table = excel.tables.find((t) => t.sheet === leads)!;
    const emailColumn = [...Array(20).keys()].find((c) => leads.cell(0, c) === 'EMail')!;
    const rowOf = (email: string) => [...Array(10).keys()].find((r) => leads.cell(r, emailColumn) === email)!;
    // the sales team's note column typed beside each lead, as part of the table
    for (let r = 1; r <= 5; r += 1) leads.setFormula(r, table.columns, `=LEN(A${r + 1})`, 14);
    table.columns += 1;
    const p4 = rowOf('p4@example.de');

    excel.resetStats();
    const done = await forgetPerson(
      workbook,
      { email: 'p3@example.de' },
      { today: isoToDay('2026-11-03')!, lang: 'de' },
    );

    expect(done.ok && done.value.done.map((d) => [d.sheet, d.how, d.rows.length])).toEqual([
      ['Kontakthistorie', 'deleted', 2],
      ['Messe', 'deleted', 1],
      ['Leads', 'deleted', 1],
    ]);
    expect([...Array(6).keys()].map((r) => leads.cell(r, emailColumn))).not.toContain('p3@example.de');
    expect(table.rows).toBe(5);
    expect(rowOf('p4@example.de')).toBe(p4 - 1);
    expect(leads.formula(p4 - 1, table.columns - 1)).toBe(`=LEN(A${p4 + 1})`);
    expect(excel.sheet('Sperrliste')!.cell(1, 0)).toMatch(/^#DSGVO-17:s=[0-9a-f]{32};e=[0-9a-f]{32};n=/);
    expect(excel.stats.rejectedForSize).toBe(0);
    forgetSyncs.push(excel.stats.syncs);
  });

  it('needs as many requests to Excel for 300 contacts as for 5: none per row', async () => {
    const excel = new FakeExcel();
    excel.addSheet('Kontakte', [
      ['Kontakt-Nr.', 'Vorname', 'Nachname', 'Firma', 'E-Mail'],
      ...Array.from({ length: 300 }, (_, i): Cell[] => [
        `C${i + 1}`,
        `Vor${i + 1}`,
        `Nach${i + 1}`,
        `Firma ${i + 1}`,
        `p${i + 1}@example.de`,
      ]),
    ]);
    const workbook = new ExcelWorkbook({ run: excel.run, supportsExcelApi: () => true });
    await runCampaign(
      workbook,
      { name: 'Messe', type: 'event', selections: [{ from: 'contacts' }] },
      { today: isoToDay('2026-11-02')!, now: '2026-11-02T09:00:00Z', leads: true },
    );
    excel.resetStats();
    await forgetPerson(workbook, { email: 'p3@example.de' }, { today: isoToDay('2026-11-03')!, lang: 'de' });
    expect(forgetSyncs).toHaveLength(1);
    expect(excel.stats.syncs).toBe(forgetSyncs[0]);
  });
});
