import type { StoredCampaign } from '../../../src/core/campaign/campaign';
import { readAddinState, saveAddinState } from '../../../src/core/run/campaignRun';
import { evaluateWorkbook, writeEvaluationSheets } from '../../../src/core/run/evaluationRun';
import { REVENUE_PER_MEMBER_COLUMNS } from '../../../src/core/evaluation/evaluationTables';
import type { CampaignEvaluation } from '../../../src/core/evaluation/model';
import { LEAD_HEADERS, LEAD_STATUS_LABELS } from '../../../src/core/outputs/leadsSheet';
import type { CellValue, SheetTable } from '../../../src/core/kernel/sheetTable';
import { emptyState, type AddinState } from '../../../src/core/state/state';
import { isoToDay } from '../../../src/core/kernel/values';
import { ExcelWorkbook } from '../../../src/excel/excelWorkbook';
import { MemoryWorkbook } from '../../../src/memory/memoryWorkbook';
import { sampleState, sampleStateSheet, sampleWorkbookTables } from '../../../src/sample/sampleWorkbook';
import { FakeExcel } from '../../excel/fakeExcel';

const utc = (iso: string) => new Date(`${iso}T00:00:00Z`);
const TODAY = isoToDay('2026-11-27')!;

/** A small wholesaler: K3 objected to advertising after the letter went out, K5 was never in the campaign. */
const customers = (): SheetTable => ({
  name: 'Kunden',
  rows: [
    ['Kundenliste', null, null, null, null, null],
    ['Kunden-Nr.', 'Firma', 'Straße', 'PLZ', 'Ort', 'Werbesperre'],
    ['K1', 'Bäckerei Groß', 'Hauptstraße 1', '01067', 'Dresden', ''],
    ['K2', 'Müller & Söhne KG', 'Ringweg 5', '04109', 'Leipzig', ''],
    ['K3', 'Köhler GmbH', 'Domplatz 2', '50667', 'Köln', 'ja'],
    ['K4', 'Weiß Immobilien', 'Marienplatz 8', '80331', 'München', ''],
    ['K5', 'Neukunde AG', 'Allee 3', '01069', 'Dresden', ''],
  ],
});

/** Before the start everybody but K5 was inactive; after it K1 and K3 bought, K2 sent goods back, K4 bought late. */
const sales = (): SheetTable => ({
  name: 'Umsätze',
  rows: [
    ['Belegdatum', 'Kundennr', 'Artikel-Nr.', 'Betrag'],
    [utc('2026-01-15'), 'K1', 'A-1', 80],
    [utc('2026-02-03'), 'K2', 'A-1', 120],
    ['10.02.2026', 'K3', 'A-2', 40],
    [utc('2026-01-20'), 'K4', 'A-1', 60],
    [utc('2026-08-20'), 'K5', 'A-2', 500],
    [utc('2026-09-10'), 'K1', 'A-1', 200],
    [utc('2026-09-12'), 'K3', 'A-2', 50],
    [utc('2026-09-20'), 'K2', 'A-1', -30],
    [utc('2026-12-01'), 'K4', 'A-1', 70],
    ['#N/A', 'K1', 'A-1', 999],
    ['Summe', null, null, 1089],
  ],
});

const REACTIVATION: StoredCampaign = {
  id: 'K-REAKTIVIERUNG',
  name: 'Reaktivierung Herbst',
  type: 'letter',
  selections: [{ from: 'inactiveCustomers', months: 3 }],
  start: '2026-09-01',
  evaluationDays: 30,
  cost: 100,
  controlPercent: 25,
  status: 'completed',
  createdAt: '2026-08-30T08:00:00.000Z',
  updatedAt: '2026-09-01T08:00:00.000Z',
  memberCount: 4,
  assignment: { control: ['k:K4'], contacted: ['k:K1', 'k:K2', 'k:K3'] },
};

const PLANNED_NEWSLETTER: StoredCampaign = {
  id: 'K-NEWSLETTER',
  name: 'Newsletter Dezember',
  type: 'newsletter',
  selections: [{ from: 'customers' }],
  createdAt: '2026-11-20T08:00:00.000Z',
  updatedAt: '2026-11-20T08:00:00.000Z',
  memberCount: 0,
};

const leadsSheet = (rows: Array<[string, keyof (typeof LEAD_STATUS_LABELS)['de']]>): SheetTable => {
  const headers = LEAD_HEADERS.de;
  return {
    name: 'Leads',
    rows: [
      [headers.leadId, headers.campaignId, headers.campaign, headers.status],
      ...rows.map(([id, status], i): CellValue[] => [
        `L-${i}`,
        id,
        'Reaktivierung Herbst',
        LEAD_STATUS_LABELS.de[status],
      ]),
    ],
  };
};

