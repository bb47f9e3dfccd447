import type { Language } from '../../../src/core/kernel/language';
import { evaluationSummary, noteText, verdictLabel } from '../../../src/core/evaluation/evaluationText';
import type { EvaluationNoteCode, Verdict } from '../../../src/core/evaluation/model';
import { day, figures, makeEvaluation } from './evaluationBuilders';

/** Intl puts a no-break space between number and unit ("1.240 €"): compared as a plain space. */
const plain = (text: string): string => text.replace(/\u00a0/g, ' ');

describe('evaluationSummary', () => {
  const paidOff = makeEvaluation({
    type: 'letter',
    cost: 400,
    control: figures(100, 10, 1000, 11),
    incrementalRevenue: { value: 1240, low: 310, high: 2170 },
    // (1,240 − 400) / 400 = 2.1
    roi: { value: 2.1, low: -0.225, high: 4.425 },
    verdict: 'paidOff',
  });

  it.each([
    [
      'de',
      'Die Kampagne hat sich gelohnt: Die angeschriebenen Kunden kauften für 1.240 € mehr als ohne Kampagne zu erwarten (zwischen 310 € und 2.170 €) – bei 400 € Kosten ein Ertrag von 210 % auf Umsatz.',
    ],
    [
      'en',
      'The campaign paid off: the customers contacted bought €1,240 more than expected without the campaign (between €310 and €2,170) – on €400 cost a return of 210% on revenue.',
    ],
  ] as const)('a campaign that paid off (%s)', (lang, sentence) => {
    expect(plain(evaluationSummary(paidOff, lang))).toBe(sentence);
  });

  it('rounds the return to whole percent', () => {
    // (51,141 − 2,400) / 2,400 = 20.309 → 2,031 %
    const evaluation = { ...paidOff, roi: { value: 20.309, low: 4.7, high: 33.8 } };
    expect(plain(evaluationSummary(evaluation, 'de'))).toMatch(/ein Ertrag von 2\.031 % auf Umsatz\.$/);
  });

  it('a campaign without cost that paid off names no return', () => {
    const evaluation = { ...paidOff, cost: null, roi: null };
    expect(plain(evaluationSummary(evaluation, 'de'))).toBe(
      'Die Kampagne hat sich gelohnt: Die angeschriebenen Kunden kauften für 1.240 € mehr als ohne Kampagne zu erwarten (zwischen 310 € und 2.170 €).',
    );
  });

  it.each([
    [
      'de',
      300,
      'Die Kampagne hat sich nicht gelohnt: Die angerufenen Kunden kauften für 200 € weniger als ohne Kampagne zu erwarten (zwischen -500 € und -20 €) – weniger als die Kosten von 300 €.',
    ],
    [
      'en',
      null,
      'The campaign did not pay off: the customers called bought €200 less than expected without the campaign (between -€500 and -€20).',
    ],
    [
      'en',
      300,
      'The campaign did not pay off: the customers called bought €200 less than expected without the campaign (between -€500 and -€20) – less than its cost of €300.',
    ],
    [
      'de',
      null,
      'Die Kampagne hat sich nicht gelohnt: Die angerufenen Kunden kauften für 200 € weniger als ohne Kampagne zu erwarten (zwischen -500 € und -20 €).',
    ],
  ] as const)('a phone campaign that did not pay off (%s, cost %p)', (lang, cost, sentence) => {
    const evaluation = makeEvaluation({
      type: 'phone',
      cost,
      control: figures(100, 10, 1000, 11),
      incrementalRevenue: { value: -200, low: -500, high: -20 },
      verdict: 'notPaidOff',
    });
    expect(plain(evaluationSummary(evaluation, lang))).toBe(sentence);
  });

  it.each([
    [
      'de',
      400,
      'Noch nicht eindeutig: Die eingeladenen Kunden kauften für 300 € mehr als ohne Kampagne zu erwarten (zwischen -200 € und 800 €); ob das die Kosten von 400 € deckt, lässt sich noch nicht sagen.',
    ],
    [
      'de',
      null,
      'Noch nicht eindeutig: Die eingeladenen Kunden kauften für 300 € mehr als ohne Kampagne zu erwarten (zwischen -200 € und 800 €); das kann auch Zufall sein.',
    ],
    [
      'en',
      400,
      'Not clear yet: the customers invited bought €300 more than expected without the campaign (between -€200 and €800); whether that covers the cost of €400 cannot be said yet.',
    ],
    [
      'en',
      null,
      'Not clear yet: the customers invited bought €300 more than expected without the campaign (between -€200 and €800); that may also be chance.',
    ],
  ] as const)('an event whose effect is not clear (%s, cost %p)', (lang, cost, sentence) => {
    const evaluation = makeEvaluation({
      type: 'event',
      cost,
      control: figures(100, 10, 1000, 11),
      incrementalRevenue: { value: 300, low: -200, high: 800 },
      verdict: 'uncertain',
    });
    expect(plain(evaluationSummary(evaluation, lang))).toBe(sentence);
  });

  it.each([
    [
      'de',
      90,
      'Ohne Kontrollgruppe — nicht ursächlich: 120 von 1.000 angeschriebenen Kunden (12 %) kauften in den 90 Tagen nach dem Start für zusammen 15.300 €; ob sie das auch ohne die Kampagne getan hätten, lässt sich nicht sagen.',
    ],
    [
      'en',
      27,
      'No control group — not causal: 120 of 1,000 customers contacted (12%) bought for €15,300 in total in the first 27 days since the start; whether they would have done so without the campaign cannot be said.',
    ],
    [
      'de',
      27,
      'Ohne Kontrollgruppe — nicht ursächlich: 120 von 1.000 angeschriebenen Kunden (12 %) kauften in den ersten 27 Tagen seit dem Start für zusammen 15.300 €; ob sie das auch ohne die Kampagne getan hätten, lässt sich nicht sagen.',
    ],
    [
      'en',
      90,
      'No control group — not causal: 120 of 1,000 customers contacted (12%) bought for €15,300 in total in the 90 days after the start; whether they would have done so without the campaign cannot be said.',
    ],
  ] as const)(
    'says honestly that without a control group nothing is causal (%s, %i days)',
    (lang, days, sentence) => {
      const evaluation = makeEvaluation({
        type: 'newsletter',
        contacted: figures(1000, 120, 15300, 130),
        daysObserved: days,
        verdict: 'noControl',
      });
      expect(plain(evaluationSummary(evaluation, lang))).toBe(sentence);
    },
  );

  it.each([
    [
      'de',
      'Die Kontrollgruppe ist zu klein für eine Aussage: 12 Kunden in der Kontrollgruppe und 3 Käufer in beiden Gruppen zusammen – nötig sind mindestens 30 und 5; die Zahlen sind nur beschreibend.',
    ],
    [
      'en',
      'The control group is too small to tell: 12 customers in the control group and 3 buyers in both groups together – at least 30 and 5 are needed; the figures are descriptive only.',
    ],
  ] as const)('says when the control group is too small, and what is needed (%s)', (lang, sentence) => {
    const evaluation = makeEvaluation({
      contacted: figures(100, 2, 300, 2),
      control: figures(12, 1, 40, 1),
      incrementalRevenue: { value: 0, low: -400, high: 600 },
      verdict: 'controlTooSmall',
    });
    expect(plain(evaluationSummary(evaluation, lang))).toBe(sentence);
  });

  it.each([
    [
      null,
      'de',
      'Die Kampagne hat noch nicht begonnen: Gezählt werden die Käufe in den 90 Tagen ab dem Start.',
    ],
    [
      '2026-12-01',
      'de',
      'Die Kampagne beginnt am 01.12.2026: Gezählt werden die Käufe in den 90 Tagen ab dann.',
    ],
    [null, 'en', 'The campaign has not started yet: purchases in the 90 days from the start will count.'],
    ['2026-12-01', 'en', 'The campaign starts on 1 Dec 2026: purchases in the 90 days from then will count.'],
  ] as const)('a campaign not started (start %p, %s)', (start, lang, sentence) => {
    const evaluation = makeEvaluation({
      start: start === null ? null : day(start),
      windowEnd: null,
      daysObserved: 0,
      verdict: 'notStarted',
    });
    expect(evaluationSummary(evaluation, lang)).toBe(sentence);
  });

  it.each([
    [
      'de',
      'Das Verkaufsblatt enthält noch keine Verkäufe seit dem Start am 01.11.2026: Sobald die Verkäufe nachgetragen sind, lässt sich der Erfolg messen.',
    ],
    [
      'en',
      'The sales sheet has no sales since the start on 1 Nov 2026 yet: once the sales are brought up to date, the success can be measured.',
    ],
  ] as const)('a campaign whose sales are not in the sheet yet (%s)', (lang, sentence) => {
    const evaluation = makeEvaluation({ start: day('2026-11-01'), verdict: 'noSalesYet' });
    expect(evaluationSummary(evaluation, lang)).toBe(sentence);
  });
});

