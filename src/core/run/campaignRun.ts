import { LEADS_SHEET, OVERVIEW_SHEET, reservedSheetNames } from '../workbook/sheetNames';
import type { CampaignDefinition, StoredCampaign } from '../campaign/campaign';
import type { Language } from '../kernel/language';
import { loadWorkbookData } from './loadWorkbook';
import type { ContactChannel, Day, MappingOverrides, SheetRole, WorkbookData } from '../kernel/model';
import { recordContacts, type RecordedContacts } from './contactHistoryRun';
import { contactRulesFor } from './contactRules';
import { campaignsOverviewTable } from '../outputs/overview';
import { mergeLeads, type LeadsMergeResult } from '../outputs/leads';
import { problem, type Problem } from '../kernel/problems';
import { checkCampaignAgainstData } from '../select/readiness';
import { fail, ok, type Result } from '../kernel/result';
import { checkExport, splitTargetGroup, tablesForUse, type ExportCheck } from './groupUse';
import { describeSelection } from '../select/selectionLabels';
import { cleanSheetName, tableNameFor, uniqueSheetName } from '../workbook/sheetNames';
import type { TableData } from '../kernel/sheetTable';
import { emptyState, type AddinState, type OutputRole } from '../state/state';
import {
  claim,
  forgetLeads,
  hasLeads,
  locateSheet,
  ownedSheet,
  reconcileSheets,
  recordSheet,
} from '../state/ownedSheets';
import { STATE_SHEET } from '../workbook/sheetNames';
import { sameName, stateFromSheet, stateToTable, upsertCampaign } from '../state/stateTable';
import { refreshBaseline, refreshDiff, type RefreshDiff } from './refresh';
import { buildTargetGroup } from '../group/targetGroup';
import type { Member, TargetGroup } from '../group/targetGroupModel';
import { WorkbookError } from '../workbook/workbookError';
import type { SheetInfo, WorkbookPort, WriteTableRequest } from '../workbook/workbookPort';

/** The use cases shared by the command line and the task pane: read, build, write — every rule lives below. */

export interface CampaignRunOptions {
  today: Day;
  /** ISO timestamp of this run: created/updated times of the campaign and its leads. */
  now: string;
  leads: boolean;
  /** Start a new Leads sheet although the add-in has leads on one it cannot find (the user said so). */
  newLeadsSheet?: boolean;
  language?: Language;
  /** Sheets the user chose for roles on this run (the command line's --sheet): they win and are remembered. */
  sheets?: Partial<Record<SheetRole, string>>;
  /** The contacted members are exported as CSV too (recorded in the contact history as such). */
  csv?: boolean;
  /**
   * `kampagne run --refresh`: the campaign must have been used already (stored under its name); the result says what
   * changed since (`refresh`). The run itself is the same: accepting a refresh on the command line means all of it.
   */
  refresh?: boolean;
}

/** What a leads update did, as the summary and the pane report it: the merge's counts and the sheet it wrote. */
export type LeadsOutcome = Pick<
  LeadsMergeResult,
  'created' | 'updated' | 'unchanged' | 'notInGroup' | 'keptByHand' | 'conflicts' | 'deleted' | 'merged'
> & { sheet: string };

export interface LeadsOptions {
  /** Create the leads people deleted again. */
  recreateDeleted?: boolean;
  /** The recorded Leads sheet is gone and the user agreed to start a new one. */
  newSheet?: boolean;
}