const workbookWith = async (state: AddinState, extra: SheetTable[] = []): Promise<MemoryWorkbook> => {
  const wb = new MemoryWorkbook([customers(), sales(), ...extra]);
  await saveAddinState(wb, state);
  return wb;
};

const stateOf = (...campaigns: StoredCampaign[]): AddinState => ({ ...emptyState(), campaigns });

const evaluationOf = (evaluations: CampaignEvaluation[], id: string): CampaignEvaluation => {
  const found = evaluations.find((e) => e.campaignId === id);
  if (!found) throw new Error(`no evaluation of ${id}`);
  return found;
};

describe('evaluateWorkbook', () => {
  it('evaluates who was in the campaign when it went out, also members who have left the group since', async () => {
    const wb = await workbookWith(stateOf(REACTIVATION, PLANNED_NEWSLETTER));

    const report = await evaluateWorkbook(wb, { today: TODAY, language: 'de' });
    if (!report.ok) throw new Error(JSON.stringify(report.error));

    const reactivation = evaluationOf(report.value.evaluations, REACTIVATION.id);
    // K1 bought after the start: rebuilt as of today it would no longer be inactive, and K3 objected since.
    expect(reactivation.contacted).toMatchObject({ members: 3, buyers: 2, revenue: 220 });
    expect(reactivation.control).toMatchObject({ members: 1, buyers: 0, revenue: 0 });
    expect(reactivation.verdict).toBe('controlTooSmall');
    expect(reactivation.notes.map((n) => n.code)).toContain('returns');
    expect(evaluationOf(report.value.evaluations, PLANNED_NEWSLETTER.id).verdict).toBe('notStarted');
    expect(report.value.focus).toBeNull();
    // A campaign that has not started has nothing to compare yet.
    expect(report.value.byType.map((c) => [c.type, c.campaigns])).toEqual([['letter', 1]]);
    expect(report.value.problems.map((p) => p.code)).toEqual(
      expect.arrayContaining(['totalsRowSkipped', 'errorValue']),
    );
  });

  it.each(['reaktivierung herbst ', 'K-REAKTIVIERUNG'])(
    'focuses the campaign named %j and still evaluates all for the comparison',
    async (name) => {
      const wb = await workbookWith(stateOf(PLANNED_NEWSLETTER, REACTIVATION));

      const report = await evaluateWorkbook(wb, { today: TODAY, language: 'de', campaign: name });

      expect(report.ok && report.value.focus).toBe(REACTIVATION.id);
      expect(report.ok && report.value.evaluations).toHaveLength(2);
    },
  );

  it('names the stored campaigns when the one asked for does not exist', async () => {
    const wb = await workbookWith(stateOf(REACTIVATION, PLANNED_NEWSLETTER));

    const report = await evaluateWorkbook(wb, { today: TODAY, language: 'de', campaign: 'Sommerfest' });

    expect(report).toEqual({
      ok: false,
      error: [
        {
          code: 'campaignNotFound',
          severity: 'error',
          value: 'Sommerfest',
          detail: 'Reaktivierung Herbst, Newsletter Dezember',
        },
      ],
    });
  });

  it('still evaluates the recorded members of a campaign whose filter column is gone, and says what no longer fits', async () => {
    const renamed: StoredCampaign = {
      ...REACTIVATION,
      selections: [{ from: 'customers', filter: [{ column: 'Kundengruppe', op: 'equals', value: 'A' }] }],
    };
    const wb = await workbookWith(stateOf(renamed, { ...renamed, id: 'K-ZWEI', name: 'Zweiter Brief' }));

    const report = await evaluateWorkbook(wb, { today: TODAY, language: 'de' });
    if (!report.ok) throw new Error(JSON.stringify(report.error));

    expect(report.value.evaluations[0].contacted.members).toBe(3);
    expect(report.value.evaluations[0].control?.members).toBe(1);
    const missing = report.value.problems.filter((p) => p.code === 'columnNotFound');
    expect(missing).toHaveLength(1);
    expect(missing[0]).toMatchObject({ severity: 'error', column: 'Kundengruppe' });
  });

  it('needs a sales sheet', async () => {
    const wb = new MemoryWorkbook([customers()]);
    await saveAddinState(wb, stateOf(REACTIVATION));

    const report = await evaluateWorkbook(wb, { today: TODAY, language: 'en' });

    expect(report.ok ? [] : report.error.map((p) => [p.code, p.detail])).toEqual([
      ['sheetRoleNotFound', 'sales'],
    ]);
  });

  it('counts the leads of the campaign from the Leads sheet the add-in owns', async () => {
    const state = { ...stateOf(REACTIVATION), ownedSheets: ['Leads'] };
    const leads = leadsSheet([
      [REACTIVATION.id, 'won'],
      [REACTIVATION.id, 'contacted'],
      [REACTIVATION.id, 'won'],
      ['K-ANDERE', 'won'],
    ]);
    const wb = await workbookWith(state, [leads]);

    const report = await evaluateWorkbook(wb, { today: TODAY, language: 'de' });

    const figures = report.ok ? evaluationOf(report.value.evaluations, REACTIVATION.id).leads : null;
    expect(figures).toMatchObject({ total: 3, byStatus: { won: 2, contacted: 1, new: 0 } });
  });

  it('finds the known effect of the campaign stored in the sample workbook', async () => {
    const wb = new MemoryWorkbook([...sampleWorkbookTables(), sampleStateSheet()]);
    const [stored] = sampleState().campaigns;

    const report = await evaluateWorkbook(wb, { today: TODAY, language: 'de' });
    if (!report.ok) throw new Error(JSON.stringify(report.error));

    const [evaluation] = report.value.evaluations;
    expect(evaluation.contacted.members).toBe(stored.assignment?.contacted.length);
    expect(evaluation.control?.members).toBe(stored.assignment?.control.length);
    // 40 % of the reached firms order furniture on top of what they buy anyway: more buyers, more revenue.
    expect(evaluation.conversionUplift?.low).toBeGreaterThan(0);
    expect(evaluation.revenuePerMemberUplift?.low).toBeGreaterThan(0);
    expect(evaluation.verdict).toBe('paidOff');
  });
});

