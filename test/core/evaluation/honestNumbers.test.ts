import { evaluateCampaign, type EvaluationInput } from '../../../src/core/evaluation/evaluate';
import { evaluationSummary, noteText } from '../../../src/core/evaluation/evaluationText';
import { effectRows } from '../../../src/core/evaluation/figures';
import type { SaleLine } from '../../../src/core/kernel/model';
import type { SheetTable } from '../../../src/core/kernel/sheetTable';
import { day, makeCampaign, members, sale } from './evaluationBuilders';
import { noSalesLines, salesLines } from '../../../src/core/kernel/salesLines';

/**
 * 200 contacted (A1…A200), 100 held back (B1…B100). 80 contacted and 20 held-back members buy for 100 € each in the
 * window: +20 points of buyers, +20 € per member.
 */
const TODAY = day('2026-11-27');
const group = [...members('A', 200, 'contacted'), ...members('B', 100, 'control')];
const buying = (prefix: string, n: number, amount = 100): SaleLine[] =>
  Array.from({ length: n }, (_, i) => sale(`${prefix}${i + 1}`, '2026-09-10', amount));
const lines = [...buying('A', 80), ...buying('B', 20)];
const sales = salesLines(lines);

const evaluate = (input: Partial<EvaluationInput> = {}, campaign: Parameters<typeof makeCampaign>[0] = {}) =>
  evaluateCampaign({
    campaign: makeCampaign({ start: '2026-09-01', evaluationDays: 30, cost: 1000, ...campaign }),
    members: group,
    sales,
    today: TODAY,
    resamples: 400,
    ...input,
  });

describe('one primary metric, chosen before sending', () => {
  it('states the verdict from the buyer share when that is the primary metric', () => {
    const evaluation = evaluate({}, { primaryMetric: 'conversion' });

    expect(evaluation.verdict).toBe('moreBuyers');
    expect(evaluationSummary(evaluation, 'de')).toMatch(
      /^Die Kampagne brachte mehr Käufer: 40\s%.* der angeschriebenen Kunden kauften, in der Kontrollgruppe 20\s%/,
    );
    const roles = effectRows(evaluation, 'de', evaluation.primaryMetric).map((row) => [row.id, row.primary]);
    expect(roles).toEqual([
      ['conversionUplift', true],
      ['revenuePerMemberUplift', false],
      ['incrementalRevenue', false],
      ['roi', false],
      ['cost', null],
    ]);
  });

  it('states it from the return by default, the buyer share then being secondary', () => {
    const evaluation = evaluate();

    expect(evaluation.primaryMetric).toBe('revenue');
    // +20 € × 200 = +4,000 € against 1,000 € cost.
    expect(evaluation.verdict).toBe('paidOff');
    expect(
      effectRows(evaluation, 'en', 'revenue').find((row) => row.id === 'conversionUplift')?.primary,
    ).toBe(false);
  });
});

describe('regression to the mean', () => {
  const inactive = makeCampaign({
    start: '2026-09-01',
    evaluationDays: 30,
    selections: [{ from: 'inactiveCustomers', months: 6 }],
  });

  it('shows the control group’s own return as "would have come back anyway", beside the uplift', () => {
    const evaluation = evaluateCampaign({
      campaign: inactive,
      members: group,
      sales,
      today: TODAY,
      resamples: 200,
    });

    expect(evaluation.returnedAnyway?.value).toBeCloseTo(0.2, 10);
    expect(evaluation.returnedAnyway?.low).toBeLessThan(0.2);
    expect(evaluation.returnedAnyway?.high).toBeGreaterThan(0.2);
    const labels = effectRows(evaluation, 'de', 'revenue').map((row) => row.label);
    expect(labels.slice(0, 2)).toEqual(['Wären ohnehin zurückgekommen', 'Mehr Käufer']);
  });

  it('says without a control group that some would have come back anyway, and compares nothing before/after', () => {
    const contactedOnly = members('A', 200, 'contacted');
    const evaluation = evaluateCampaign({
      campaign: inactive,
      members: contactedOnly,
      sales,
      today: TODAY,
    });

    expect(evaluation.returnedAnyway).toBeNull();
    expect(evaluation.verdict).toBe('noControl');
    const note = evaluation.notes.find((n) => n.code === 'inactiveWithoutControl');
    expect(note && noteText(note, 'de')).toMatch(/Ohne Kontrollgruppe lässt sich nicht sagen, wie viele/);
  });

  it('is not shown for a campaign that does not select inactive customers', () => {
    expect(evaluate().returnedAnyway).toBeNull();
  });

  it('is not shown before the sales of the window are in', () => {
    const evaluation = evaluateCampaign({
      campaign: inactive,
      members: group,
      sales: noSalesLines(),
      today: TODAY,
    });
    expect(evaluation.verdict).toBe('noSalesYet');
    expect(evaluation.returnedAnyway).toBeNull();
  });
});