describe('verdict labels and note texts', () => {
  const VERDICTS: Verdict[] = [
    'notStarted',
    'noSalesYet',
    'paidOff',
    'notPaidOff',
    'uncertain',
    'controlTooSmall',
    'noControl',
  ];
  const LANGUAGES: Language[] = ['de', 'en'];

  it.each(LANGUAGES)('every verdict has its own label (%s)', (lang) => {
    const labels = VERDICTS.map((verdict) => verdictLabel(verdict, lang));
    expect(new Set(labels).size).toBe(VERDICTS.length);
  });

  it('labels the descriptive verdict honestly', () => {
    expect(verdictLabel('noControl', 'de')).toBe('Ohne Kontrollgruppe — nicht ursächlich');
    expect(verdictLabel('noControl', 'en')).toBe('No control group — not causal');
  });

  it.each([
    ['undatedSales', 'de', '1.204 Verkaufszeilen der Empfänger haben kein Datum und zählen nicht mit.'],
    [
      'returns',
      'en',
      '1,204 returns or credit notes (negative amounts) in the window are deducted from the revenue.',
    ],
    [
      'windowOpen',
      'de',
      'Der Auswertungszeitraum läuft noch 1.204 Tage: Die Zahlen können sich noch ändern.',
    ],
    [
      'noCustomerNumber',
      'en',
      '1,204 recipients have no customer number: their purchases cannot be matched, they never count as buyers.',
    ],
    [
      'sharedCustomer',
      'de',
      '1.204 Empfänger teilen sich eine Kundennummer mit anderen (z. B. zwei Ansprechpartner einer Firma): Deren Umsatz wird zwischen ihnen aufgeteilt.',
    ],
  ] as const)('note %s in %s', (code: EvaluationNoteCode, lang, text) => {
    expect(noteText({ code, count: 1204 }, lang)).toBe(text);
  });

  it('names the overlapping campaigns', () => {
    const note = { code: 'overlap' as const, count: 3, campaigns: ['Newsletter Oktober', 'Telefonaktion'] };
    expect(noteText(note, 'de')).toBe(
      '3 Empfänger sind zur selben Zeit auch in Newsletter Oktober, Telefonaktion: Ihre Käufe zählen auch dort mit.',
    );
    expect(noteText(note, 'en')).toBe(
      '3 recipients are also in Newsletter Oktober, Telefonaktion at the same time: their purchases count there too.',
    );
  });
});
