import type { StoredCampaign } from '../campaign/campaign';
import { campaignTypeLabel } from '../campaign/campaignTypes';
import type { Member } from '../group/targetGroupModel';
import type { Language } from '../kernel/language';
import {
  HISTORY_FIELDS,
  type ContactChannel,
  type ContactEntry,
  type ContactHistorySheet,
  type Day,
  type HistoryField,
  type PersonData,
} from '../kernel/model';
import type { CellValue } from '../kernel/sheetTable';
import { dayToDate } from '../kernel/values';
import { CHANNEL_LABELS, GROUP_LABELS, HISTORY_HEADERS } from '../read/contactHistory';
import { HISTORY_SHEET, tableNameFor } from '../workbook/sheetNames';
import type { SheetInfo, UpdateTableRequest, WriteTableRequest } from '../workbook/workbookPort';

/** One use of a campaign as the history records it: every member, contacted or held back, on one day, per channel. */
export interface ContactUse {
  campaign: Pick<StoredCampaign, 'id' | 'name' | 'type'>;
  contacted: readonly Member[];
  control: readonly Member[];
  channels: readonly ContactChannel[];
  day: Day;
}

export type HistoryWrite =
  | { kind: 'append'; sheet: string; request: UpdateTableRequest; added: number }
  | { kind: 'create'; sheet: string; request: WriteTableRequest; added: number }
  | { kind: 'none'; sheet: string; added: 0 };

type HistoryRow = Record<HistoryField, CellValue>;

/** The name the history shows for a member: the person, else the firm, else the address. */
export const memberName = (
  person: Pick<PersonData, 'firstName' | 'lastName' | 'company' | 'email'>,
): string => [person.firstName, person.lastName].filter(Boolean).join(' ') || person.company || person.email;

/** Whether a history row is about this campaign: by its id where the row has one, else by its name. */
export const isOfCampaign = (entry: ContactEntry, campaign: Pick<StoredCampaign, 'id' | 'name'>): boolean =>
  entry.campaignId !== ''
    ? entry.campaignId === campaign.id
    : entry.campaign.trim().toLowerCase() === campaign.name.trim().toLowerCase();

/** Rows of this use the history holds already: the same campaign, day, channel and person add nothing again. */
const recorded = (history: ContactHistorySheet | null, use: ContactUse): Set<string> =>
  new Set(
    (history?.entries ?? [])
      .filter((entry) => entry.day === use.day && entry.channel !== null && isOfCampaign(entry, use.campaign))
      .map((entry) => `${entry.channel}|${entry.key}`),
  );

/**
 * The rows this use adds, one per channel and member, each made as it is taken: a few hundred thousand rows held
 * as records until written would outlive the young generation and fill the heap with garbage.
 */
function* newRows(
  history: ContactHistorySheet | null,
  use: ContactUse,
  lang: Language,
): Generator<HistoryRow> {
  const known = recorded(history, use);
  const day = dayToDate(use.day);
  const type = campaignTypeLabel(use.campaign.type, lang);
  const byKey = new Map<string, { group: string; name: string }>();
  for (const [members, group] of [
    [use.contacted, GROUP_LABELS[lang].contacted],
    [use.control, GROUP_LABELS[lang].control],
  ] as const)
    for (const member of members)
      if (!byKey.has(member.key)) byKey.set(member.key, { group, name: memberName(member.recipient) });
  for (const channel of new Set(use.channels))
    for (const [key, { group, name }] of byKey)
      if (known.size === 0 || !known.has(`${channel}|${key}`))
        yield {
          day,
          campaign: use.campaign.name,
          type,
          channel: CHANNEL_LABELS[lang][channel],
          group,
          key,
          name,
          campaignId: use.campaign.id,
        };
}

/** Every column but the date is text: Excel must not read a key, a name or a campaign as a number or a date. */
const TEXT_FIELDS: readonly HistoryField[] = HISTORY_FIELDS.filter((field) => field !== 'day');

/** How a history row's fields sit in the sheet's row: each field's column, and the row's width. */
interface RowShape {
  columns: Partial<Record<HistoryField, number>>;
  width: number;
}

const cellsOf = (row: HistoryRow, shape: RowShape): CellValue[] => {
  const cells = new Array<CellValue>(shape.width).fill(null);
  for (const field of HISTORY_FIELDS) {
    const column = shape.columns[field];
    if (column !== undefined) cells[column] = row[field];
  }
  return cells;
};

/** The workbook's history sheet, in its own columns; a new sheet's columns are HISTORY_FIELDS in order. */
const shapeOf = (history: ContactHistorySheet | null): RowShape => {
  if (!history)
    return {
      columns: Object.fromEntries(HISTORY_FIELDS.map((field, i) => [field, i])),
      width: HISTORY_FIELDS.length,
    };
  const columns = Object.values(history.columns).filter((column) => column !== undefined);
  return { columns: history.columns, width: Math.max(history.headers.length, ...columns.map((c) => c + 1)) };
};

const append = (
  history: ContactHistorySheet,
  rows: CellValue[][],
  tableName?: string,
): UpdateTableRequest => {
  const table = history.tableName ?? tableName;
  return {
    sheet: history.sheet,
    ...(table ? { tableName: table } : {}),
    cells: [],
    append: {
      column: (history.startColumn ?? 1) - 1,
      rows,
      textColumns: TEXT_FIELDS.flatMap((field) => history.columns[field] ?? []),
    },
  };
};

const create = (
  sheet: string,
  rows: CellValue[][],
  lang: Language,
  sheets: readonly SheetInfo[],
): WriteTableRequest => ({
  sheet,
  tableName: tableNameFor(
    sheet,
    sheets.flatMap((s) => s.tables),
  ),
  data: {
    headers: HISTORY_FIELDS.map((field) => HISTORY_HEADERS[lang][field]),
    rows,
    textColumns: TEXT_FIELDS.map((field) => HISTORY_FIELDS.indexOf(field)),
  },
});

/**
 * What a use adds to the contact history: its new rows at the end of the workbook's history (in its columns, in its
 * table, nothing else of the sheet written), or a new sheet when there is none (`emptySheet`: a sheet of that name
 * without content, taken as it is). Nothing when every row is there already.
 */
export const historyWrite = (
  history: ContactHistorySheet | null,
  use: ContactUse,
  lang: Language,
  sheets: readonly SheetInfo[],
  emptySheet?: string,
): HistoryWrite => {
  const shape = shapeOf(history);
  const rows = Array.from(newRows(history, use, lang), (row) => cellsOf(row, shape));
  const sheet = history?.sheet ?? emptySheet ?? HISTORY_SHEET[lang];
  if (rows.length === 0) return { kind: 'none', sheet, added: 0 };
  if (history) {
    const tableName = sheets.find((s) => s.name.toLowerCase() === sheet.toLowerCase())?.tables[0];
    return { kind: 'append', sheet, request: append(history, rows, tableName), added: rows.length };
  }
  return { kind: 'create', sheet, request: create(sheet, rows, lang, sheets), added: rows.length };
};
