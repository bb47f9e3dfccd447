import type { Language } from '../kernel/language';
import type { CellValue } from '../kernel/sheetTable';
import { transliterate } from '../workbook/sheetNames';

/**
 * The Leads sheet as people keep it: its columns in either language, the header variants people type, where the
 * header row is and which rows belong to a campaign. The one reading of the sheet that the leads merge and the
 * evaluation share, so that both count the same leads.
 */

export const LEAD_FIELDS = [
  'leadId',
  'campaign',
  'campaignId',
  'firstName',
  'lastName',
  'company',
  'email',
  'phone',
  'customerId',
  'status',
  'owner',
  'followUp',
  'note',
  'created',
  'updated',
] as const;
export type LeadField = (typeof LEAD_FIELDS)[number];

export const LEAD_STATUSES = ['new', 'contacted', 'qualified', 'won', 'lost'] as const;
export type LeadStatus = (typeof LEAD_STATUSES)[number];

export const LEAD_STATUS_LABELS: Record<Language, Record<LeadStatus, string>> = {
  de: { new: 'Neu', contacted: 'Kontaktiert', qualified: 'Qualifiziert', won: 'Gewonnen', lost: 'Verloren' },
  en: { new: 'New', contacted: 'Contacted', qualified: 'Qualified', won: 'Won', lost: 'Lost' },
};

export const LEAD_HEADERS: Record<Language, Record<LeadField, string>> = {
  de: {
    leadId: 'Lead-ID',
    campaign: 'Kampagne',
    campaignId: 'KampagnenID',
    firstName: 'Vorname',
    lastName: 'Nachname',
    company: 'Firma',
    email: 'EMail',
    phone: 'Telefon',
    customerId: 'KundenNr',
    status: 'Status',
    owner: 'Zuständig',
    followUp: 'Wiedervorlage',
    note: 'Notiz',
    created: 'Erstellt',
    updated: 'Aktualisiert',
  },
  en: {
    leadId: 'Lead ID',
    campaign: 'Campaign',
    campaignId: 'Campaign ID',
    firstName: 'First name',
    lastName: 'Last name',
    company: 'Company',
    email: 'Email',
    phone: 'Phone',
    customerId: 'Customer no.',
    status: 'Status',
    owner: 'Owner',
    followUp: 'Follow-up',
    note: 'Note',
    created: 'Created',
    updated: 'Updated',
  },
};

/** How many rows from the top may hold titles before the header row. */
export const HEADER_SEARCH_ROWS = 10;

export const normalizeLabel = (text: string): string =>
  transliterate(text)
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');

/** The add-in's own headers in either language: they win over the variants below. */
const LABELS: ReadonlyMap<string, LeadField> = new Map(
  (['de', 'en'] as const).flatMap((lang) =>
    LEAD_FIELDS.map((field): [string, LeadField] => [normalizeLabel(LEAD_HEADERS[lang][field]), field]),
  ),
);

/** Headers people may have typed instead; used only for fields no header names exactly. */
const VARIANTS: ReadonlyMap<string, LeadField> = new Map(
  Object.entries({
    leadnr: 'leadId',
    kampagnenname: 'campaign',
    campaignname: 'campaign',
    unternehmen: 'company',
    mail: 'email',
    emailadresse: 'email',
    telefonnummer: 'phone',
    kundennummer: 'customerId',
    customerid: 'customerId',
    customernumber: 'customerId',
    verantwortlich: 'owner',
    assignedto: 'owner',
    followupdate: 'followUp',
    notizen: 'note',
    bemerkung: 'note',
    notes: 'note',
    createdat: 'created',
    updatedat: 'updated',
    geaendert: 'updated',
  } satisfies Record<string, LeadField>),
);

