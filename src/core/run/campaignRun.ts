import { LEADS_SHEET, OVERVIEW_SHEET } from '../workbook/sheetNames';
import type { CampaignDefinition, StoredCampaign } from '../campaign/campaign';
import type { Language } from '../kernel/language';
import { loadWorkbookData } from './loadWorkbook';
import type { Day, MappingOverrides, SheetRole, WorkbookData } from '../kernel/model';
import { campaignsOverviewTable } from '../outputs/overview';
import { mergeLeads } from '../outputs/leads';
import type { Problem } from '../kernel/problems';
import { checkCampaignAgainstData } from '../select/readiness';
import { fail, ok, type Result } from '../kernel/result';
import { splitTargetGroup, tablesForUse } from './groupUse';
import { describeSelection } from '../select/selectionLabels';
import { cleanSheetName, tableNameFor, uniqueSheetName } from '../workbook/sheetNames';
import type { TableData } from '../kernel/sheetTable';
import { emptyState, type AddinState } from '../state/state';
import { STATE_SHEET } from '../workbook/sheetNames';
import { stateFromSheet, stateToTable, upsertCampaign } from '../state/stateTable';
import { buildTargetGroup } from '../group/targetGroup';
import type { Member, TargetGroup } from '../group/targetGroupModel';
import { WorkbookError } from '../workbook/workbookError';
import type { SheetInfo, WorkbookPort } from '../workbook/workbookPort';

/** The use cases shared by the command line and the task pane: read, build, write — every rule lives below. */

export interface CampaignRunOptions {
  today: Day;
  /** ISO timestamp of this run: created/updated times of the campaign and its leads. */
  now: string;
  leads: boolean;
  language?: Language;
  /** Sheets the user chose for roles on this run (the command line's --sheet): they win and are remembered. */
  sheets?: Partial<Record<SheetRole, string>>;
}

export interface LeadsOutcome {
  sheet: string;
  created: number;
  updated: number;
  unchanged: number;
  notInGroup: number;
  /** Leads kept and marked because their person was merged into another member. */
  merged: number;
}

export interface CampaignRunResult {
  campaign: StoredCampaign;
  group: TargetGroup;
  /** Members held back as the control group: in the target sheet, not in the CSV, no leads. */
  control: Member[];
  selectionLabels: string[];
  targetSheet: string;
  targetTable: TableData;
  /** The contacted members for the CSV export (the target table itself when there is no control group). */
  exportTable: TableData;
  leads: LeadsOutcome | null;
  dataProblems: Problem[];
}

/** Host failures are expected outcomes for the user ("Excel antwortet nicht"): they become problems. */
export const hostProblems = async <T>(
  work: () => Promise<Result<T, Problem[]>>,
): Promise<Result<T, Problem[]>> => {
  try {
    return await work();
  } catch (error) {
    if (!(error instanceof WorkbookError)) throw error;
    return fail([{ code: error.code, severity: 'error', sheet: error.sheet }]);
  }
};

const errorsIn = (problems: Problem[]): Problem[] => problems.filter((p) => p.severity === 'error');

/** The add-in's state from its very hidden sheet; a workbook without one starts empty. A broken one is never overwritten. */
export const readAddinState = (port: WorkbookPort): Promise<Result<AddinState, Problem[]>> =>
  hostProblems(async () => {
    const sheets = await port.listSheets();
    if (!findSheet(sheets, STATE_SHEET)) return ok(emptyState());
    const state = stateFromSheet(await port.readSheet(STATE_SHEET));
    return state.ok ? state : fail([state.error]);
  });

export const saveAddinState = (port: WorkbookPort, state: AddinState): Promise<void> =>
  port.writeTable({ sheet: STATE_SHEET, data: stateToTable(state), visibility: 'veryHidden' });

const findSheet = (sheets: SheetInfo[], name: string): SheetInfo | undefined =>
  sheets.find((sheet) => sheet.name.toLowerCase() === name.toLowerCase());

/**
 * Mapping the user confirmed in the workbook, overridden by what the campaign file states explicitly, overridden by
 * the sheets chosen for this run.
 */
export const overridesFor = (
  state: AddinState,
  definition: CampaignDefinition,
  sheets: Partial<Record<SheetRole, string>> = {},
): MappingOverrides => ({
  sheets: { ...state.mapping?.sheets, ...definition.sources, ...sheets },
  columns: { ...state.mapping?.columns, ...definition.columns },
});

/**
 * A sheet chosen for a role (by a campaign file's `sources` or on the command line) is remembered in the workbook's
 * mapping, as a choice in the pane's mapping dialog is: the next run, and the pane, read the same sheet.
 */
