import fc from 'fast-check';
import {
  addMonths,
  cellText,
  dayToIso,
  excelSerialToDay,
  isErrorValue,
  isoToDay,
  isTruthyFlag,
  parseDay,
  parseNumber,
  trimCell,
} from '../../../src/core/kernel/values';
import type { CellValue } from '../../../src/core/kernel/sheetTable';

const iso = (text: string): number => {
  const day = isoToDay(text);
  if (day === null) throw new Error(`bad test date ${text}`);
  return day;
};

describe('excelSerialToDay', () => {
  it.each([
    [1, 1900, '1900-01-01'],
    [59, 1900, '1900-02-28'],
    [61, 1900, '1900-03-01'],
    [25569, 1900, '1970-01-01'],
    [45356, 1900, '2024-03-05'],
    [45356.75, 1900, '2024-03-05'],
    [0, 1904, '1904-01-01'],
    [43894, 1904, '2024-03-05'],
  ] as const)('serial %s in the %s system is %s', (serial, system, expected) => {
    expect(dayToIso(excelSerialToDay(serial, system))).toBe(expected);
  });

  it('maps the fake 1900-02-29 (serial 60) to the next real day', () => {
    expect(dayToIso(excelSerialToDay(60, 1900))).toBe('1900-03-01');
  });
});

describe('dayToIso / isoToDay', () => {
  it.each(['1970-01-01', '1900-02-28', '2000-02-29', '2024-12-31', '1969-12-31', '9999-12-31'])(
    'round-trips %s',
    (text) => expect(dayToIso(iso(text))).toBe(text),
  );

  it.each([
    ['2024-03-05T10:15:00', '2024-03-05'],
    ['2024-3-5', '2024-03-05'],
    ['  2024-03-05 08:00 ', '2024-03-05'],
  ])('reads %s as %s', (text, expected) => expect(dayToIso(iso(text))).toBe(expected));

  it.each(['2023-02-29', '2024-13-01', '2024-04-31', '2024-00-10', '05.03.2024', 'gestern', ''])(
    'rejects %s',
    (text) => expect(isoToDay(text)).toBeNull(),
  );
});

describe('addMonths', () => {
  it.each([
    ['2026-05-31', -3, '2026-02-28'],
    ['2024-05-31', -3, '2024-02-29'],
    ['2026-01-31', 1, '2026-02-28'],
    ['2026-03-15', -12, '2025-03-15'],
    ['2026-01-15', -1, '2025-12-15'],
    ['2025-11-30', 3, '2026-02-28'],
    ['2026-05-31', 0, '2026-05-31'],
  ] as const)('%s %+d months = %s', (start, months, expected) => {
    expect(dayToIso(addMonths(iso(start), months))).toBe(expected);
  });
});

describe('parseDay', () => {
  it.each<[CellValue, 1900 | 1904, string]>([
    [45356, 1900, '2024-03-05'],
    [43894, 1904, '2024-03-05'],
    [59, 1900, '1900-02-28'],
    [61, 1900, '1900-03-01'],
    [new Date(Date.UTC(2024, 2, 5)), 1900, '2024-03-05'],
    [new Date(Date.UTC(2024, 2, 5, 23, 30)), 1900, '2024-03-05'],
    ['2024-03-05', 1900, '2024-03-05'],
    ['2024-03-05 14:30:00', 1900, '2024-03-05'],
    ['04.07.1996', 1900, '1996-07-04'],
    ['4.7.96', 1900, '1996-07-04'],
    ['4.7.05', 1900, '2005-07-04'],
    ['31.12.69', 1900, '2069-12-31'],
    ['1.1.70', 1900, '1970-01-01'],
    [' 29.02.2024 ', 1900, '2024-02-29'],
    ['05.03.2024 09:00', 1900, '2024-03-05'],
  ])('reads %p (%s system) as %s', (value, system, expected) => {
    const parsed = parseDay(value, system);
    expect(parsed.problem).toBeUndefined();
    expect(parsed.day === null ? null : dayToIso(parsed.day)).toBe(expected);
  });

  it.each<[CellValue, 'invalidDate' | 'errorValue']>([
    [60, 'invalidDate'],
    [0, 'invalidDate'],
    [-5, 'invalidDate'],
    [3_000_000, 'invalidDate'],
    ['31.02.2024', 'invalidDate'],
    ['29.02.2023', 'invalidDate'],
    ['2024-02-30', 'invalidDate'],
    ['nächste Woche', 'invalidDate'],
    [true, 'invalidDate'],
    [new Date(Number.NaN), 'invalidDate'],
    ['#N/A', 'errorValue'],
    ['#WERT!', 'errorValue'],
  ])('reports %p as %s', (value, problem) => {
    expect(parseDay(value, 1900)).toEqual({ day: null, problem });
  });

  it.each<[CellValue]>([[null], [''], ['   ']])(
    'reads the empty cell %p as no date without a problem',
    (value) => {
      expect(parseDay(value, 1900)).toEqual({ day: null });
    },
  );

  it('accepts serial 0 in the 1904 system but not in the 1900 system', () => {
    expect(parseDay(0, 1904).day).toBe(iso('1904-01-01'));
    expect(parseDay(0, 1900).problem).toBe('invalidDate');
  });
});

