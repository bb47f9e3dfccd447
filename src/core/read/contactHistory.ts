import type { Labels } from '../kernel/labels';
import {
  HISTORY_FIELDS,
  type ContactChannel,
  type ContactEntry,
  type ContactHistorySheet,
  type HistoryField,
} from '../kernel/model';
import { problem, type Problem } from '../kernel/problems';
import type { CellValue, SheetTable } from '../kernel/sheetTable';
import { cellText, parseDay } from '../kernel/values';
import { HISTORY_SHEET } from '../workbook/sheetNames';
import { headerTexts, normalizeHeader } from './headers';

/**
 * The contact history (Kontakthistorie) as people keep it after the add-in started it: they may rename its headers,
 * add columns and rows, leave blank rows, type dates as text and delete rows. Columns are found by their header in
 * either language; a header renamed beyond recognition keeps its place.
 */
export const HISTORY_HEADERS: Labels<HistoryField> = {
  de: {
    day: 'Datum',
    campaign: 'Kampagne',
    type: 'Typ',
    channel: 'Kanal',
    group: 'Gruppe',
    key: 'Personenschlüssel',
    name: 'Name',
    campaignId: 'Kampagnen-ID',
  },
  en: {
    day: 'Date',
    campaign: 'Campaign',
    type: 'Type',
    channel: 'Channel',
    group: 'Group',
    key: 'Person key',
    name: 'Name',
    campaignId: 'Campaign ID',
  },
};

const SYNONYMS: Record<HistoryField, readonly string[]> = {
  day: ['Kontaktdatum', 'Kontakt am', 'Kontaktiert am', 'Contact date', 'Contacted on', 'Tag', 'Day'],
  campaign: ['Kampagnenname', 'Aktion', 'Campaign name'],
  type: ['Kampagnentyp', 'Art', 'Campaign type'],
  channel: ['Weg', 'Kontaktweg', 'Via'],
  group: ['Zielgruppe', 'Kontaktiert', 'Kontrollgruppe'],
  key: ['Schlüssel', 'Personen-Schlüssel', 'Key', 'Member key'],
  name: ['Empfänger', 'Person', 'Recipient', 'Kontakt'],
  campaignId: ['Kampagnen-Nr.', 'Kampagnen ID', 'Campaign no.'],
};

export const CHANNEL_LABELS: Labels<ContactChannel> = {
  de: { csv: 'CSV-Export', targetSheet: 'Zielgruppenblatt', leads: 'Leads' },
  en: { csv: 'CSV export', targetSheet: 'Target sheet', leads: 'Leads' },
};

export const GROUP_LABELS: Labels<'contacted' | 'control'> = {
  de: { contacted: 'kontaktiert', control: 'Kontrollgruppe' },
  en: { contacted: 'contacted', control: 'control group' },
};

const normalisedLabels = <K extends string>(
  labels: Labels<K>,
  extra: Partial<Record<K, readonly string[]>> = {},
) => {
  const byText = new Map<string, K>();
  for (const byValue of Object.values<Record<K, string>>(labels))
    for (const [value, label] of Object.entries<string>(byValue))
      byText.set(normalizeHeader(label), value as K);
  for (const [value, texts] of Object.entries<readonly string[] | undefined>(extra))
    for (const text of texts ?? []) byText.set(normalizeHeader(text), value as K);
  return byText;
};

const FIELD_BY_HEADER = normalisedLabels(HISTORY_HEADERS, SYNONYMS);
const CHANNEL_BY_TEXT = normalisedLabels(CHANNEL_LABELS, { csv: ['CSV'], targetSheet: ['Zielgruppe'] });
const CONTROL_TEXTS = new Set(
  [...Object.values(GROUP_LABELS).map((labels) => labels.control), 'Kontrolle', 'control', 'Kontrollgr.'].map(
    normalizeHeader,
  ),
);

const HEADER_SCAN_ROWS = 10;
/** A header row names at least this many of the history's columns (a user's own header row above it does not). */
const MIN_RECOGNISED = 3;