export const rememberSheets = (state: AddinState, chosen: Partial<Record<SheetRole, string>>): AddinState =>
  Object.keys(chosen).length === 0
    ? state
    : { ...state, mapping: { ...state.mapping, sheets: { ...state.mapping?.sheets, ...chosen } } };

/** Reads and parses the user's sheets (never the add-in's own) and checks the campaign can run on them. */
export const loadCampaignData = (
  port: WorkbookPort,
  state: AddinState,
  definition: CampaignDefinition,
  sheets: Partial<Record<SheetRole, string>> = {},
): Promise<Result<WorkbookData, Problem[]>> =>
  hostProblems(async () => {
    const data = await loadWorkbookData(port, overridesFor(state, definition, sheets), state.ownedSheets);
    if (!data.ok) return data;
    const questions = errorsIn(data.value.problems);
    if (questions.length > 0) return fail(questions);
    const blocking = errorsIn(checkCampaignAgainstData(definition, data.value));
    // a sheet without a header row is often the missing one: its warning says why
    const unread = data.value.problems.filter((p) => p.code === 'headerNotFound');
    return blocking.length > 0 ? fail([...blocking, ...unread]) : data;
  });

export const selectionLabelsOf = (definition: CampaignDefinition): string[] =>
  definition.selections.map((selection, index) =>
    describeSelection(selection, index, definition.language ?? 'de'),
  );

/**
 * A sheet name for an output: its previous name if the add-in made that sheet, else a name no user sheet has.
 * A user's own sheet is never replaced.
 */
export const outputSheetName = (
  desired: string,
  previous: string | undefined,
  sheets: SheetInfo[],
  state: AddinState,
) => {
  const owned = state.ownedSheets.filter((name) => findSheet(sheets, name));
  if (previous && owned.some((name) => name.toLowerCase() === previous.toLowerCase()))
    return findSheet(sheets, previous)?.name ?? previous;
  return uniqueSheetName(
    desired,
    sheets.map((sheet) => sheet.name),
    previous ? [previous] : [],
  );
};

/** The add-in's earlier sheet for a shared output: "Leads", or "Leads (2)" if a user sheet had the name first. */
export const ownedVariant = (state: AddinState, bases: string[]): string | undefined =>
  state.ownedSheets.find((name) =>
    bases.some((base) => new RegExp(`^${base}( \\(\\d+\\))?$`, 'i').test(name)),
  );

export const claim = (state: AddinState, sheet: string): AddinState =>
  state.ownedSheets.some((name) => name.toLowerCase() === sheet.toLowerCase())
    ? state
    : { ...state, ownedSheets: [...state.ownedSheets, sheet] };

/** Each campaign's table is named after it ("Newsletter_November_2026"), unique in campaign order. */
const targetTableName = (state: AddinState, campaignId: string): string => {
  const names: string[] = [];
  for (const campaign of state.campaigns) {
    const name = tableNameFor(campaign.name, names);
    if (campaign.id === campaignId) return name;
    names.push(name);
  }
  return tableNameFor(campaignId, names);
};

/**
 * Writes the target group to the campaign's own sheet as an Excel table; stores the campaign as given (with its start
 * and group assignment, see groupUse.ts) and its sheet in the state.
 */
export const writeTargetSheet = async (
  port: WorkbookPort,
  state: AddinState,
  campaign: StoredCampaign,
  table: TableData,
  activate = false,
): Promise<{ state: AddinState; campaign: StoredCampaign; sheet: string }> => {
  const sheets = await port.listSheets();
  const sheet = outputSheetName(cleanSheetName(campaign.name), campaign.targetSheet, sheets, state);
  const claimed = claim(state, sheet);
  const updated: StoredCampaign = { ...campaign, targetSheet: sheet };
  const next: AddinState = {
    ...claimed,
    campaigns: claimed.campaigns.map((c) => (c.id === campaign.id ? updated : c)),
  };
  // The claim is saved first: if writing the sheet fails, the next run still knows the add-in may replace it.
  await saveAddinState(port, next);
  await port.writeTable({
    sheet,
    tableName: targetTableName(next, campaign.id),
    data: table,
    activate,
  });
  return { state: next, campaign: updated, sheet };
};

