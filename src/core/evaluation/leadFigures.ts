import type { StoredCampaign } from '../campaign/campaign';
import { customerKey } from '../read/customerKeys';
import {
  LEAD_STATUSES,
  readLeadsHeader,
  rowBelongsTo,
  statusOfLabel,
  textOf,
  type LeadStatus,
} from '../outputs/leadsSheet';
import type { SheetTable } from '../kernel/sheetTable';
import type { LeadFigures } from './model';

const emptyCounts = (): Record<LeadStatus, number> =>
  Object.fromEntries(LEAD_STATUSES.map((status) => [status, 0])) as Record<LeadStatus, number>;

/**
 * The campaign's leads by status, read like the leads merge reads the sheet (leadsSheet.ts). A blank status counts
 * as "new" (nobody has worked the lead yet); a status people typed themselves ("Angebot verschickt") counts under
 * otherStatus, so the total still matches the sheet. null without a readable Leads sheet (no Lead-ID or Status
 * column) or without leads of this campaign.
 */
export const leadFigures = (
  sheet: SheetTable | null | undefined,
  campaign: StoredCampaign,
): LeadFigures | null => {
  const header = sheet ? readLeadsHeader(sheet.rows) : null;
  const status = header?.columns.status;
  if (!sheet || !header || status === undefined) return null;
  const byStatus = emptyCounts();
  let otherStatus = 0;
  let total = 0;
  for (const row of sheet.rows.slice(header.index + 1)) {
    if (!rowBelongsTo(row, header.columns, campaign)) continue;
    total++;
    const label = textOf(row[status]);
    const known = label === '' ? 'new' : statusOfLabel(label);
    if (known) byStatus[known]++;
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
  const header = sheet ? readLeadsHeader(sheet.rows) : null;
  const { campaignId: idColumn, customerId: customer, status, note } = header?.columns ?? {};
  if (!sheet || !header || idColumn === undefined || customer === undefined) return [];
  return sheet.rows.slice(header.index + 1).flatMap((row) => {
    const label = status === undefined ? '' : textOf(row[status]);
    const hasNote = note !== undefined && textOf(row[note]) !== '';
    const worked = (label !== '' && statusOfLabel(label) !== 'new') || hasNote;
    const key = customerKey(textOf(row[customer]));
    const campaignId = textOf(row[idColumn]);
    return worked && key !== '' && campaignId !== '' ? [{ campaignId, customerKey: key }] : [];
  });
};