export interface CampaignRunResult extends ExportCheck {
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
  /** The rows this run added to the contact history; null when it could not be written (see dataProblems). */
  history: RecordedContacts | null;
  dataProblems: Problem[];
  /** With `refresh`: the difference to the group as last used or refreshed. */
  refresh: RefreshDiff | null;
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

/**
 * The add-in's state from its very hidden sheet, with its sheets' current names (found by identity, see
 * ownedSheets.ts); a workbook without one starts empty. A broken one is never overwritten.
 */
export const readAddinState = (port: WorkbookPort): Promise<Result<AddinState, Problem[]>> =>
  hostProblems(async () => {
    const sheets = await port.listSheets();
    if (!findSheet(sheets, STATE_SHEET)) return ok(emptyState());
    const state = stateFromSheet(await port.readSheet(STATE_SHEET));
    return state.ok ? ok(reconcileSheets(state.value, sheets)) : fail([state.error]);
  });

export const saveAddinState = async (port: WorkbookPort, state: AddinState): Promise<void> => {
  await port.writeTable({
    sheet: STATE_SHEET,
    data: stateToTable(state),
    visibility: 'veryHidden',
    atomic: true,
  });
};

export const findSheet = (sheets: readonly SheetInfo[], name: string): SheetInfo | undefined =>
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
 * Where an output goes: the sheet the add-in wrote for it before (found by identity, whatever it is called now), or a
 * new sheet under a name no sheet has and no other output of the add-in is meant to have. A user's own sheet is
 * never replaced.
 */
export const outputSheet = (
  state: AddinState,
  sheets: readonly SheetInfo[],
  role: OutputRole,
  desired: string,
  own: readonly string[] = [],
  campaignId?: string,
): { name: string; live?: SheetInfo } => {
  const recorded = ownedSheet(state, role, campaignId);
  const live = recorded && locateSheet(recorded, sheets);
  if (live) return { name: live.name, live };
  const taken = [...sheets.map((sheet) => sheet.name), ...reservedSheetNames(own)];
  return { name: uniqueSheetName(desired, taken, []) };
};

/**
 * Writes an output sheet the add-in owns: a new one is claimed (and the claim saved) before it is written, so that a
 * failed write is still the add-in's to replace; the state returned records the sheet by identity, unsaved.
 */
export const writeOwnedSheet = async (
  port: WorkbookPort,
  state: AddinState,
  role: OutputRole,
  target: { name: string; live?: SheetInfo },
  request: Omit<WriteTableRequest, 'sheet'>,
  campaignId?: string,
): Promise<{ state: AddinState; written: SheetInfo }> => {
  if (!target.live) await saveAddinState(port, claim(state, target.name));
  const tableName = target.live?.tables[0] ?? request.tableName;
  const written = await port.writeTable({ ...request, sheet: target.name, tableName });
  return { state: recordSheet(state, role, written, campaignId), written };
};

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
 * and group assignment, see groupUse.ts) and its sheet in the returned state, which the caller saves.
 */
export const writeTargetSheet = async (
  port: WorkbookPort,
  state: AddinState,
  campaign: StoredCampaign,
  table: TableData,
  activate = false,
): Promise<{ state: AddinState; campaign: StoredCampaign; sheet: string }> => {
  const sheets = await port.listSheets();
  const target = outputSheet(state, sheets, 'target', cleanSheetName(campaign.name), [], campaign.id);
  const written = await writeOwnedSheet(
    port,
    state,
    'target',
    target,
    { tableName: targetTableName(state, campaign.id), data: table, activate },
    campaign.id,
  );
  const updated: StoredCampaign = { ...campaign, targetSheet: written.written.name };
  const next: AddinState = {
    ...written.state,
    campaigns: written.state.campaigns.map((c) => (c.id === campaign.id ? updated : c)),
  };
  return { state: next, campaign: updated, sheet: written.written.name };
};

/** The add-in has leads on a Leads sheet it cannot find any more: nothing may be written until the user decides. */
export const missingLeadsSheet = (state: AddinState, sheets: readonly SheetInfo[]): Problem | null => {
  const recorded = ownedSheet(state, 'leads');
  if (!recorded || !hasLeads(state) || locateSheet(recorded, sheets)) return null;
  return problem('leadsSheetMissing', 'error', { sheet: recorded.name });
};

/**
 * Creates or updates the campaign's leads on the shared Leads sheet, in place: people's edits, rows, columns and
 * formats stay (see mergeLeads). The Leads sheet is found by identity; if the add-in has leads on one that cannot be
 * found, nothing is written ('leadsSheetMissing') until the user agrees to a new sheet (`options.newSheet`).
 * The returned state (with the sheet and the leads written) is the caller's to save.
 */
