import {
  dateColumns,
  dateSystemFromProbe,
  dateToSerial,
  isDateFormat,
  serialToDate,
} from '../../src/excel/dates';

describe('isDateFormat', () => {
  it.each([
    ['dd.mm.yyyy', true],
    ['m/d/yyyy', true],
    ['[$-407]d. mmmm yyyy;@', true],
    ['yyyy-mm-dd hh:mm', true],
    ['General', false],
    ['#,##0.00 "€"', false],
    ['0" Tage"', false],
    ['[Red]0.00;[Blue]-0.00', false],
    ['@', false],
    ['hh:mm:ss', false],
    ['0 "d"', false],
  ])('%s → %s', (format, expected) => {
    expect(isDateFormat(format)).toBe(expected);
  });
});

describe('serial dates', () => {
  it.each([
    [1, 1900, '1900-01-01T00:00:00.000Z'],
    [59, 1900, '1900-02-28T00:00:00.000Z'],
    [61, 1900, '1900-03-01T00:00:00.000Z'],
    [45_292, 1900, '2024-01-01T00:00:00.000Z'],
    [45_292.5, 1900, '2024-01-01T12:00:00.000Z'],
    [0, 1904, '1904-01-01T00:00:00.000Z'],
    [43_830, 1904, '2024-01-01T00:00:00.000Z'],
  ] as const)('serial %d in the %d system is %s, and back', (serial, system, iso) => {
    expect((serialToDate(serial, system) as Date).toISOString()).toBe(iso);
    expect(dateToSerial(new Date(iso), system)).toBeCloseTo(serial, 6);
  });

  it('leaves Excel’s non-existent 1900-02-29 (serial 60) a number', () => {
    expect(serialToDate(60, 1900)).toBe(60);
  });

  it.each([
    [1_462, 1900],
    [0, 1904],
  ] as const)('DATE(1904;1;1) = %d means the %d system', (probe, system) => {
    expect(dateSystemFromProbe(probe)).toBe(system);
  });
});

describe('dateColumns', () => {
  it('takes a column as dates when most of its numbers carry a date format', () => {
    const values = [
      ['Kunde', 'Datum', 'Betrag', 'Gemischt'],
      ['K1', 45_292, 12.5, 45_292],
      ['K2', 45_293, 99, 7],
      ['K3', '', 1, 8],
    ];
    const formats = [
      ['General', 'General', 'General', 'General'],
      ['@', 'dd.mm.yyyy', '#,##0.00', 'dd.mm.yyyy'],
      ['@', 'dd.mm.yyyy', '#,##0.00', 'General'],
      ['@', 'dd.mm.yyyy', '#,##0.00', 'General'],
    ];

    expect(dateColumns(values, formats)).toEqual(new Set([1]));
  });
});
