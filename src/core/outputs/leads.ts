import type { Language } from '../kernel/language';
import type { Problem } from '../kernel/problems';
import { problem } from '../kernel/problems';
import type { CellValue, SheetTable, TableData } from '../kernel/sheetTable';
import { transliterate } from '../workbook/sheetNames';
import { stableId } from '../kernel/stableHash';
import type { Member } from '../group/targetGroupModel';

/**
 * The fields the merge keeps current from the campaign and its members. Everything else on a lead (status, owner,
 * follow-up, note, created, every column people added) belongs to the people working the leads.
 */
const CONTACT_FIELDS = [
  'campaign',
  'campaignId',
  'firstName',
  'lastName',
  'company',
  'email',
  'phone',
  'customerId',
] as const;

/** The Leads sheet's columns in order: the lead's id, the fields the merge keeps current, then the people's. */
export const LEAD_FIELDS = [
  'leadId',
  ...CONTACT_FIELDS,
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

type ContactField = (typeof CONTACT_FIELDS)[number];

/** Dates are not text: a text-formatted column would turn dates people type into text. */
const DATE_FIELDS: ReadonlySet<LeadField> = new Set(['followUp', 'created', 'updated']);

const normalizeHeader = (text: string): string =>
  transliterate(text)
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');

/** The add-in's own headers in either language: they win over the variants below. */
const LABELS: ReadonlyMap<string, LeadField> = new Map(
  (['de', 'en'] as const).flatMap((lang) =>
    LEAD_FIELDS.map((field): [string, LeadField] => [normalizeHeader(LEAD_HEADERS[lang][field]), field]),
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

const isLeadIdHeader = (text: string): boolean => {
  const key = normalizeHeader(text);
  return (LABELS.get(key) ?? VARIANTS.get(key)) === 'leadId';
};

/** How many rows from the top may hold titles before the header row. */
const HEADER_SEARCH_ROWS = 10;

export interface LeadsMergeResult {
  table: TableData;
  /** New leads appended for members that had none. */
  created: number;
  /** Existing leads whose contact details changed. */
  updated: number;
  unchanged: number;
  /** Leads of this campaign whose person is no longer in the target group; kept as they are. */
  notInGroup: number;
  /** An 'error' problem means the existing sheet could not be understood: do not write the table. */
  problems: Problem[];
}

/** Lead ids derive from the campaign id (stable across renames) and the member's identity key. */
export const leadIdFor = (campaignId: string, memberKey: string): string =>
  `L-${stableId(`${campaignId}\u0000${memberKey}`)}`;

const textOf = (cell: CellValue | undefined): string => {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'string') return cell.trim();
  if (cell instanceof Date) return cell.toISOString();
  return String(cell);
};

/** Printable ASCII: neither whitespace that trim() would remove nor a control character. */
const isPrintableAscii = (code: number): boolean => code > 0x20 && code < 0x7f;

/**
 * Numbers, booleans and dates are never blank; only their text would be built to find that out. A string starting
 * with a printable ASCII character is not blank either, without trimming it.
 */
const isBlankCell = (cell: CellValue | undefined): boolean =>
  cell === null ||
  cell === undefined ||
  (typeof cell === 'string' && !isPrintableAscii(cell.charCodeAt(0)) && cell.trim() === '');

const isBlankRow = (row: readonly CellValue[]): boolean => row.every(isBlankCell);

interface Layout {
  /** Index of the header row in the existing sheet's rows. */
  headerIndex: number;
  /** Source column (in the existing sheet) of each output column; -1 for a standard column the sheet lacked. */
  sourceColumns: number[];
  headers: string[];
  columns: Record<LeadField, number>;
  language: Language;
}

const findHeaderIndex = (rows: CellValue[][]): number =>
  rows.slice(0, HEADER_SEARCH_ROWS).findIndex((row) => row.some((cell) => isLeadIdHeader(textOf(cell))));

const sheetLanguage = (headers: string[], fallback: Language): Language => {
  const count = (lang: Language): number =>
    headers.filter((header) => LEAD_FIELDS.some((field) => LEAD_HEADERS[lang][field] === header)).length;
  const [de, en] = [count('de'), count('en')];
  return de === en ? fallback : de > en ? 'de' : 'en';
};

/** Excel tables need unique, non-blank headers; Excel itself would invent "Spalte1" for a blank one. */
const tableHeaders = (headers: string[], lang: Language): string[] => {
  const used = new Set<string>();
  return headers.map((header, i) => {
    const base = header === '' ? `${lang === 'de' ? 'Spalte' : 'Column'}${i + 1}` : header;
    let candidate = base;
    for (let n = 2; used.has(candidate.toLowerCase()); n++) candidate = `${base} (${n})`;
    used.add(candidate.toLowerCase());
    return candidate;
  });
};

/**
 * Which column holds which standard field: exact headers first, then variants, first column wins. A column people
 * added ("Name" next to "Nachname") is never mistaken for a standard one the sheet already has.
 */
const standardColumns = (headers: string[]): Partial<Record<LeadField, number>> => {
  const columns: Partial<Record<LeadField, number>> = {};
  for (const names of [LABELS, VARIANTS]) {
    headers.forEach((header, i) => {
      const field = names.get(normalizeHeader(header));
      const taken = Object.values(columns).includes(i);
      if (field !== undefined && columns[field] === undefined && !taken) columns[field] = i;
    });
  }
  return columns;
};

const layoutOf = (rows: CellValue[][], headerIndex: number, fallback: Language): Layout => {
  const width = rows.reduce((max, row) => Math.max(max, row.length), 0);
  const headerRow = rows[headerIndex];
  const dataRows = rows.slice(headerIndex + 1);
  const sourceColumns: number[] = [];
  const headers: string[] = [];
  for (let i = 0; i < width; i++) {
    const header = textOf(headerRow[i]);
    if (header === '' && dataRows.every((row) => isBlankCell(row[i]))) continue;
    sourceColumns.push(i);
    headers.push(header);
  }
  const columns = standardColumns(headers);
  const language = sheetLanguage(headers, fallback);
  for (const field of LEAD_FIELDS) {
    if (columns[field] !== undefined) continue;
    columns[field] = headers.length;
    sourceColumns.push(-1);
    headers.push(LEAD_HEADERS[language][field]);
  }
  return {
    headerIndex,
    sourceColumns,
    headers: tableHeaders(headers, language),
    columns: columns as Record<LeadField, number>,
    language,
  };
};

const freshLayout = (lang: Language): Layout => ({
  headerIndex: -1,
  sourceColumns: LEAD_FIELDS.map(() => -1),
  headers: LEAD_FIELDS.map((field) => LEAD_HEADERS[lang][field]),
  columns: Object.fromEntries(LEAD_FIELDS.map((field, i) => [field, i])) as Record<LeadField, number>,
  language: lang,
});

const contactValue = (
  field: ContactField,
  member: Member,
  campaign: { id: string; name: string },
): string => {
  const person = member.recipient;
  switch (field) {
    case 'campaign':
      return campaign.name;
    case 'campaignId':
      return campaign.id;
    case 'firstName':
      return person.firstName;
    case 'lastName':
      return person.lastName;
    case 'company':
      return person.company;
    case 'email':
      return person.email;
    case 'phone':
      return person.phone || person.mobile;
    case 'customerId':
      return person.customerId;
  }
};

/** textOf(cell) === text, without trimming a cell that already holds exactly the (untrimmable) text. */
const holdsText = (cell: CellValue | undefined, text: string): boolean =>
  (cell === text &&
    isPrintableAscii(text.charCodeAt(0)) &&
    isPrintableAscii(text.charCodeAt(text.length - 1))) ||
  textOf(cell) === text;

/** Updates the contact details in place; an empty source value never erases what people entered. */
const refreshContactDetails = (
  row: CellValue[],
  layout: Layout,
  member: Member,
  campaign: { id: string; name: string },
  now: Date,
): boolean => {
  let changed = false;
  for (const field of CONTACT_FIELDS) {
    const value = contactValue(field, member, campaign);
    const column = layout.columns[field];
    if (value === '' || holdsText(row[column], value)) continue;
    row[column] = value;
    changed = true;
  }
  if (changed) row[layout.columns.updated] = now;
  return changed;
};

const newLeadRow = (
  leadId: string,
  layout: Layout,
  member: Member,
  campaign: { id: string; name: string },
  now: Date,
): CellValue[] => {
  const row: CellValue[] = layout.headers.map(() => null);
  for (const field of CONTACT_FIELDS) row[layout.columns[field]] = contactValue(field, member, campaign);
  row[layout.columns.leadId] = leadId;
  row[layout.columns.status] = LEAD_STATUS_LABELS[layout.language].new;
  row[layout.columns.created] = now;
  row[layout.columns.updated] = now;
  return row;
};

/** Standard text fields, plus every user column that holds only text (so "+49 …" or "-" never turns into a formula). */
const textColumnsOf = (layout: Layout, rows: CellValue[][]): number[] => {
  const standard = new Set(Object.values(layout.columns));
  const isTextColumn = (i: number): boolean => {
    const values = rows.map((row) => row[i]).filter((cell) => !isBlankCell(cell));
    return values.length > 0 && values.every((cell) => typeof cell === 'string');
  };
  return layout.headers
    .map((_, i) => i)
    .filter((i) =>
      standard.has(i)
        ? !LEAD_FIELDS.some((field) => DATE_FIELDS.has(field) && layout.columns[field] === i)
        : isTextColumn(i),
    );
};

const unreadableSheet = (existing: SheetTable): LeadsMergeResult => {
  const [first = [], ...rest] = existing.rows;
  return {
    table: { headers: first.map(textOf), rows: rest, textColumns: [] },
    created: 0,
    updated: 0,
    unchanged: 0,
    notInGroup: 0,
    problems: [
      problem('headerNotFound', 'error', {
        sheet: existing.name,
        column: LEAD_HEADERS.de.leadId,
        detail: `no "${LEAD_HEADERS.de.leadId}" / "${LEAD_HEADERS.en.leadId}" header in the first ${HEADER_SEARCH_ROWS} rows`,
      }),
    ],
  };
};

/** By campaign id; by name only for a row whose id cell people emptied. */
const belongsTo = (row: CellValue[], layout: Layout, campaign: { id: string; name: string }): boolean => {
  const campaignId = textOf(row[layout.columns.campaignId]);
  return campaignId === ''
    ? textOf(row[layout.columns.campaign]) === campaign.name
    : campaignId === campaign.id;
};

const parseNow = (now: string): Date => {
  const date = new Date(now);
  if (Number.isNaN(date.getTime())) throw new RangeError(`mergeLeads: invalid timestamp ${now}`);
  return date;
};

/**
 * Merges a campaign's members into the Leads sheet, which people edit: one lead per member per campaign, found again
 * by its Lead-ID wherever people moved or sorted it. Contact details are kept current; nothing people own is touched,
 * nothing is deleted or duplicated, other campaigns' leads and people's own rows stay as and where they are.
 * Linear in rows + members.
 */
export const mergeLeads = (
  existing: SheetTable | null,
  campaign: { id: string; name: string },
  members: Member[],
  now: string,
  lang: Language,
): LeadsMergeResult => {
  const timestamp = parseNow(now);
  const sourceRows = existing?.rows ?? [];
  const hasContent = sourceRows.some((row) => !isBlankRow(row));
  const headerIndex = hasContent ? findHeaderIndex(sourceRows) : -1;
  if (existing && hasContent && headerIndex < 0) return unreadableSheet(existing);
  const layout = hasContent ? layoutOf(sourceRows, headerIndex, lang) : freshLayout(lang);

  // Lead id → position in members (the last member with that id, as a Map built from pairs would keep).
  const memberAt = new Map<string, number>();
  members.forEach((member, i) => memberAt.set(leadIdFor(campaign.id, member.key), i));
  const found = new Uint8Array(members.length);
  const counts = { created: 0, updated: 0, unchanged: 0, notInGroup: 0 };
  const problems: Problem[] = [];
  const rows: CellValue[][] = [];
  const firstSheetRow = existing?.startRow ?? 1;

  for (let r = layout.headerIndex + 1; r < sourceRows.length; r++) {
    const sourceRow = sourceRows[r];
    if (isBlankRow(sourceRow)) continue;
    const row = layout.sourceColumns.map((source) => (source < 0 ? null : (sourceRow[source] ?? null)));
    rows.push(row);
    const leadId = textOf(row[layout.columns.leadId]);
    const at = memberAt.get(leadId);
    if (at !== undefined && found[at] === 1) {
      problems.push(
        problem('duplicateId', 'warning', {
          sheet: existing?.name,
          row: firstSheetRow + r,
          column: layout.headers[layout.columns.leadId],
          value: leadId,
        }),
      );
    } else if (at !== undefined) {
      found[at] = 1;
      const changed = refreshContactDetails(row, layout, members[at], campaign, timestamp);
      counts[changed ? 'updated' : 'unchanged']++;
    } else if (leadId !== '' && belongsTo(row, layout, campaign)) {
      counts.notInGroup++;
    }
  }

  for (const [leadId, at] of memberAt) {
    if (found[at] === 1) continue;
    rows.push(newLeadRow(leadId, layout, members[at], campaign, timestamp));
    counts.created++;
  }

  return {
    table: { headers: layout.headers, rows, textColumns: textColumnsOf(layout, rows) },
    ...counts,
    problems,
  };
};
