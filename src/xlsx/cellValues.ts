import type { CellValue } from '../core/kernel/sheetTable';

/** An Excel error such as #N/A, as exceljs models an error cell or a formula's error result. */
interface ErrorValue {
  error: string;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null;

const richTextToString = (runs: unknown): string =>
  Array.isArray(runs)
    ? runs.map((run) => (isObject(run) && typeof run.text === 'string' ? run.text : '')).join('')
    : '';

const objectToCellValue = (value: Record<string, unknown>): CellValue => {
  if ('error' in value) return String((value as unknown as ErrorValue).error);
  if ('richText' in value) return emptyToNull(richTextToString(value.richText));
  // formulas and shared formulas: the value Excel calculated last (absent if never calculated)
  if ('formula' in value || 'sharedFormula' in value) return toCellValue(value.result);
  // a link to an e-mail address reads as the address ("E-Mail schreiben" → mailto:bernd@…), any other as its text
  if ('hyperlink' in value) return mailtoTarget(value.hyperlink) ?? toCellValue(value.text);
  if ('text' in value) return toCellValue(value.text);
  return null;
};

const emptyToNull = (text: string): string | null => (text === '' ? null : text);

/** The hyperlink itself when it writes an e-mail ("mailto:…"; the core reads the address from it), else null. */
export const mailtoTarget = (hyperlink: unknown): string | null =>
  typeof hyperlink === 'string' && /^mailto:/i.test(hyperlink.trim()) ? hyperlink.trim() : null;

/** A formula the file holds no calculated value for: saved by a program that does not calculate. */
export const isUncalculated = (value: unknown): boolean =>
  isObject(value) && ('formula' in value || 'sharedFormula' in value) && value.result === undefined;

/** Turns any exceljs cell value into the adapter-neutral CellValue the core reads. */
export const toCellValue = (value: unknown): CellValue => {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return emptyToNull(value);
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'boolean') return value;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value;
  if (isObject(value)) return objectToCellValue(value);
  return null;
};

const MS_PER_DAY = 86_400_000;
/** Days from Excel's 1900 epoch (with its fake 1900-02-29) and from the 1904 epoch to 1970-01-01. */
const UNIX_EPOCH_SERIAL = { 1900: 25_569, 1904: 24_107 } as const;

/** A serial date as exceljs delivers date cells: the calendar day at UTC midnight (times kept as fraction). */
export const serialToDate = (serial: number, dateSystem: 1900 | 1904): Date =>
  new Date(Math.round((serial - UNIX_EPOCH_SERIAL[dateSystem]) * MS_PER_DAY));

/** Same rule as exceljs' own: a number format with day, month, year or time tokens outside quotes and brackets. */
export const isDateFormat = (numFmt: string | undefined): boolean => {
  if (!numFmt) return false;
  const tokens = numFmt.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, '');
  return /[ymdhMsb]+/.test(tokens);
};
