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

const rowsOf = (use: ContactUse, lang: Language): { row: HistoryRow; identity: string }[] => {
  const type = campaignTypeLabel(use.campaign.type, lang);
  const members = [
    ...use.contacted.map((member) => ({ member, group: GROUP_LABELS[lang].contacted })),
    ...use.control.map((member) => ({ member, group: GROUP_LABELS[lang].control })),
  ];
  return use.channels.flatMap((channel) =>
    members.map(({ member, group }) => ({
      identity: `${channel}|${member.key}`,
      row: {
        day: dayToDate(use.day),
        campaign: use.campaign.name,
        type,
        channel: CHANNEL_LABELS[lang][channel],
        group,
        key: member.key,
        name: memberName(member.recipient),
        campaignId: use.campaign.id,
      },
    })),
  );
};

/** Rows of this use the history holds already: the same campaign, day, channel and person add nothing again. */
const recorded = (history: ContactHistorySheet | null, use: ContactUse): Set<string> =>
  new Set(
    (history?.entries ?? [])
      .filter((entry) => entry.day === use.day && entry.channel !== null && isOfCampaign(entry, use.campaign))
      .map((entry) => `${entry.channel}|${entry.key}`),
  );

/** Every column but the date is text: Excel must not read a key, a name or a campaign as a number or a date. */
const TEXT_FIELDS: readonly HistoryField[] = HISTORY_FIELDS.filter((field) => field !== 'day');

const append = (history: ContactHistorySheet, rows: HistoryRow[], tableName?: string): UpdateTableRequest => {
  const fields = HISTORY_FIELDS.filter((field) => history.columns[field] !== undefined);
  const width = Math.max(history.headers.length, ...fields.map((field) => history.columns[field]! + 1));
  const table = history.tableName ?? tableName;
  return {
    sheet: history.sheet,
    ...(table ? { tableName: table } : {}),
    cells: [],
    append: {
      column: (history.startColumn ?? 1) - 1,
      rows: rows.map((values) => {
        const cells: CellValue[] = new Array<CellValue>(width).fill(null);
        for (const field of fields) cells[history.columns[field]!] = values[field];
        return cells;
      }),
      textColumns: TEXT_FIELDS.flatMap((field) => history.columns[field] ?? []),
    },
  };
};

const create = (
  sheet: string,
  rows: HistoryRow[],
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
    rows: rows.map((values) => HISTORY_FIELDS.map((field) => values[field])),
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
  const known = recorded(history, use);
  const seen = new Set<string>();
  const rows = rowsOf(use, lang)
    .filter(({ identity }) => !known.has(identity) && !seen.has(identity) && seen.add(identity))
    .map(({ row }) => row);
  const sheet = history?.sheet ?? emptySheet ?? HISTORY_SHEET[lang];
  if (rows.length === 0) return { kind: 'none', sheet, added: 0 };
  if (history) {
    const tableName = sheets.find((s) => s.name.toLowerCase() === sheet.toLowerCase())?.tables[0];
    return { kind: 'append', sheet, request: append(history, rows, tableName), added: rows.length };
  }
  return { kind: 'create', sheet, request: create(sheet, rows, lang, sheets), added: rows.length };
};
