import type { StoredCampaign } from '../campaign/campaign';
import type { MappingOverrides } from '../kernel/model';

export const STATE_VERSION = 1;

/** Everything the add-in keeps in the workbook; it survives save/reopen and co-authoring. */
export interface AddinState {
  version: typeof STATE_VERSION;
  campaigns: StoredCampaign[];
  /** Column mappings the user confirmed in the mapping dialog. */
  mapping?: MappingOverrides;
  /** Sheets the add-in created; only these may ever be replaced or deleted. */
  ownedSheets: string[];
}

export const emptyState = (): AddinState => ({ version: STATE_VERSION, campaigns: [], ownedSheets: [] });
