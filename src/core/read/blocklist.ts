import type { Language } from '../kernel/language';
import { headerTexts, normalizeHeader, recognizeColumns } from './headers';
import { splitFullName } from './personNames';
import { parseToken } from '../kernel/forgottenToken';
import type { BlockEntry, BlocklistSheet, Field, MappingOverrides } from '../kernel/model';
import type { CellValue, SheetTable } from '../kernel/sheetTable';
import { cellText } from '../kernel/values';
import { BLOCKLIST_SHEET } from '../workbook/sheetNames';

/**
 * The Sperrliste: people who objected to advertising. A sheet is one when its name says so ("Sperrliste",
 * "Werbewidersprüche", "Blocklist", …) or one of its headers does ("Gesperrt seit", "Widerspruch am", …), and it
 * names people by e-mail or by name. Its rows are never recipients; they exclude whoever they name.
 */
const SHEET_NAMES = [
  ...Object.values(BLOCKLIST_SHEET),
  'Sperrlisten',
  'Sperrdatei',
  'Werbesperren',
  'Werbewidersprüche',
  'Widersprüche',
  'Widerspruchsliste',
  'Robinsonliste',
  'Blacklist',
  'Block list',
  'Do not contact',
  'Do not mail',
  'Suppression list',
].map(normalizeHeader);

/** The date column of a Sperrliste the add-in starts (outputs/blocklistEntry.ts); read as one of those below. */
export const BLOCKLIST_DATE_HEADER: Record<Language, string> = { de: 'Gesperrt seit', en: 'Blocked since' };

/** Headers that date an objection: a new entry gets today's date there. */
const DATE_HEADERS: ReadonlySet<string> = new Set(
  [
    ...Object.values(BLOCKLIST_DATE_HEADER),
    'Gesperrt am',
    'Sperrdatum',
    'Widerspruch am',
    'Widerspruch vom',
    'Widerspruchsdatum',
    'Datum des Widerspruchs',
    'Blocked on',
    'Objection date',
    'Objected on',
  ].map(normalizeHeader),
);
const MARKER_HEADERS: ReadonlySet<string> = new Set([...DATE_HEADERS, normalizeHeader('Sperrgrund')]);

const HEADER_SCAN_ROWS = 10;
const ENTRY_FIELDS: readonly Field[] = [
  'email',
  'firstName',
  'lastName',
  'fullName',
  'street',
  'postalCode',
  'city',
];

const namesPeople = (columns: Partial<Record<Field, number>>): boolean =>
  columns.email !== undefined || columns.lastName !== undefined || columns.fullName !== undefined;

const isBlocklistName = (name: string): boolean => {
  const normalised = normalizeHeader(name);
  return SHEET_NAMES.some((known) => normalised === known || normalised.startsWith(known));
};

/**
 * By a header alone only a plain list of people: a contacts sheet that records the date of an objection next to its
 * opt-out flag, or that has contact numbers, stays a contacts sheet.
 */
const hasMarker = (headers: readonly string[]): boolean =>
  headers.some((header) => MARKER_HEADERS.has(normalizeHeader(header)));

interface Layout {
  headerIndex: number;
  headers: string[];
  columns: Partial<Record<Field, number>>;
  houseNumber: number;
}

/** The first of the top rows whose headers name people; it must also carry a marker unless the sheet's name does. */
const layoutOf = (table: SheetTable): Layout | null => {
  const byName = isBlocklistName(table.name);
  for (let i = 0; i < Math.min(table.rows.length, HEADER_SCAN_ROWS); i++) {
    const headers = headerTexts(table.rows[i]);
    const { columns, optOutColumns, houseNumberColumn } = recognizeColumns(headers, 'contacts');
    if (!namesPeople(columns)) continue;
    if (!byName && !(hasMarker(headers) && columns.contactId === undefined && optOutColumns.length === 0))
      return null;
    return { headerIndex: i, headers, columns, houseNumber: houseNumberColumn ?? -1 };
  }
  return null;
};

const textAt = (cells: readonly CellValue[], column: number | undefined): string =>
  column === undefined || column < 0 ? '' : cellText(cells[column] ?? null);

const entryOf = (layout: Layout, cells: readonly CellValue[], sheet: string, row: number): BlockEntry => {
  const { columns } = layout;
  for (const field of ['email', 'lastName', 'fullName'] as const) {
    const forgotten = parseToken(textAt(cells, columns[field]));
    if (forgotten)
      return {
        sheet,
        row,
        forgotten,
        email: '',
        firstName: '',
        lastName: '',
        street: '',
        postalCode: '',
        city: '',
      };
  }
  let firstName = textAt(cells, columns.firstName);
  let lastName = textAt(cells, columns.lastName);
  const fullName = textAt(cells, columns.fullName);
  if (firstName === '' && lastName === '' && fullName !== '')
    ({ firstName, lastName } = splitFullName(fullName));
  const houseNumber = textAt(cells, layout.houseNumber);
  const street = textAt(cells, columns.street);
  return {
    sheet,
    row,
    email: textAt(cells, columns.email).replace(/^mailto:/i, ''),
    firstName,
    lastName,
    street: houseNumber === '' ? street : `${street} ${houseNumber}`.trim(),
    postalCode: textAt(cells, columns.postalCode),
    city: textAt(cells, columns.city),
  };
};

const isEmpty = (entry: BlockEntry): boolean =>
  entry.forgotten === undefined && entry.email === '' && entry.firstName === '' && entry.lastName === '';

const readSheet = (table: SheetTable, layout: Layout): BlocklistSheet => {
  const startRow = table.startRow ?? 1;
  const entries: BlockEntry[] = [];
  for (let i = layout.headerIndex + 1; i < table.rows.length; i++) {
    const entry = entryOf(layout, table.rows[i], table.name, startRow + i);
    if (!isEmpty(entry)) entries.push(entry);
  }
  const columns = Object.fromEntries(
    ENTRY_FIELDS.filter((field) => layout.columns[field] !== undefined).map((field) => [
      field,
      layout.columns[field],
    ]),
  );
  const headerRow = startRow + layout.headerIndex;
  const dateColumn = layout.headers.findIndex((header) => DATE_HEADERS.has(normalizeHeader(header)));
  const tableName = table.tables?.find((t) => t.hasHeaderRow && t.area.top === headerRow)?.name;
  return {
    sheet: table.name,
    headerRow,
    headers: layout.headers,
    columns,
    ...(dateColumn >= 0 ? { dateColumn } : {}),
    ...(table.startColumn ? { startColumn: table.startColumn } : {}),
    ...(tableName ? { tableName } : {}),
    entries,
  };
};

/**
 * Every Sperrliste among the sheets, read. Sheets the add-in wrote and sheets an explicit mapping names for another
 * role are none.
 */
export const readBlocklists = (
  tables: readonly SheetTable[],
  overrides: MappingOverrides,
  skipped: readonly string[],
): BlocklistSheet[] => {
  const taken = new Set(
    [...skipped, ...Object.values(overrides.sheets ?? {})].map((name) => name.toLowerCase()),
  );
  return tables.flatMap((table) => {
    if (taken.has(table.name.toLowerCase())) return [];
    const layout = layoutOf(table);
    return layout ? [readSheet(table, layout)] : [];
  });
};
