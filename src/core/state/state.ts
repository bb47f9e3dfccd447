import type { ContactLimit, StoredCampaign } from '../campaign/campaign';
import type { MappingOverrides } from '../kernel/model';

export const STATE_VERSION = 1;

/** What a sheet the add-in wrote is for. */
export const OUTPUT_ROLES = ['target', 'leads', 'overview', 'evaluation', 'typeEvaluation', 'csv'] as const;
export type OutputRole = (typeof OUTPUT_ROLES)[number];

/**
 * A sheet the add-in wrote, recorded by identity so that renaming it does not orphan it: the host's stable id (Excel's
 * worksheet id, the sheetId of an .xlsx file) and the Excel table on it (table names are unique in a workbook and
 * survive in every host). The name is the one it had when last seen.
 */
export interface OwnedSheet {
  role: OutputRole;
  name: string;
  id?: string;
  table?: string;
  /** The campaign of a target or CSV sheet. */
  campaignId?: string;
}

/**
 * What the add-in wrote into one campaign's leads: `rows` holds one fixed-width record per lead it created — the lead
 * id without "L-" and a fingerprint of each copied contact field as last written (see outputs/leadRecords.ts).
 * A lead in here that is missing from the sheet was deleted by someone and is not created again.
 */
export interface CampaignLeads {
  /** The campaign name as last written into the leads' campaign column. */
  campaignName: string;
  rows: string;
}

/** Everything the add-in keeps in the workbook; it survives save/reopen and co-authoring. */
export interface AddinState {
  version: typeof STATE_VERSION;
  campaigns: StoredCampaign[];
  /** Column mappings the user confirmed in the mapping dialog. */
  mapping?: MappingOverrides;
  /** Names of the sheets the add-in created; only these may ever be replaced or deleted. */
  ownedSheets: string[];
  /** The same sheets by identity and role; absent in states written before sheets were recorded by identity. */
  sheets?: OwnedSheet[];
  /** Per campaign id. */
  leads?: Record<string, CampaignLeads>;
  /** The workbook's contact limit, for every campaign without its own (CampaignDefinition.contactLimit). */
  contactLimit?: ContactLimit;
  /**
   * The salt of the hashes that keep forgotten people on the Sperrliste (group/forgotten.ts), made at the first
   * "forget"; every token carries its salt too, so a lost state loses no entry.
   */
  forgetSalt?: string;
}

export const emptyState = (): AddinState => ({ version: STATE_VERSION, campaigns: [], ownedSheets: [] });