describe('parseNumber', () => {
  it.each<[CellValue, number | null]>([
    [12.5, 12.5],
    ['1.234,50', 1234.5],
    ['-12,5', -12.5],
    ['1234.5', 1234.5],
    ['€ 12,00', 12],
    ['12 €', 12],
    ['12,00 EUR', 12],
    ['1.234', 1234],
    ['12.345.678', 12345678],
    ['1,234.56', 1234.56],
    ['1,234,567', 1234567],
    ['0.5', 0.5],
    ['12,50-', -12.5],
    ['+7', 7],
    ['1\u00a0234,5', 1234.5],
    ['', null],
    ['-', null],
    ['zwölf', null],
    ['12a', null],
    ['1,2,3.4.5', null],
    ['12.345,6', 12345.6],
    ['1.23,5', 123.5],
    ['1.23', 1.23],
    ['1234.567', 1234.567],
    ['-0,5', -0.5],
    ['0,0000001', 1e-7],
    ['00012,30', 12.3],
    ['1234567890123456,5', 1234567890123456.5],
    ['5,', null],
    [',5', null],
    ['1.234.', null],
    ['1.2345', 1.2345],
    [null, null],
    [true, null],
    [Number.NaN, null],
    [new Date(0), null],
  ])('%p → %p', (value, expected) => expect(parseNumber(value)).toBe(expected));

  it('reads German amounts with thousands dots as the number they write', () => {
    const withDots = (digits: string): string => digits.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
    const amount = fc.record({
      euros: fc.bigInt({ min: 0n, max: 10n ** 13n }),
      cents: fc.stringMatching(/^\d{1,2}$/),
      negative: fc.boolean(),
    });
    fc.assert(
      fc.property(amount, ({ euros, cents, negative }) => {
        const sign = negative ? '-' : '';
        const expected = Number(`${sign}${euros}.${cents}`);
        expect(parseNumber(`${sign}${withDots(String(euros))},${cents}`)).toBe(expected);
      }),
    );
  });
});

describe('trimCell', () => {
  it.each([
    ['Müller', 'Müller'],
    [' K-10001 ', 'K-10001'],
    ['\u00a0Köln\u00a0', 'Köln'],
    ['\tinfo@mueller.de\r\n', 'info@mueller.de'],
    ['\u2007Ösen\u3000', 'Ösen'],
    ['\ufeffKundennummer', 'Kundennummer'],
    ['Straße\u2028', 'Straße'],
    ['\u0085x\u0085', '\u0085x\u0085'],
    ['   ', ''],
    ['', ''],
  ])('%p → %p', (text, expected) => expect(trimCell(text)).toBe(expected));

  it('is trim() for any text', () => {
    const text = fc.string({
      unit: fc.oneof(
        fc.constantFrom(' ', '\u00a0', '\u1680', '\u205f', '\ufeff'),
        fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
      ),
    });
    fc.assert(fc.property(text, (t) => expect(trimCell(t)).toBe(t.trim())));
  });
});

describe('cellText', () => {
  it.each<[CellValue, string]>([
    [null, ''],
    ['  Musterstraße 1 ', 'Musterstraße 1'],
    [12.3, '12.3'],
    [0.1 + 0.2, '0.3'],
    [12.299999999999999, '12.3'],
    [1067, '1067'],
    [10001, '10001'],
    [-4.5, '-4.5'],
    [true, 'WAHR'],
    [false, 'FALSCH'],
    [new Date(Date.UTC(2024, 2, 5)), '05.03.2024'],
    [new Date(Number.NaN), ''],
    ['#N/A', ''],
    [' #BEZUG! ', ''],
  ])('%p → %p', (value, expected) => expect(cellText(value)).toBe(expected));
});

describe('isErrorValue', () => {
  it.each([
    '#N/A',
    '#NV',
    '#WERT!',
    '#VALUE!',
    '#REF!',
    '#BEZUG!',
    '#DIV/0!',
    '#NAME?',
    '#NUM!',
    '#ZAHL!',
    '#NULL!',
    '#SPILL!',
    '#ÜBERLAUF!',
    '#CALC!',
    '#GETTING_DATA',
    ' #n/a ',
  ])('%s is an Excel error', (text) => expect(isErrorValue(text)).toBe(true));

  it.each<[CellValue]>([['#1 Kunde'], ['N/A'], ['#'], [''], [null], [42], [new Date(0)]])(
    '%p is not an Excel error',
    (value) => expect(isErrorValue(value)).toBe(false),
  );
});

describe('isTruthyFlag', () => {
  it.each<[CellValue]>([
    ['ja'],
    ['Ja'],
    ['J'],
    ['x'],
    ['X'],
    ['1'],
    ['WAHR'],
    ['true'],
    ['yes'],
    ['Y'],
    ['✓'],
    [true],
    [1],
    [new Date(Date.UTC(2023, 4, 3))],
    ['03.05.2023'],
    ['per Telefon widersprochen'],
  ])('%p excludes the person', (value) => expect(isTruthyFlag(value)).toBe(true));

  it.each<[CellValue]>([
    ['nein'],
    ['Nein'],
    ['n'],
    ['0'],
    [''],
    ['  '],
    ['falsch'],
    ['FALSE'],
    ['no'],
    ['-'],
    [false],
    [0],
    [null],
    ['#N/A'],
    ['nein, Werbung erwünscht'],
    ['Keine Sperre'],
    ['no (2023)'],
  ])('%p does not exclude', (value) => expect(isTruthyFlag(value)).toBe(false));
});
