import { comparisonLines, evaluationLines } from '../../src/cli/evaluationPrintout';
import type { TypeComparison } from '../../src/core/evaluation/model';
import { createTranslator } from '../../src/i18n/i18n';
import { day, letterComparison, paidOffEvaluation } from '../core/evaluation/evaluationBuilders';

/** Intl's no-break spaces as plain spaces, as a terminal shows them. */
const plain = (lines: string[]): string[] => lines.map((line) => line.replace(/\u00a0/g, ' '));

const measured = paidOffEvaluation({
  name: 'Herbstaktion Büromöbel',
  start: day('2026-09-01'),
  windowEnd: day('2026-09-30'),
  windowDays: 30,
  daysObserved: 30,
  leads: {
    total: 40,
    byStatus: { new: 20, contacted: 8, qualified: 4, won: 5, lost: 0 },
    otherStatus: 3,
    wonShare: 0.125,
  },
});

describe('the evaluation in a terminal', () => {
  it('writes every figure as the task pane does: cents per recipient, points with one decimal, signed effects', () => {
    const lines = plain(evaluationLines(measured, createTranslator('de')));
    expect(lines.slice(0, 3)).toEqual([
      'Kampagne „Herbstaktion Büromöbel“ (Brief, Abgeschlossen)',
      'Start 01.09.2026, ausgewertet bis 30.09.2026 (30 von 30 Tagen)',
      'Ergebnis: Hat sich gelohnt',
    ]);
    expect(lines[3]).toBe('Hauptkennzahl: Umsatz');
    expect(lines.slice(5)).toEqual([
      '                       Kontaktiert  Kontrollgruppe',
      '  Empfänger                    200              40',
      '  Käufer                        40               3',
      '  Kaufquote                   20 %           7,5 %',
      '  Umsatz                   8.000 €           600 €',
      '  Umsatz je Empfänger      40,00 €         15,00 €',
      '  Bestellungen                  52               4',
      'Mehr Käufer (Nebenkennzahl): +12,5 Pp. (95-%-Intervall +2,0 Pp. bis +20,0 Pp.)',
      'Mehr Umsatz je Empfänger (Hauptkennzahl): +25,00 € (95-%-Intervall +12,50 € bis +37,80 €)',
      'Mehrumsatz (Hauptkennzahl): +5.000 € (95-%-Intervall +2.500 € bis +7.560 €)',
      'Rendite (ROI) auf Umsatz (Hauptkennzahl): +108 % (95-%-Intervall +4 % bis +215 %)',
      'Kosten: 2.400 €',
      'Leads: 40 (Neu 20, Kontaktiert 8, Qualifiziert 4, Gewonnen 5, Eigener Status 3), gewonnen: 12,5 %',
    ]);
  });

  it('says the same in English', () => {
    const lines = plain(evaluationLines(measured, createTranslator('en')));
    expect(lines).toContain('More buyers (Secondary metric): +12.5 pp (95 % interval +2.0 pp to +20.0 pp)');
    expect(lines).toContain('  Revenue per recipient     €40.00         €15.00');
    // ICU abbreviates September as "Sep" or "Sept", depending on its version
    expect(lines[1]).toMatch(/^Start 1 Sept? 2026, evaluated until 30 Sept? 2026 \(30 of 30 days\)$/);
  });

  it('compares the types in a table whose headers are those of the Auswertung sheet', () => {
    const letters = letterComparison({ roi: { value: 7, low: 2.88, high: 11.12 } });
    const emails: TypeComparison = {
      ...letters,
      type: 'email',
      campaigns: 1,
      control: null,
      conversionUplift: null,
      revenuePerMemberUplift: null,
      incrementalRevenue: null,
      roi: null,
    };
    const [title, header, ...rows] = plain(comparisonLines([letters, emails], createTranslator('de')));
    expect(title).toBe('Vergleich nach Kampagnentyp:');
    expect(header.trim().split(/ {2,}/)).toEqual([
      'Typ',
      'Kampagnen',
      'Empfänger kontaktiert',
      'Empfänger Kontrollgruppe',
      'Kaufquote kontaktiert',
      'Kaufquote Kontrollgruppe',
      'Mehr Käufer',
      'Mehrumsatz',
      'Kosten',
      'Rendite (ROI)',
    ]);
    expect(rows.map((row) => row.trim().split(/ {2,}/))).toEqual([
      ['Brief', '2', '300', '70', '26,7 %', '20 %', '+6,7 Pp.', '+4.000 €', '500 €', '+700 %'],
      ['E-Mail', '1', '300', '–', '26,7 %', '–', '–', '–', '500 €', '–'],
    ]);
  });
});
