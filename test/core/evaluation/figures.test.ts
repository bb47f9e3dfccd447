import {
  effectRows,
  figureHeader,
  figureOf,
  keyFigureRows,
  leadRows,
} from '../../../src/core/evaluation/figures';
import { formatFigure } from '../../../src/core/kernel/formats';
import type { Language } from '../../../src/core/kernel/language';
import { makeEvaluation, paidOffEvaluation } from './evaluationBuilders';

const plain = (text: string): string => text.replace(/\u00a0/g, ' ');

const measured = paidOffEvaluation();

/** A row as a reader sees it: label and the figures in the language's formats. */
const shown =
  (lang: Language) =>
  (label: string, ...values: Array<Parameters<typeof formatFigure>[0] | null>) => [
    label,
    ...values.map((figure) => (figure ? plain(formatFigure(figure, lang)) : null)),
  ];

describe('keyFigureRows', () => {
  it('puts contacted next to control, each figure in its kind: counts, a share, totals in euros, cents per recipient', () => {
    const show = shown('de');
    expect(keyFigureRows(measured, 'de').map((row) => show(row.label, row.contacted, row.control))).toEqual([
      ['Empfänger', '200', '40'],
      ['Käufer', '40', '3'],
      ['Kaufquote', '20 %', '7,5 %'],
      ['Umsatz', '8.000 €', '600 €'],
      ['Umsatz je Empfänger', '40,00 €', '15,00 €'],
      ['Bestellungen', '52', '4'],
    ]);
  });

  it('has no control figures without a control group', () => {
    const rows = keyFigureRows({ ...measured, control: null }, 'en');
    expect(rows.map((row) => [row.label, row.control])).toContainEqual(['Revenue per recipient', null]);
  });
});

describe('effectRows', () => {
  it('gives each effect its sign and 95 % interval, then the cost', () => {
    const show = shown('de');
    expect(
      effectRows(measured, 'de').map(({ label, figure }) =>
        show(
          label,
          figure,
          figure.interval && { ...figure, value: figure.interval.low },
          figure.interval && { ...figure, value: figure.interval.high },
        ),
      ),
    ).toEqual([
      ['Mehr Käufer', '+12,5 Pp.', '+2,0 Pp.', '+20,0 Pp.'],
      ['Mehr Umsatz je Empfänger', '+25,00 €', '+12,50 €', '+37,80 €'],
      ['Mehrumsatz', '+5.000 €', '+2.500 €', '+7.560 €'],
      ['Rendite (ROI) auf Umsatz', '+108 %', '+4 %', '+215 %'],
      ['Kosten', '2.400 €', null, null],
    ]);
  });

  it('leaves out what cannot be estimated: without a control group only the cost remains', () => {
    const descriptive = makeEvaluation({ cost: 300, verdict: 'noControl' });
    expect(effectRows(descriptive, 'en').map((row) => row.label)).toEqual(['Cost']);
  });
});

describe('figureOf and figureHeader', () => {
  it.each([
    ['conversion', 'control', 'Kaufquote Kontrollgruppe', '7,5 %'],
    ['members', 'contacted', 'Empfänger kontaktiert', '200'],
    ['incrementalRevenue', null, 'Mehrumsatz', '+5.000 €'],
  ] as const)('%s of %s: "%s" %s', (id, group, header, value) => {
    expect(figureHeader(id, group, 'de')).toBe(header);
    expect(plain(formatFigure(figureOf(measured, id, group ?? 'contacted')!, 'de'))).toBe(value);
  });

  it('is null for a group or an estimate the campaign does not have', () => {
    const descriptive = makeEvaluation({ cost: null, verdict: 'noControl' });
    expect([
      figureOf(descriptive, 'buyers', 'control'),
      figureOf(descriptive, 'roi'),
      figureOf(descriptive, 'cost'),
    ]).toEqual([null, null, null]);
  });
});

describe('leadRows', () => {
  const leads = {
    total: 40,
    byStatus: { new: 20, contacted: 8, qualified: 4, won: 5, lost: 1 },
    otherStatus: 2,
    wonShare: 0.125,
  };

  it('counts the leads by status in the Leads sheet’s language, people’s own statuses last', () => {
    expect(leadRows(leads, 'en')).toEqual([
      { label: 'New', count: 20 },
      { label: 'Contacted', count: 8 },
      { label: 'Qualified', count: 4 },
      { label: 'Won', count: 5 },
      { label: 'Lost', count: 1 },
      { label: 'Own status', count: 2 },
    ]);
    expect(leadRows({ ...leads, otherStatus: 0 }, 'de').map((row) => row.label)).not.toContain(
      'Eigener Status',
    );
  });
});
