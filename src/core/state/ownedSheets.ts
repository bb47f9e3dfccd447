import type { SheetInfo } from '../workbook/workbookPort';
import { EVALUATION_SHEET, LEADS_SHEET, OVERVIEW_SHEET, TYPE_EVALUATION_SHEET } from '../workbook/sheetNames';
import type { AddinState, OutputRole, OwnedSheet } from './state';

/**
 * The add-in's sheets by identity: a sheet is found by the host's id, else by the Excel table on it, else (for a state
 * written before ids were recorded, or by another host) by its name. Renaming a sheet never orphans it.
 */

const same = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();

/**
 * The live sheet an owned sheet is now, or undefined if it is gone. An id is only believed with the table recorded
 * on that sheet (or, for a sheet without a table, its name): a program that saves the file again may renumber the
 * sheets, and the add-in must never take a user's sheet for its own.
 */
export const locateSheet = (owned: OwnedSheet, sheets: readonly SheetInfo[]): SheetInfo | undefined => {
  const confirms = (sheet: SheetInfo): boolean =>
    owned.table !== undefined
      ? sheet.tables.some((table) => same(table, owned.table!))
      : same(sheet.name, owned.name);
  const byId = owned.id === undefined ? undefined : sheets.find((sheet) => sheet.id === owned.id);
  if (byId && confirms(byId)) return byId;
  if (owned.table !== undefined) {
    const byTable = sheets.find((sheet) => sheet.tables.some((table) => same(table, owned.table!)));
    if (byTable) return byTable;
  }
  return sheets.find((sheet) => same(sheet.name, owned.name));
};

const variantOf = (bases: readonly string[]) => (name: string) =>
  bases.some((base) => new RegExp(`^${base}( \\(\\d+\\))?$`, 'i').test(name));

const LEGACY_ROLES: [OutputRole, (name: string) => boolean][] = [
  ['leads', variantOf([LEADS_SHEET])],
  ['overview', variantOf(Object.values(OVERVIEW_SHEET))],
  ['evaluation', variantOf(Object.values(EVALUATION_SHEET))],
  ['typeEvaluation', variantOf(Object.values(TYPE_EVALUATION_SHEET))],
];

/** A state from before identities: roles from the campaigns' target sheets and from the names the add-in gave. */
const legacySheets = (state: AddinState): OwnedSheet[] => {
  const sheets: OwnedSheet[] = state.campaigns.flatMap((campaign) =>
    campaign.targetSheet
      ? [{ role: 'target' as const, name: campaign.targetSheet, campaignId: campaign.id }]
      : [],
  );
  const taken = (name: string) => sheets.some((sheet) => same(sheet.name, name));
  for (const [role, matches] of LEGACY_ROLES) {
    const name = state.ownedSheets.find((owned) => matches(owned) && !taken(owned));
    if (name) sheets.push({ role, name });
  }
  return sheets;
};

/**
 * The state with every owned sheet's current name (and this host's id). A sheet that is gone is forgotten, except the
 * Leads sheet while the add-in has leads on it: that must be found again, never silently replaced by a second one.
 */
export const reconcileSheets = (state: AddinState, sheets: readonly SheetInfo[]): AddinState => {
  const kept: OwnedSheet[] = [];
  /** Recorded name (lower case) → the sheet's name now, or null when it is gone. */
  const nowNamed = new Map<string, string | null>();
  for (const owned of state.sheets ?? legacySheets(state)) {
    const live = locateSheet(owned, sheets);
    nowNamed.set(owned.name.toLowerCase(), live?.name ?? null);
    if (live) kept.push({ ...owned, name: live.name, id: live.id });
    else if (owned.role === 'leads' && hasLeads(state)) kept.push(owned);
  }
  const names = state.ownedSheets.flatMap((name) => {
    const now = nowNamed.get(name.toLowerCase());
    return now === undefined ? [name] : now === null ? [] : [now];
  });
  const ownedSheets = [...new Map(names.map((name) => [name.toLowerCase(), name])).values()];
  const campaigns = state.campaigns.map((campaign) => {
    const target = kept.find((sheet) => sheet.role === 'target' && sheet.campaignId === campaign.id);
    return target && campaign.targetSheet !== undefined
      ? { ...campaign, targetSheet: target.name }
      : campaign;
  });
  return { ...state, campaigns, ownedSheets, sheets: kept };
};

export const hasLeads = (state: AddinState): boolean =>
  Object.values(state.leads ?? {}).some((leads) => leads.rows !== '');

/** The recorded sheet for a role (and campaign, for target and CSV sheets). */
export const ownedSheet = (
  state: AddinState,
  role: OutputRole,
  campaignId?: string,
): OwnedSheet | undefined =>
  state.sheets?.find((sheet) => sheet.role === role && sheet.campaignId === campaignId);

/** Records a sheet as written: its identity for the next run, its name among the sheets the add-in may replace. */
export const recordSheet = (
  state: AddinState,
  role: OutputRole,
  written: SheetInfo,
  campaignId?: string,
): AddinState => {
  const previous = ownedSheet(state, role, campaignId);
  const entry: OwnedSheet = {
    role,
    name: written.name,
    id: written.id,
    ...(written.tables[0] !== undefined ? { table: written.tables[0] } : {}),
    ...(campaignId !== undefined ? { campaignId } : {}),
  };
  const others = (state.sheets ?? []).filter((sheet) => sheet !== previous);
  return { ...claim(state, written.name), sheets: [...others, entry] };
};

/** Adds a sheet to those the add-in may replace (before writing it, so that a failed write is still the add-in's). */
export const claim = (state: AddinState, sheet: string): AddinState =>
  state.ownedSheets.some((name) => same(name, sheet))
    ? state
    : { ...state, ownedSheets: [...state.ownedSheets, sheet] };

/** The state without any knowledge of a Leads sheet and the leads on it: the next write starts a new sheet. */
export const forgetLeads = (state: AddinState): AddinState => ({
  ...state,
  sheets: (state.sheets ?? []).filter((sheet) => sheet.role !== 'leads'),
  leads: {},
});
