import type { Language } from '../kernel/language';
import { fieldLabel } from '../kernel/labels';
import type { BlocklistSheet, Day, Field, PersonData } from '../kernel/model';
import { problem, type Problem } from '../kernel/problems';
import { fail, ok, type Result } from '../kernel/result';
import type { CellValue } from '../kernel/sheetTable';
import { dayToDate } from '../kernel/values';
import type { SheetInfo, UpdateTableRequest, WriteTableRequest } from '../workbook/workbookPort';
import { BLOCKLIST_SHEET, tableNameFor, uniqueSheetName } from '../workbook/sheetNames';
import { BLOCKLIST_DATE_HEADER } from '../read/blocklist';

/**
 * Putting a person on the Sperrliste from the target group (an objection under Art. 21 DSGVO, heard on the phone or
 * by letter). The entry goes into the workbook's own Sperrliste as one more row, below the others and in its table,
 * in its columns; nothing else of the sheet is written. A workbook without one gets a new sheet "Sperrliste", which
 * from then on is the user's like any other.
 */
export type BlocklistWrite =
  | { kind: 'append'; sheet: string; request: UpdateTableRequest }
  | { kind: 'create'; sheet: string; request: WriteTableRequest };

const NEW_SHEET_FIELDS = ['email', 'firstName', 'lastName', 'street', 'postalCode', 'city'] as const;
const NEW_SHEET_COLUMNS: Partial<Record<Field, number>> = Object.fromEntries(
  NEW_SHEET_FIELDS.map((field, column) => [field, column]),
);

type EntryPerson = Pick<PersonData, (typeof NEW_SHEET_FIELDS)[number]>;

const valueOf = (person: EntryPerson, field: Field): string => {
  if (field === 'fullName') return `${person.firstName} ${person.lastName}`.trim();
  return field in person ? person[field as keyof EntryPerson].trim() : '';
};

/**
 * The Sperrliste names a person by e-mail, or by first and last name with postal code or town (read/blocklist.ts,
 * group/identity.ts): an entry that could name nobody would look like protection and be none.
 */
const namesPerson = (columns: Partial<Record<Field, number>>, person: EntryPerson): boolean => {
  const column = (field: Field) => columns[field] !== undefined;
  const filled = (field: Field) => valueOf(person, field) !== '';
  if (column('email') && filled('email')) return true;
  const nameColumns = column('fullName') || (column('firstName') && column('lastName'));
  const placed = (column('postalCode') && filled('postalCode')) || (column('city') && filled('city'));
  return nameColumns && filled('firstName') && filled('lastName') && placed;
};

const appendTo = (list: BlocklistSheet, person: EntryPerson, day: Day): UpdateTableRequest => {
  const row: CellValue[] = list.headers.map(() => null);
  for (const [field, column] of Object.entries(list.columns) as [Field, number][]) {
    const value = valueOf(person, field);
    if (value !== '') row[column] = value;
  }
  if (list.dateColumn !== undefined) row[list.dateColumn] = dayToDate(day);
  const postalCode = list.columns.postalCode;
  return {
    sheet: list.sheet,
    ...(list.tableName ? { tableName: list.tableName } : {}),
    cells: [],
    append: {
      column: (list.startColumn ?? 1) - 1,
      rows: [row],
      textColumns: postalCode === undefined ? [] : [postalCode],
    },
  };
};

const newSheet = (
  person: EntryPerson,
  day: Day,
  lang: Language,
  sheets: readonly SheetInfo[],
): WriteTableRequest => {
  const sheet = uniqueSheetName(
    BLOCKLIST_SHEET[lang],
    sheets.map((s) => s.name),
    [],
  );
  return {
    sheet,
    tableName: tableNameFor(
      sheet,
      sheets.flatMap((s) => s.tables),
    ),
    data: {
      headers: [...NEW_SHEET_FIELDS.map((field) => fieldLabel(field, lang)), BLOCKLIST_DATE_HEADER[lang]],
      rows: [[...NEW_SHEET_FIELDS.map((field) => valueOf(person, field) || null), dayToDate(day)]],
      textColumns: [NEW_SHEET_COLUMNS.postalCode!],
    },
  };
};

/**
 * Where and how the person goes on the Sperrliste: the workbook's first one, or a new sheet when it has none. Fails
 * when the list has no column the person could be named by (e-mail, or name and place).
 */
export const blocklistWrite = (
  lists: readonly BlocklistSheet[],
  person: EntryPerson,
  day: Day,
  lang: Language,
  sheets: readonly SheetInfo[],
): Result<BlocklistWrite, Problem[]> => {
  const list = lists[0];
  if (list === undefined) {
    const request = newSheet(person, day, lang, sheets);
    if (!namesPerson(NEW_SHEET_COLUMNS, person))
      return fail([problem('blocklistCannotName', 'error', { sheet: request.sheet })]);
    return ok({ kind: 'create', sheet: request.sheet, request });
  }
  if (!namesPerson(list.columns, person))
    return fail([problem('blocklistCannotName', 'error', { sheet: list.sheet, row: list.headerRow })]);
  return ok({ kind: 'append', sheet: list.sheet, request: appendTo(list, person, day) });
};