export const isHistorySheetName = (name: string): boolean =>
  Object.values(HISTORY_SHEET).some((known) => known.toLowerCase() === name.trim().toLowerCase());

const recognise = (headers: readonly string[]): Partial<Record<HistoryField, number>> => {
  const columns: Partial<Record<HistoryField, number>> = {};
  headers.forEach((header, index) => {
    const field = FIELD_BY_HEADER.get(normalizeHeader(header));
    if (field !== undefined && columns[field] === undefined) columns[field] = index;
  });
  return columns;
};

/**
 * A field whose header was renamed beyond recognition is taken from its place in the layout the add-in wrote. Not the
 * campaign id, the last one: that place is where people add a column of their own ("Notiz").
 */
const withPlaces = (
  headers: readonly string[],
  found: Partial<Record<HistoryField, number>>,
): Partial<Record<HistoryField, number>> => {
  const taken = new Set(Object.values(found));
  const columns = { ...found };
  HISTORY_FIELDS.forEach((field, place) => {
    if (field === 'campaignId' || columns[field] !== undefined || place >= headers.length || taken.has(place))
      return;
    if (FIELD_BY_HEADER.has(normalizeHeader(headers[place]))) return;
    columns[field] = place;
    taken.add(place);
  });
  return columns;
};

const textAt = (cells: readonly CellValue[], column: number | undefined): string =>
  column === undefined ? '' : cellText(cells[column] ?? null);

export interface HistoryReading {
  history: ContactHistorySheet;
  /** Rows with a person but no readable date: they count for nothing, and the user is told where they are. */
  problems: Problem[];
}

const readRows = (table: SheetTable, headerIndex: number, columns: Partial<Record<HistoryField, number>>) => {
  const startRow = table.startRow ?? 1;
  const entries: ContactEntry[] = [];
  const problems: Problem[] = [];
  for (let i = headerIndex + 1; i < table.rows.length; i++) {
    const cells = table.rows[i];
    const key = textAt(cells, columns.key);
    if (key === '') continue;
    const row = startRow + i;
    const dayCell = columns.day === undefined ? null : (cells[columns.day] ?? null);
    const { day } = parseDay(dayCell, table.dateSystem ?? 1900);
    if (day === null) {
      const header =
        columns.day === undefined ? undefined : headerTexts(table.rows[headerIndex])[columns.day];
      problems.push(
        problem('invalidDate', 'warning', {
          sheet: table.name,
          row,
          column: header,
          value: cellText(dayCell),
        }),
      );
      continue;
    }
    const channelText = textAt(cells, columns.channel);
    entries.push({
      sheet: table.name,
      row,
      day,
      campaign: textAt(cells, columns.campaign),
      campaignId: textAt(cells, columns.campaignId),
      type: textAt(cells, columns.type),
      channel: CHANNEL_BY_TEXT.get(normalizeHeader(channelText)) ?? null,
      control: CONTROL_TEXTS.has(normalizeHeader(textAt(cells, columns.group))),
      key,
      name: textAt(cells, columns.name),
    });
  }
  return { entries, problems };
};

/** The workbook's contact history, found by its name in either language; null when it has none or no header row. */
export const readContactHistory = (tables: readonly SheetTable[]): HistoryReading | null => {
  const table = tables.find((t) => isHistorySheetName(t.name));
  if (!table) return null;
  for (let i = 0; i < Math.min(table.rows.length, HEADER_SCAN_ROWS); i++) {
    const headers = headerTexts(table.rows[i], false);
    const found = recognise(headers);
    if (Object.keys(found).length < MIN_RECOGNISED) continue;
    const columns = withPlaces(headers, found);
    const { entries, problems } = readRows(table, i, columns);
    const headerRow = (table.startRow ?? 1) + i;
    const tableName = table.tables?.find((t) => t.hasHeaderRow && t.area.top === headerRow)?.name;
    const history: ContactHistorySheet = {
      sheet: table.name,
      headerRow,
      headers,
      columns,
      ...(table.startColumn ? { startColumn: table.startColumn } : {}),
      ...(tableName ? { tableName } : {}),
      entries,
    };
    return { history, problems };
  }
  return null;
};
