import {
  evaluationTable,
  REVENUE_PER_MEMBER_COLUMNS,
  typeComparisonTable,
} from '../../../src/core/evaluation/evaluationTables';
import type { TypeComparison } from '../../../src/core/evaluation/model';
import { day, figures, letterComparison, makeEvaluation } from './evaluationBuilders';

const measured = makeEvaluation({
  name: '=Herbstbrief',
  type: 'letter',
  status: 'completed',
  start: day('2026-09-01'),
  windowEnd: day('2026-11-29'),
  cost: 400,
  contacted: figures(1200, 300, 54000, 350),
  control: figures(150, 30, 4500, 33),
  // 300/1200 − 30/150 = 0.25 − 0.2 = 0.05
  conversionUplift: { value: 0.05, low: -0.012345, high: 0.10456 },
  revenuePerMemberUplift: { value: 15, low: 2.5, high: 27.5 },
  // 15 · 1,200 = 18,000; 2.5 · 1,200 = 3,000; 27.5 · 1,200 = 33,000
  incrementalRevenue: { value: 18000, low: 3000, high: 33000 },
  // (18,000 − 400) / 400 = 44; (3,000 − 400) / 400 = 6.5; (33,000 − 400) / 400 = 81.5
  roi: { value: 44, low: 6.5, high: 81.5 },
  verdict: 'paidOff',
  leads: {
    total: 40,
    byStatus: { new: 10, contacted: 10, qualified: 5, won: 12, lost: 3 },
    otherStatus: 0,
    wonShare: 0.3,
  },
});
const descriptive = makeEvaluation({
  name: 'Newsletter Oktober',
  type: 'newsletter',
  status: 'active',
  start: day('2026-10-01'),
  windowEnd: day('2026-11-27'),
  contacted: figures(800, 60, 3333.333, 70),
  verdict: 'noControl',
});

