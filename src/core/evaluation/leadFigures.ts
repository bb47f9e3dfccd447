import type { StoredCampaign } from '../campaign/campaign';
import { normalizeHeader } from '../read/headers';
import { LEAD_HEADERS, LEAD_STATUS_LABELS, LEAD_STATUSES, type LeadStatus } from '../outputs/leads';
import type { CellValue, SheetTable } from '../kernel/sheetTable';
import { customerKey } from '../read/customerKeys';
import type { LeadFigures } from './model';

/** As in the leads merge: titles may stand above the header row. */
const HEADER_SEARCH_ROWS = 10;

const bothLanguages = <T>(pick: (lang: 'de' | 'en') => T): T[] => [pick('de'), pick('en')];

const headerNames = (
  field: 'campaignId' | 'campaign' | 'status' | 'customerId' | 'note',
): ReadonlySet<string> => new Set(bothLanguages((lang) => normalizeHeader(LEAD_HEADERS[lang][field])));

const CAMPAIGN_ID_HEADERS = headerNames('campaignId');
const CAMPAIGN_HEADERS = headerNames('campaign');
const STATUS_HEADERS = headerNames('status');
const CUSTOMER_HEADERS = headerNames('customerId');
const NOTE_HEADERS = headerNames('note');

/** The add-in writes its status labels in the sheet's language; people may have switched language or case since. */
const STATUS_BY_LABEL: ReadonlyMap<string, LeadStatus> = new Map(
  LEAD_STATUSES.flatMap((status) =>
    bothLanguages((lang): [string, LeadStatus] => [
      normalizeHeader(LEAD_STATUS_LABELS[lang][status]),
      status,
    ]),
  ),
);

const textOf = (cell: CellValue | undefined): string =>
  cell === null || cell === undefined || cell instanceof Date ? '' : String(cell).trim();

interface LeadColumns {
  headerIndex: number;
  campaignId: number;
  campaign: number;
  status: number;
}

const columnIn = (row: CellValue[], names: ReadonlySet<string>): number =>
  row.findIndex((cell) => names.has(normalizeHeader(textOf(cell))));

const findColumns = (rows: CellValue[][]): LeadColumns | null => {
  for (let i = 0; i < Math.min(rows.length, HEADER_SEARCH_ROWS); i++) {
    const campaignId = columnIn(rows[i], CAMPAIGN_ID_HEADERS);
    const status = columnIn(rows[i], STATUS_HEADERS);
    if (campaignId >= 0 && status >= 0) {
      return { headerIndex: i, campaignId, status, campaign: columnIn(rows[i], CAMPAIGN_HEADERS) };
    }
  }
  return null;
};

/** By campaign id; by name only for a row whose id cell people emptied (the merge matches the same way). */
const belongsTo = (row: CellValue[], columns: LeadColumns, campaign: StoredCampaign): boolean => {
  const id = textOf(row[columns.campaignId]);
  if (id !== '') return id === campaign.id;
  return columns.campaign >= 0 && textOf(row[columns.campaign]) === campaign.name;
};

const emptyCounts = (): Record<LeadStatus, number> =>
  Object.fromEntries(LEAD_STATUSES.map((status) => [status, 0])) as Record<LeadStatus, number>;

/**
 * The campaign's leads by status. A blank status counts as "new" (nobody has worked the lead yet); a status people
 * typed themselves ("Angebot verschickt") counts under otherStatus, so the total still matches the sheet.
 * null without a readable Leads sheet or without leads of this campaign.
 */
export const leadFigures = (
  sheet: SheetTable | null | undefined,
  campaign: StoredCampaign,
): LeadFigures | null => {
  const columns = sheet ? findColumns(sheet.rows) : null;
  if (!sheet || !columns) return null;
  const byStatus = emptyCounts();
  let otherStatus = 0;
  let total = 0;
  for (const row of sheet.rows.slice(columns.headerIndex + 1)) {
    if (!belongsTo(row, columns, campaign)) continue;
    total++;
    const label = normalizeHeader(textOf(row[columns.status]));
    const status = label === '' ? 'new' : STATUS_BY_LABEL.get(label);
    if (status) byStatus[status]++;
    else otherStatus++;
  }
  return total === 0 ? null : { total, byStatus, otherStatus, wonShare: byStatus.won / total };
};

/** A lead sales has worked on: its status is past "new", or someone wrote a note. */
export interface WorkedLead {
  campaignId: string;
  customerKey: string;
}

/** The Leads sheet's worked leads that name a customer: who sales has been in touch with, for which campaign. */
export const workedLeads = (sheet: SheetTable | null | undefined): WorkedLead[] => {
  const columns = sheet ? findColumns(sheet.rows) : null;
  if (!sheet || !columns) return [];
  const header = sheet.rows[columns.headerIndex];
  const customer = columnIn(header, CUSTOMER_HEADERS);
  const note = columnIn(header, NOTE_HEADERS);
  if (customer < 0) return [];
  return sheet.rows.slice(columns.headerIndex + 1).flatMap((row) => {
    const label = normalizeHeader(textOf(row[columns.status]));
    const worked = (label !== '' && STATUS_BY_LABEL.get(label) !== 'new') || textOf(row[note]) !== '';
    const key = customerKey(textOf(row[customer]));
    const campaignId = textOf(row[columns.campaignId]);
    return worked && key !== '' && campaignId !== '' ? [{ campaignId, customerKey: key }] : [];
  });
};