/** Creates or updates the campaign's leads on the shared Leads sheet; people's edits there are kept. */
export const writeLeadsSheet = async (
  port: WorkbookPort,
  state: AddinState,
  campaign: StoredCampaign,
  members: Member[],
  now: string,
): Promise<Result<{ state: AddinState; leads: LeadsOutcome }, Problem[]>> => {
  const sheets = await port.listSheets();
  const sheet = outputSheetName(LEADS_SHEET, ownedVariant(state, [LEADS_SHEET]), sheets, state);
  const existing = findSheet(sheets, sheet) ? await port.readSheet(sheet) : null;
  const merged = mergeLeads(existing, campaign, members, now, campaign.language ?? 'de');
  const blocking = errorsIn(merged.problems);
  if (blocking.length > 0) return fail(blocking);
  const next = claim(state, sheet);
  await saveAddinState(port, next);
  await port.writeTable({ sheet, tableName: 'Leads', data: merged.table });
  const { created, updated, unchanged, notInGroup } = merged;
  const leads = { sheet, created, updated, unchanged, notInGroup, merged: merged.merged };
  return ok({ state: next, leads });
};

/**
 * The guide's CSV fallback where the host cannot download a file (Excel on Mac): the CSV lines, one per row, in column A
 * of an export sheet the add-in owns, for the user to copy into a text file.
 */
export const writeCsvSheet = async (
  port: WorkbookPort,
  state: AddinState,
  campaign: StoredCampaign,
  csvText: string,
): Promise<{ state: AddinState; sheet: string }> => {
  const sheets = (await port.listSheets()).map((sheet) => sheet.name);
  const sheet = uniqueSheetName(`CSV ${campaign.name}`, sheets, state.ownedSheets);
  const [header, ...rows] = csvText.replace(/^\uFEFF/, '').split('\r\n');
  const next = claim(state, sheet);
  await saveAddinState(port, next);
  await port.writeTable({
    sheet,
    data: { headers: [header], rows: rows.map((line) => [line]), textColumns: [0] },
    activate: true,
  });
  return { state: next, sheet };
};

/** The overview of all campaigns in the workbook, one row each. */
export const writeOverviewSheet = async (port: WorkbookPort, state: AddinState, lang: Language) => {
  const sheets = await port.listSheets();
  const previous = ownedVariant(state, Object.values(OVERVIEW_SHEET));
  const sheet = outputSheetName(OVERVIEW_SHEET[lang], previous, sheets, state);
  const next = claim(state, sheet);
  await saveAddinState(port, next);
  await port.writeTable({
    sheet,
    tableName: 'Kampagnenuebersicht',
    data: campaignsOverviewTable(next.campaigns, lang),
  });
  return next;
};

/**
 * The whole job of the command line: build the campaign's target group from the workbook and write its sheet, the
 * overview, the state and (optionally) the leads. Running it again with the same campaign name updates that campaign.
 */
export const runCampaign = (
  port: WorkbookPort,
  definition: CampaignDefinition,
  options: CampaignRunOptions,
): Promise<Result<CampaignRunResult, Problem[]>> =>
  hostProblems(async () => {
    const lang = options.language ?? definition.language ?? 'de';
    const localized: CampaignDefinition = { ...definition, language: lang };
    const initial = await readAddinState(port);
    if (!initial.ok) return initial;
    const data = await loadCampaignData(port, initial.value, localized, options.sheets);
    if (!data.ok) return data;

    const group = buildTargetGroup(data.value, localized, { today: options.today });
    const selectionLabels = selectionLabelsOf(localized);
    const chosen = rememberSheets(initial.value, { ...definition.sources, ...options.sheets });
    const upserted = upsertCampaign(chosen, localized, options.now, group.members.length);
    const use = splitTargetGroup(upserted.campaign, group, data.value.sales, options.today);
    const tables = tablesForUse(use, selectionLabels);

    const target = await writeTargetSheet(port, upserted.state, use.campaign, tables.target);
    let state = target.state;
    let leads: LeadsOutcome | null = null;
    if (options.leads) {
      const written = await writeLeadsSheet(port, state, target.campaign, use.contacted, options.now);
      if (!written.ok) return written;
      ({ state, leads } = written.value);
    }
    await writeOverviewSheet(port, state, lang);
    return ok({
      campaign: target.campaign,
      group,
      control: use.control,
      selectionLabels,
      targetSheet: target.sheet,
      targetTable: tables.target,
      exportTable: tables.export,
      leads,
      dataProblems: [...data.value.problems, ...group.problems],
    });
  });

/**
 * What `kampagne sheets` shows: which sheet is which, and the problems found; `sheets` as chosen with --sheet, over
 * the mapping the workbook remembers.
 */
export const inspectWorkbook = (
  port: WorkbookPort,
  sheets: Partial<Record<SheetRole, string>> = {},
): Promise<Result<WorkbookData, Problem[]>> =>
  hostProblems(async () => {
    const state = await readAddinState(port);
    const owned = state.ok ? state.value.ownedSheets : [];
    const mapping = state.ok ? state.value.mapping : undefined;
    return loadWorkbookData(port, { ...mapping, sheets: { ...mapping?.sheets, ...sheets } }, owned);
  });