describe('evaluationTable', () => {
  const table = evaluationTable([measured, descriptive], 'de');

  it('has German headers; the units are in the number formats', () => {
    expect(table.headers).toEqual([
      'Kampagne',
      'Typ',
      'Status',
      'Start',
      'Ausgewertet bis',
      'Empfänger',
      'Kontrollgruppe',
      'Kaufquote kontaktiert',
      'Umsatz je Empfänger kontaktiert',
      'Kaufquote Kontrollgruppe',
      'Umsatz je Empfänger Kontrollgruppe',
      'Mehr Käufer',
      'Mehr Käufer von',
      'Mehr Käufer bis',
      'Mehrumsatz',
      'Mehrumsatz von',
      'Mehrumsatz bis',
      'Kosten',
      'Rendite (ROI)',
      'Aussage',
      'Leads',
      'Leads gewonnen',
      'Zusammenfassung',
      'Hauptkennzahl',
      'Wären ohnehin zurückgekommen',
      'Kontrollgruppe trotzdem angesprochen',
      'Rendite berechnet',
      'Mehr Marge',
    ]);
  });

  it('writes the figures as numbers: shares and returns as proportions, points as points, euros with cents', () => {
    const [row] = table.rows;
    expect(row.slice(0, 22)).toEqual([
      '=Herbstbrief',
      'Brief',
      'Abgeschlossen',
      new Date('2026-09-01T00:00:00Z'),
      new Date('2026-11-29T00:00:00Z'),
      1350, // 1,200 + 150
      150,
      0.25, // 300 / 1,200
      45, // 54,000 / 1,200
      0.2, // 30 / 150
      30, // 4,500 / 150
      5, // percentage points
      -1.23, // −0.012345 · 100, two decimals
      10.46,
      18000,
      3000,
      33000,
      400,
      44,
      'Hat sich gelohnt',
      40,
      12,
    ]);
    expect(row[22]).toMatch(/^Die Kampagne hat sich gelohnt: /);
  });

  it('leaves what does not apply empty: no control group, no cost, no leads', () => {
    const [, row] = table.rows;
    expect(row.slice(5, 22)).toEqual([
      800,
      null,
      0.075, // 60 / 800
      4.17, // 3,333.333 / 800 = 4.1667
      null,
      null,
      null,
      null,
      null,
      null,
      null,
      null,
      null,
      null,
      'Ohne Kontrollgruppe — nicht ursächlich',
      null,
      null,
    ]);
  });

  it('gives each figure column the number format of its figure, in the sheet language', () => {
    const formats = (headers: string[], numberFormats: Record<number, string> = {}) =>
      Object.fromEntries(Object.entries(numberFormats).map(([i, code]) => [headers[Number(i)], code]));
    expect(formats(table.headers, table.numberFormats)).toEqual({
      Empfänger: '#,##0',
      Kontrollgruppe: '#,##0',
      'Kaufquote kontaktiert': '0.0 %',
      'Umsatz je Empfänger kontaktiert': '#,##0.00 "€"',
      'Kaufquote Kontrollgruppe': '0.0 %',
      'Umsatz je Empfänger Kontrollgruppe': '#,##0.00 "€"',
      'Mehr Käufer': '+0.0 "Pp.";-0.0 "Pp.";0.0 "Pp."',
      'Mehr Käufer von': '+0.0 "Pp.";-0.0 "Pp.";0.0 "Pp."',
      'Mehr Käufer bis': '+0.0 "Pp.";-0.0 "Pp.";0.0 "Pp."',
      Mehrumsatz: '+#,##0 "€";-#,##0 "€";0 "€"',
      'Mehrumsatz von': '+#,##0 "€";-#,##0 "€";0 "€"',
      'Mehrumsatz bis': '+#,##0 "€";-#,##0 "€";0 "€"',
      Kosten: '#,##0 "€"',
      'Rendite (ROI)': '+0 %;-0 %;0 %',
      Leads: '#,##0',
      'Leads gewonnen': '#,##0',
      'Wären ohnehin zurückgekommen': '0.0 %',
      'Kontrollgruppe trotzdem angesprochen': '#,##0',
      'Mehr Marge': '+#,##0 "€";-#,##0 "€";0 "€"',
    });
    const english = evaluationTable([measured], 'en');
    expect(formats(english.headers, english.numberFormats)).toMatchObject({
      'Conversion contacted': '0.0%',
      'Revenue per recipient contacted': '"€"#,##0.00',
    });
  });

  it('keeps names and texts as text, so "=Herbstbrief" never becomes a formula', () => {
    expect(table.textColumns).toEqual([0, 1, 2, 19, 22, 23, 26]);
  });

  it('charts revenue per recipient, contacted and control group', () => {
    expect(REVENUE_PER_MEMBER_COLUMNS.map((i) => table.headers[i])).toEqual([
      'Umsatz je Empfänger kontaktiert',
      'Umsatz je Empfänger Kontrollgruppe',
    ]);
  });

  it('has English headers and labels', () => {
    const english = evaluationTable([measured], 'en');
    expect(english.headers.slice(0, 8)).toEqual([
      'Campaign',
      'Type',
      'Status',
      'Start',
      'Evaluated until',
      'Recipients',
      'Control group',
      'Conversion contacted',
    ]);
    expect(english.rows[0].slice(1, 3)).toEqual(['Letter', 'Completed']);
    expect(english.rows[0][19]).toBe('Paid off');
  });

  it('is an empty table with headers for no campaigns', () => {
    expect(evaluationTable([], 'en').rows).toEqual([]);
  });
});

describe('typeComparisonTable', () => {
  const letters = letterComparison();
  const emails: TypeComparison = {
    type: 'email',
    campaigns: 1,
    contacted: figures(400, 40, 2000, 45),
    control: null,
    conversionUplift: null,
    revenuePerMemberUplift: null,
    cost: 300,
    incrementalRevenue: null,
    incrementalMargin: null,
    roi: null,
    roiBasis: 'revenue',
  };

  it('writes one row per type', () => {
    const table = typeComparisonTable([emails, letters], 'de');
    expect(table.headers.slice(0, 5)).toEqual([
      'Typ',
      'Kampagnen',
      'Empfänger kontaktiert',
      'Kontrollgruppe',
      'Kaufquote kontaktiert',
    ]);
    expect(table.rows).toEqual([
      [
        'E-Mail',
        1,
        400,
        null,
        0.1,
        5,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        300,
        null,
        'auf Umsatz',
        null,
      ],
      // 80/300 = 26.67 %, 13,000/300 = 43.33 €, 14/70 = 20 %, 2,100/70 = 30 €
      [
        'Brief',
        2,
        300,
        70,
        0.2667,
        43.33,
        0.2,
        30,
        6.67,
        -4,
        16,
        4000,
        1940.87,
        6059.13,
        500,
        3,
        'auf Umsatz',
        null,
      ],
    ]);
    expect(table.textColumns).toEqual([0, 16]);
  });
});