describe('contamination of the control group', () => {
  const leadsSheet: SheetTable = {
    name: 'Leads',
    rows: [
      ['Lead-ID', 'Kampagne', 'KampagnenID', 'Vorname', 'Nachname', 'KundenNr', 'Status', 'Notiz'],
      ['L1', 'Telefonaktion', 'T-1', 'Anna', 'B', 'B3', 'Qualifiziert', ''],
      ['L2', 'Telefonaktion', 'T-1', 'Bernd', 'B', 'B4', 'Neu', 'Hat Katalog bekommen'],
      ['L3', 'Telefonaktion', 'T-1', 'Carla', 'B', 'B5', 'Neu', ''], // not worked
      ['L4', 'Sommerfest', 'S-1', 'Dora', 'B', 'B6', 'Gewonnen', ''], // its campaign ran before
    ],
  };
  const others = [
    {
      id: 'N-1',
      name: 'Newsletter September',
      keys: new Set(['k:B1', 'k:B2', 'k:A1']),
      contacted: new Set(['k:B1', 'k:B2', 'k:A1']),
      start: day('2026-09-15'),
      windowEnd: day('2026-10-14'),
    },
    {
      id: 'T-1',
      name: 'Telefonaktion',
      keys: new Set(['k:X1']),
      contacted: new Set(['k:X1']),
      start: day('2026-08-20'),
      windowEnd: day('2026-09-18'),
    },
    {
      id: 'S-1',
      name: 'Sommerfest',
      keys: new Set(['k:B6']),
      start: day('2026-06-01'),
      windowEnd: day('2026-06-30'),
    },
  ];

  it('counts and names control members contacted in another campaign or through a worked lead', () => {
    const evaluation = evaluate({ others, leads: leadsSheet });

    const note = evaluation.notes.find((n) => n.code === 'contamination');
    expect(note).toEqual({ code: 'contamination', count: 4, campaigns: ['Newsletter September'], leads: 2 });
    expect(noteText(note!, 'de')).toBe(
      '4 Mitglieder der Kontrollgruppe wurden im Zeitraum trotzdem angesprochen (in Newsletter September; 2 über von Vertrieb bearbeitete Leads). Sie bleiben in der Kontrollgruppe; der gemessene Effekt kann dadurch kleiner ausfallen, als er ist.',
    );
  });

  it('keeps the analysis by original assignment and says the effect may have shrunk', () => {
    const clean = evaluate();
    const contaminated = evaluate({ others, leads: leadsSheet });

    expect(contaminated.control).toEqual(clean.control);
    expect(contaminated.conversionUplift).toEqual(clean.conversionUplift);
    expect(evaluationSummary(contaminated, 'de')).toMatch(
      /Ein Teil der Kontrollgruppe wurde trotzdem angesprochen: Der Effekt kann dadurch kleiner erscheinen, als er ist\.$/,
    );
    expect(evaluationSummary(clean, 'de')).not.toMatch(/trotzdem angesprochen/);
  });
});

describe('the return on margin', () => {
  // Each sale earns a quarter of its price above the purchase cost.
  const withMargins = salesLines(lines.map((line) => ({ ...line, margin: (line.amount ?? 0) * 0.25 })));

  it('is computed on the margin and labelled so when the workbook has margins', () => {
    const evaluation = evaluate({ sales: withMargins, margins: { averageShare: 0.25, estimatedLines: 0 } });

    expect(evaluation.roiBasis).toBe('margin');
    // +20 € revenue per member → +5 € margin; × 200 = +1,000 € against 1,000 € cost: ROI 0 %, not +300 %.
    expect(evaluation.incrementalMargin?.value).toBeCloseTo(1000, 6);
    expect(evaluation.roi?.value).toBeCloseTo(0, 6);
    expect(effectRows(evaluation, 'de').find((row) => row.id === 'roi')?.label).toBe(
      'Rendite (ROI) auf Marge',
    );
    expect(evaluationSummary(evaluation, 'de')).toMatch(/an Marge 1\.000\s€/);
  });

  it('is labelled "auf Umsatz" without margins', () => {
    const evaluation = evaluate();
    expect(evaluation.roiBasis).toBe('revenue');
    expect(evaluation.roi?.value).toBeCloseTo(3, 6);
    expect(effectRows(evaluation, 'en').find((row) => row.id === 'roi')?.label).toBe(
      'Return on investment (ROI) on revenue',
    );
  });
});