export const writeLeadsSheet = async (
  port: WorkbookPort,
  state: AddinState,
  campaign: StoredCampaign,
  members: Member[],
  now: string,
  options: LeadsOptions = {},
): Promise<Result<{ state: AddinState; leads: LeadsOutcome }, Problem[]>> => {
  const sheets = await port.listSheets();
  const current = options.newSheet ? forgetLeads(state) : state;
  const missing = missingLeadsSheet(current, sheets);
  if (missing) return fail([missing]);
  const target = outputSheet(current, sheets, 'leads', LEADS_SHEET, [LEADS_SHEET]);
  const result = mergeLeads({
    existing: target.live ? await port.readSheet(target.name) : null,
    campaign,
    members,
    now,
    lang: campaign.language ?? 'de',
    previous: current.leads?.[campaign.id],
    recreateDeleted: options.recreateDeleted,
  });
  const blocking = errorsIn(result.problems);
  if (blocking.length > 0) return fail(blocking);
  let next: AddinState;
  if (result.update) {
    const written = await port.updateTable({
      sheet: target.name,
      tableName: target.live?.tables[0],
      ...result.update,
    });
    next = recordSheet(current, 'leads', written);
  } else {
    const data = result.table!;
    next = (await writeOwnedSheet(port, current, 'leads', target, { tableName: 'Leads', data })).state;
  }
  next = { ...next, leads: { ...next.leads, [campaign.id]: result.record } };
  const { created, updated, unchanged, notInGroup, keptByHand, conflicts, deleted, merged } = result;
  const leads = {
    sheet: target.name,
    created,
    updated,
    unchanged,
    notInGroup,
    keptByHand,
    conflicts,
    deleted,
    merged,
  };
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
  const sheets = await port.listSheets();
  const target = outputSheet(state, sheets, 'csv', `CSV ${campaign.name}`, [], campaign.id);
  const [header, ...rows] = csvText.replace(/^\uFEFF/, '').split('\r\n');
  const written = await writeOwnedSheet(
    port,
    state,
    'csv',
    target,
    { data: { headers: [header], rows: rows.map((line) => [line]), textColumns: [0] }, activate: true },
    campaign.id,
  );
  return { state: written.state, sheet: written.written.name };
};

/** The overview of all campaigns in the workbook, one row each; the returned state is the caller's to save. */
export const writeOverviewSheet = async (
  port: WorkbookPort,
  state: AddinState,
  lang: Language,
): Promise<AddinState> => {
  const sheets = await port.listSheets();
  const target = outputSheet(state, sheets, 'overview', OVERVIEW_SHEET[lang], Object.values(OVERVIEW_SHEET));
  const data = campaignsOverviewTable(state.campaigns, lang);
  return (await writeOwnedSheet(port, state, 'overview', target, { tableName: 'Kampagnenuebersicht', data }))
    .state;
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
    const missing =
      options.leads && !options.newLeadsSheet && missingLeadsSheet(initial.value, await port.listSheets());
    if (missing) return fail([missing]);
    const stored = initial.value.campaigns.find((campaign) => sameName(campaign.name, localized.name));
    const baseline = stored ? refreshBaseline(stored) : null;
    if (options.refresh && baseline === null)
      return fail([
        problem(stored ? 'campaignNotUsed' : 'campaignNotFound', 'error', { value: definition.name }),
      ]);
    const data = await loadCampaignData(port, initial.value, localized, options.sheets);
    if (!data.ok) return data;

    const group = buildTargetGroup(data.value, localized, {
      today: options.today,
      contactRules: contactRulesFor(initial.value, localized, options.today),
    });
    const selectionLabels = selectionLabelsOf(localized);
    const chosen = rememberSheets(initial.value, { ...definition.sources, ...options.sheets });
    const upserted = upsertCampaign(chosen, localized, options.now, group.members.length);
    const use = splitTargetGroup(upserted.campaign, group, data.value.sales, options.today);
    const tables = tablesForUse(use, selectionLabels);
    const check = checkExport(use);

    const target = await writeTargetSheet(port, upserted.state, use.campaign, tables.target);
    let state = target.state;
    let leads: LeadsOutcome | null = null;
    if (options.leads) {
      const written = await writeLeadsSheet(port, state, target.campaign, use.contacted, options.now, {
        newSheet: options.newLeadsSheet,
      });
      if (!written.ok) return written;
      ({ state, leads } = written.value);
    }
    const channels: ContactChannel[] = [
      'targetSheet',
      ...(options.csv ? (['csv'] as const) : []),
      ...(options.leads ? (['leads'] as const) : []),
    ];
    const history = await recordContacts(
      port,
      { ...use, campaign: target.campaign, channels, day: options.today },
      lang,
    );
    await saveAddinState(port, await writeOverviewSheet(port, state, lang));
    return ok({
      campaign: target.campaign,
      group,
      control: use.control,
      selectionLabels,
      targetSheet: target.sheet,
      targetTable: tables.target,
      exportTable: tables.export,
      leads,
      history: history.ok ? history.value : null,
      dataProblems: [...data.value.problems, ...group.problems, ...(history.ok ? [] : history.error)],
      refresh: options.refresh && baseline ? refreshDiff(baseline, group, data.value.history) : null,
      ...check,
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