describe('writeEvaluationSheets', () => {
  const evaluated = async (wb: MemoryWorkbook | ExcelWorkbook) => {
    const report = await evaluateWorkbook(wb, { today: TODAY, language: 'de' });
    const state = await readAddinState(wb);
    if (!report.ok || !state.ok) throw new Error('evaluation failed');
    return { report: report.value, state: state.value };
  };

  it('writes both sheets as tables the add-in owns, and the same sheets again on the next run', async () => {
    const wb = await workbookWith(stateOf(REACTIVATION, PLANNED_NEWSLETTER));
    const { report, state } = await evaluated(wb);

    const first = await writeEvaluationSheets(wb, state, report, 'de');
    if (!first.ok) throw new Error(JSON.stringify(first.error));
    const second = await writeEvaluationSheets(wb, first.value.state, report, 'de');

    expect(first.value).toMatchObject({ sheet: 'Auswertung', typeSheet: 'Auswertung nach Typ' });
    expect(second.ok && second.value.state.ownedSheets).toEqual(['Auswertung', 'Auswertung nach Typ']);
    const saved = await readAddinState(wb);
    expect(saved.ok && saved.value.ownedSheets).toEqual(['Auswertung', 'Auswertung nach Typ']);
    const sheet = wb.sheets.get('Auswertung')!;
    expect(sheet.tableName).toBe('Auswertung');
    expect(sheet.table.rows.map((row) => row[0])).toEqual([
      'Kampagne',
      'Reaktivierung Herbst',
      'Newsletter Dezember',
    ]);
    expect(wb.sheets.get('Auswertung nach Typ')!.table.rows.map((row) => row[0])).toEqual(['Typ', 'Brief']);
  });

  it('never replaces a sheet of the user with the same name', async () => {
    const own: SheetTable = { name: 'Evaluation', rows: [['meine Zahlen']] };
    const wb = await workbookWith(stateOf(REACTIVATION), [own]);
    const { report, state } = await evaluated(wb);

    const written = await writeEvaluationSheets(wb, state, report, 'en');

    expect(written.ok && [written.value.sheet, written.value.typeSheet]).toEqual([
      'Evaluation (2)',
      'Evaluation by type',
    ]);
    expect(wb.sheets.get('Evaluation')!.table.rows).toEqual([['meine Zahlen']]);
  });

  it('asks Excel for a chart of revenue per recipient, contacted next to control, per campaign', async () => {
    const excel = new FakeExcel();
    excel.addSheet('Kunden', customers().rows as (string | number)[][]);
    const wb = new ExcelWorkbook({ run: excel.run, supportsExcelApi: () => true, syncTimeoutMs: 5_000 });
    await saveAddinState(wb, stateOf(REACTIVATION));
    const memory = await workbookWith(stateOf(REACTIVATION));
    const { report, state } = await evaluated(memory);

    const written = await writeEvaluationSheets(wb, state, report, 'de');

    expect(written.ok).toBe(true);
    const [chart] = excel.sheet('Auswertung')!.charts;
    expect(chart.type).toBe('ColumnClustered');
    expect(chart.series.map((s) => s.name)).toEqual([
      'Umsatz je Empfänger kontaktiert',
      'Umsatz je Empfänger Kontrollgruppe',
    ]);
    expect(chart.series.map((s) => s.values?.column)).toEqual([...REVENUE_PER_MEMBER_COLUMNS]);
    expect(chart.series.map((s) => s.xValues?.column)).toEqual([0, 0]);
  });
});
