import type { CellValue } from '../core/kernel/sheetTable';

export type DateSystem = 1900 | 1904;

const MS_PER_DAY = 86_400_000;
/** Serial of 1970-01-01 in the 1900 system. */
const SERIAL_1970 = 25_569;
/** Days from 1900-01-00 to 1904-01-01: the 1904 system's serial 0. */
const OFFSET_1904 = 1_462;
/** Excel's 1900-02-29 that never existed (Lotus 1-2-3 compatibility); serials below it are one day off. */
const FAKE_LEAP_DAY = 60;

/**
 * `=DATE(1904;1;1)` is 0 in a workbook with the 1904 date system and 1462 otherwise. Office.js has no property for
 * the date system, but every Excel evaluates this through `workbook.functions` (ExcelApi 1.2).
 */
export const dateSystemFromProbe = (serialOf1904January1: unknown): DateSystem =>
  serialOf1904January1 === 0 ? 1904 : 1900;

/** A date serial as a JS Date in UTC (whole days at UTC midnight); the fake 1900-02-29 stays a number. */
export function serialToDate(serial: number, dateSystem: DateSystem): Date | number {
  const serial1900 = dateSystem === 1904 ? serial + OFFSET_1904 : serial;
  if (dateSystem === 1900 && Math.floor(serial1900) === FAKE_LEAP_DAY) return serial;
  const days = serial1900 < FAKE_LEAP_DAY && dateSystem === 1900 ? serial1900 + 1 : serial1900;
  return new Date(Math.round((days - SERIAL_1970) * MS_PER_DAY));
}

export function dateToSerial(date: Date, dateSystem: DateSystem): number {
  const serial1900 = date.getTime() / MS_PER_DAY + SERIAL_1970;
  const excelSerial = serial1900 <= FAKE_LEAP_DAY ? serial1900 - 1 : serial1900;
  return dateSystem === 1904 ? excelSerial - OFFSET_1904 : excelSerial;
}

/**
 * Whether an Excel number format code (English, as `Range.numberFormat` gives it) shows a date:
 * it has a day or year token outside quoted text, escapes and [..] sections.
 */
export function isDateFormat(format: string): boolean {
  const firstSection = format.split(';')[0];
  const code = firstSection
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/\[[^\]]*\]/g, '');
  return /[dy]/i.test(code) && !/^general$/i.test(code.trim());
}

/** Columns whose numbers are dates: most numeric cells of the sample carry a date format. */
export function dateColumns(values: readonly CellValue[][], formats: readonly string[][]): Set<number> {
  const counts = new Map<number, { dates: number; numbers: number }>();
  values.forEach((row, r) =>
    row.forEach((value, c) => {
      if (typeof value !== 'number') return;
      const count = counts.get(c) ?? { dates: 0, numbers: 0 };
      count.numbers += 1;
      if (isDateFormat(String(formats[r]?.[c] ?? ''))) count.dates += 1;
      counts.set(c, count);
    }),
  );
  return new Set(
    [...counts].filter(([, { dates, numbers }]) => dates * 2 >= numbers && dates > 0).map(([c]) => c),
  );
}