/** The add-in writes its status labels in the sheet's language; people may have switched language or case since. */
const STATUS_BY_LABEL: ReadonlyMap<string, LeadStatus> = new Map(
  LEAD_STATUSES.flatMap((status) =>
    (['de', 'en'] as const).map((lang): [string, LeadStatus] => [
      normalizeLabel(LEAD_STATUS_LABELS[lang][status]),
      status,
    ]),
  ),
);

/** A status label in either language and any case; undefined for a status people typed themselves. */
export const statusOfLabel = (label: string): LeadStatus | undefined =>
  STATUS_BY_LABEL.get(normalizeLabel(label));

export const textOf = (cell: CellValue | undefined): string => {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'string') return cell.trim();
  if (cell instanceof Date) return cell.toISOString();
  return String(cell);
};

/** Printable ASCII: neither whitespace that trim() would remove nor a control character. */
export const isPrintableAscii = (code: number): boolean => code > 0x20 && code < 0x7f;

/**
 * Numbers, booleans and dates are never blank; only their text would be built to find that out. A string starting
 * with a printable ASCII character is not blank either, without trimming it.
 */
export const isBlankCell = (cell: CellValue | undefined): boolean =>
  cell === null ||
  cell === undefined ||
  (typeof cell === 'string' && !isPrintableAscii(cell.charCodeAt(0)) && cell.trim() === '');

export const isBlankRow = (row: readonly CellValue[]): boolean => row.every(isBlankCell);

const isLeadIdHeader = (text: string): boolean => {
  const key = normalizeLabel(text);
  return (LABELS.get(key) ?? VARIANTS.get(key)) === 'leadId';
};

/** Index of the header row in the sheet's rows: the first row with a Lead-ID header; -1 without one. */
export const findLeadsHeader = (rows: readonly CellValue[][]): number =>
  rows.slice(0, HEADER_SEARCH_ROWS).findIndex((row) => row.some((cell) => isLeadIdHeader(textOf(cell))));

/**
 * Which column holds which standard field: exact headers first, then variants, first column wins. A column people
 * added ("Name" next to "Nachname") is never mistaken for a standard one the sheet already has.
 */
export const leadColumns = (headers: readonly string[]): Partial<Record<LeadField, number>> => {
  const columns: Partial<Record<LeadField, number>> = {};
  for (const names of [LABELS, VARIANTS]) {
    headers.forEach((header, i) => {
      const field = names.get(normalizeLabel(header));
      const taken = Object.values(columns).includes(i);
      if (field !== undefined && columns[field] === undefined && !taken) columns[field] = i;
    });
  }
  return columns;
};

/** The language most of the add-in's own headers are in; `fallback` on a tie. */
export const sheetLanguage = (headers: readonly string[], fallback: Language): Language => {
  const count = (lang: Language): number =>
    headers.filter((header) => LEAD_FIELDS.some((field) => LEAD_HEADERS[lang][field] === header)).length;
  const [de, en] = [count('de'), count('en')];
  return de === en ? fallback : de > en ? 'de' : 'en';
};

export interface LeadsHeader {
  /** Index of the header row in the rows read. */
  index: number;
  headers: string[];
  columns: Partial<Record<LeadField, number>>;
}

/** The header row and its standard columns, or null for a sheet without a Lead-ID header in its first rows. */
export const readLeadsHeader = (rows: readonly CellValue[][]): LeadsHeader | null => {
  const index = findLeadsHeader(rows);
  if (index < 0) return null;
  const headers = rows[index].map(textOf);
  return { index, headers, columns: leadColumns(headers) };
};

/** By campaign id; by name only for a row whose id cell people emptied. */
export const rowBelongsTo = (
  row: readonly CellValue[],
  columns: Partial<Record<LeadField, number>>,
  campaign: { id: string; name: string },
): boolean => {
  const id = columns.campaignId === undefined ? '' : textOf(row[columns.campaignId]);
  if (id !== '') return id === campaign.id;
  return columns.campaign !== undefined && textOf(row[columns.campaign]) === campaign.name;
};
