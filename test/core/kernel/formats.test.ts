import {
  excelNumberFormat,
  formatCount,
  formatDay,
  formatDateTime,
  formatEditable,
  formatFigure,
  sheetNumber,
  type Figure,
} from '../../../src/core/kernel/formats';
import type { Language } from '../../../src/core/kernel/language';
import { isoToDay } from '../../../src/core/kernel/values';

/** Intl puts a no-break space between number and unit ("1.240 €"): compared as a plain space. */
const plain = (text: string): string => text.replace(/\u00a0/g, ' ');

describe('formatFigure', () => {
  it.each<[Figure, Language, string]>([
    [{ kind: 'count', value: 1234 }, 'de', '1.234'],
    [{ kind: 'count', value: 1234 }, 'en', '1,234'],
    [{ kind: 'money', value: 1240 }, 'de', '1.240 €'],
    [{ kind: 'money', value: 1234.56 }, 'de', '1.235 €'],
    [{ kind: 'money', value: -200 }, 'de', '-200 €'],
    [{ kind: 'money', value: -0.4 }, 'de', '0 €'],
    [{ kind: 'money', value: 1240 }, 'en', '€1,240'],
    [{ kind: 'money', value: -200 }, 'en', '-€200'],
    [{ kind: 'money', value: 5000, signed: true }, 'de', '+5.000 €'],
    [{ kind: 'money', value: -0.4, signed: true }, 'de', '0 €'],
    [{ kind: 'cents', value: 41.2 }, 'de', '41,20 €'],
    [{ kind: 'cents', value: 41.2 }, 'en', '€41.20'],
    [{ kind: 'cents', value: 25, signed: true }, 'de', '+25,00 €'],
    [{ kind: 'cents', value: -0.004, signed: true }, 'en', '€0.00'],
    [{ kind: 'share', value: 0.125 }, 'de', '12,5 %'],
    [{ kind: 'share', value: 0.2 }, 'de', '20 %'],
    [{ kind: 'share', value: 0.125 }, 'en', '12.5%'],
    [{ kind: 'points', value: 0.03, signed: true }, 'de', '+3,0 Pp.'],
    [{ kind: 'points', value: -0.0123, signed: true }, 'de', '-1,2 Pp.'],
    [{ kind: 'points', value: 0.0004, signed: true }, 'de', '0,0 Pp.'],
    [{ kind: 'points', value: 0.125, signed: true }, 'en', '+12.5 pp'],
    [{ kind: 'roi', value: 1.0833, signed: true }, 'de', '+108 %'],
    [{ kind: 'roi', value: -0.47, signed: true }, 'en', '-47%'],
    // the return in a sentence: whole percent, no sign
    [{ kind: 'roi', value: 20.309 }, 'de', '2.031 %'],
    [{ kind: 'day', value: isoToDay('2026-12-31')! }, 'de', '31.12.2026'],
    [{ kind: 'day', value: isoToDay('2026-11-01')! }, 'en', '1 Nov 2026'],
  ])('%j in %s → %s', (figure, lang, text) => {
    expect(plain(formatFigure(figure, lang))).toBe(text);
  });

  it('keeps number and unit together where a line breaks', () => {
    expect(formatFigure({ kind: 'points', value: 0.03, signed: true }, 'de')).toBe('+3,0\u00a0Pp.');
  });

  it.each([
    ['de', '01.11.2026'],
    ['en', '1 Nov 2026'],
  ] as const)('formatDay and formatCount are the figure formats (%s)', (lang, day) => {
    expect(formatDay(isoToDay('2026-11-01')!, lang)).toBe(day);
    expect(formatCount(12345, lang)).toBe(formatFigure({ kind: 'count', value: 12345 }, lang));
  });
});

describe('formatDateTime', () => {
  it.each([
    ['de', /^05\.11\.2026, \d\d:\d\d$/],
    ['en', /^5 Nov 2026, \d\d:\d\d$/],
  ] as const)('writes a moment in %s with its time of day in the reader’s time zone', (lang, pattern) => {
    // noon UTC is 5 November in every time zone from UTC−11 to UTC+11
    expect(formatDateTime('2026-11-05T12:00:00.000Z', lang)).toMatch(pattern);
  });
});

describe('formatEditable', () => {
  it.each([
    [1250.5, 'de', '1250,5'],
    [1250.5, 'en', '1250.5'],
    [1234567.891, 'de', '1234567,89'],
  ] as const)('%f in %s → %s, as people type it and parseNumber reads it back', (value, lang, text) => {
    expect(formatEditable(value, lang)).toBe(text);
  });
});

describe('excelNumberFormat', () => {
  it.each([
    ['count', 'de', false, '#,##0'],
    ['money', 'de', false, '#,##0 "€"'],
    ['money', 'en', true, '+"€"#,##0;-"€"#,##0;"€"0'],
    ['cents', 'de', false, '#,##0.00 "€"'],
    ['share', 'de', false, '0.0 %'],
    ['share', 'en', false, '0.0%'],
    ['points', 'de', true, '+0.0 "Pp.";-0.0 "Pp.";0.0 "Pp."'],
    ['roi', 'de', true, '+0 %;-0 %;0 %'],
  ] as const)('%s in %s (signed %p) → %s', (kind, lang, signed, code) => {
    expect(excelNumberFormat(kind, lang, signed)).toBe(code);
  });
});

describe('sheetNumber', () => {
  it.each([
    ['share', 0.123456, 0.1235],
    ['roi', 44, 44],
    ['points', -0.012345, -1.23],
    ['points', 0.10456, 10.46],
    ['cents', 4.16666, 4.17],
    ['money', -0.001, 0],
    ['count', 1350, 1350],
  ] as const)('%s %f is stored as %f', (kind, value, stored) => {
    expect(sheetNumber(kind, value)).toBe(stored);
  });
});
