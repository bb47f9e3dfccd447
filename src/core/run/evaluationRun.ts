import type { Language } from '../kernel/language';
import type { StoredCampaign } from '../campaign/campaign';
import { hostProblems, outputSheet, overridesFor, readAddinState, writeOwnedSheet } from './campaignRun';
import { EVALUATION_SHEET, TYPE_EVALUATION_SHEET } from '../workbook/sheetNames';
import { locateSheet, ownedSheet } from '../state/ownedSheets';
import { groupOf } from '../group/controlGroup';
import { compareByType } from '../evaluation/compare';
import { evaluateCampaign, evaluationWindow, type OtherCampaign } from '../evaluation/evaluate';
import {
  evaluationTable,
  REVENUE_PER_MEMBER_COLUMNS,
  typeComparisonTable,
} from '../evaluation/evaluationTables';
import type { CampaignEvaluation, EvaluatedMember, TypeComparison } from '../evaluation/model';
import { identityGraph } from '../group/identity';
import { loadWorkbookData } from './loadWorkbook';
import type { Day, WorkbookData } from '../kernel/model';
import { problem, type Problem } from '../kernel/problems';
import { checkCampaignAgainstData } from '../select/readiness';
import { fail, ok, type Result } from '../kernel/result';
import type { SheetTable } from '../kernel/sheetTable';
import type { AddinState } from '../state/state';
import { buildTargetGroup } from '../group/targetGroup';
import { isoToDay } from '../kernel/values';
import type { ChartRequest, WorkbookPort } from '../workbook/workbookPort';

/** The success evaluation as a use case: read the workbook, rebuild who was in each campaign, evaluate, write. */

export interface EvaluationOptions {
  today: Day;
  /** Name (or id) of the campaign to focus on; all stored campaigns are evaluated either way. */
  campaign?: string;
  language: Language;
}

export interface EvaluationReport {
  /** Every stored campaign, in the order of the state: the comparison by type needs them all. */
  evaluations: CampaignEvaluation[];
  /** Campaign id of the campaign asked for, or null when none was named. */
  focus: string | null;
  byType: TypeComparison[];
  /** Notes on the data (sheets, columns, values), and campaigns whose selections no longer fit the workbook. */
  problems: Problem[];
}

export interface EvaluationSheets {
  state: AddinState;
  sheet: string;
  typeSheet: string;
}

const sameName = (a: string, b: string): boolean => a.trim().toLowerCase() === b.trim().toLowerCase();

export const findCampaign = (state: AddinState, wanted: string): Result<StoredCampaign, Problem[]> => {
  const found =
    state.campaigns.find((campaign) => campaign.id === wanted) ??
    state.campaigns.find((campaign) => sameName(campaign.name, wanted));
  if (found) return ok(found);
  const stored = state.campaigns.map((campaign) => campaign.name).join(', ');
  return fail([problem('campaignNotFound', 'error', { value: wanted, detail: stored || undefined })]);
};

const startDay = (campaign: StoredCampaign): Day | null =>
  campaign.start === undefined ? null : isoToDay(campaign.start);

/** Customer number per key of every row in the workbook: members who have left the group since count too. */
const customerIdsByKey = (data: WorkbookData): Map<string, string> => {
  const graph = identityGraph(data);
  const ids = new Map<string, string>();
  for (let record = 0; record < graph.records.count; record++)
    ids.set(graph.keyOf(record), graph.records.recipient(record).customerId);
  return ids;
};

/**
 * Who was in the campaign: the target group as it was at the start (an "inactive customers" selection rebuilt today
 * would drop exactly the members the campaign brought back), plus every member the stored assignment decided, also
 * those who have left the group since: their group was fixed when the campaign was used.
 */
const evaluatedMembers = (
  data: WorkbookData,
  campaign: StoredCampaign,
  today: Day,
  everyone: () => Map<string, string>,
): EvaluatedMember[] => {
  const group = buildTargetGroup(data, campaign, { today: startDay(campaign) ?? today });
  const customerIds = new Map(group.members.map((m) => [m.key, m.recipient.customerId]));
  const decided = [...(campaign.assignment?.control ?? []), ...(campaign.assignment?.contacted ?? [])];
  for (const key of decided) if (!customerIds.has(key)) customerIds.set(key, everyone().get(key) ?? '');
  return [...customerIds].map(([key, customerId]) => ({
    key,
    customerId,
    group: groupOf(campaign.assignment, key),
  }));
};

const readLeads = async (port: WorkbookPort, state: AddinState): Promise<SheetTable | null> => {
  const recorded = ownedSheet(state, 'leads');
  const sheet = recorded && locateSheet(recorded, await port.listSheets());
  return sheet ? port.readSheet(sheet.name) : null;
};

/**
 * A campaign whose selections no longer fit the workbook (a column renamed since) is still evaluated on the members its
 * assignment recorded; what no longer fits is reported, once per problem.
 */
const campaignProblems = (data: WorkbookData, campaigns: StoredCampaign[]): Problem[] => {
  const unique = new Map<string, Problem>();
  for (const found of campaigns.flatMap((campaign) => checkCampaignAgainstData(campaign, data)))
    unique.set(JSON.stringify(found), found);
  return [...unique.values()];
};

const evaluateAll = (
  data: WorkbookData,
  state: AddinState,
  leads: SheetTable | null,
  today: Day,
): CampaignEvaluation[] => {
  let everyone: Map<string, string> | undefined;
  const lookup = () => (everyone ??= customerIdsByKey(data));
  const members = state.campaigns.map((campaign) => evaluatedMembers(data, campaign, today, lookup));
  const overlaps: OtherCampaign[] = state.campaigns.map((campaign, i) => {
    const { start, windowEnd } = evaluationWindow(campaign, today);
    return {
      id: campaign.id,
      name: campaign.name,
      keys: new Set(members[i].map((m) => m.key)),
      contacted: new Set(members[i].filter((m) => m.group === 'contacted').map((m) => m.key)),
      start,
      windowEnd,
    };
  });
  return state.campaigns.map((campaign, i) =>
    evaluateCampaign({
      campaign,
      members: members[i],
      sales: data.sales,
      today,
      leads,
      others: overlaps.filter((_, j) => j !== i),
      margins: data.margins,
    }),
  );
};

/**
 * Evaluates every campaign stored in the workbook against its sales sheet (and Leads sheet, if any). A campaign named
 * in the options must exist; it becomes the report's focus. Nothing is written.
 */
export const evaluateWorkbook = (
  port: WorkbookPort,
  options: EvaluationOptions,
): Promise<Result<EvaluationReport, Problem[]>> =>
  hostProblems(async () => {
    const state = await readAddinState(port);
    if (!state.ok) return state;
    const focus = options.campaign === undefined ? null : findCampaign(state.value, options.campaign);
    if (focus && !focus.ok) return focus;
    const definition = focus?.value ?? { name: '', type: 'other' as const, selections: [] };
    const data = await loadWorkbookData(port, overridesFor(state.value, definition), state.value.ownedSheets);
    if (!data.ok) return data;
    if (!data.value.mapping.sales) return fail([problem('sheetRoleNotFound', 'error', { detail: 'sales' })]);
    const leads = await readLeads(port, state.value);
    const evaluations = evaluateAll(data.value, state.value, leads, options.today);
    return ok({
      evaluations,
      focus: focus?.value.id ?? null,
      byType: compareByType(evaluations),
      problems: [...data.value.problems, ...campaignProblems(data.value, state.value.campaigns)],
    });
  });

/** Revenue per recipient, contacted next to control, per campaign: the picture of the uplift. */
const revenueChart = (lang: Language): ChartRequest => ({
  title:
    lang === 'de'
      ? 'Umsatz je Empfänger: kontaktiert und Kontrollgruppe'
      : 'Revenue per recipient: contacted and control group',
  categoryColumn: 0,
  valueColumns: [...REVENUE_PER_MEMBER_COLUMNS],
});

/**
 * Writes "Auswertung" (one row per campaign, with a native chart where the host has charts) and "Auswertung nach Typ"
 * to sheets the add-in owns, like the other outputs: a user's own sheet of that name is never replaced. The returned
 * state records both; the caller saves it.
 */
export const writeEvaluationSheets = (
  port: WorkbookPort,
  state: AddinState,
  report: EvaluationReport,
  lang: Language,
): Promise<Result<EvaluationSheets, Problem[]>> =>
  hostProblems(async () => {
    const sheets = await port.listSheets();
    const names = Object.values(EVALUATION_SHEET);
    const typeNames = Object.values(TYPE_EVALUATION_SHEET);
    const main = await writeOwnedSheet(
      port,
      state,
      'evaluation',
      outputSheet(state, sheets, 'evaluation', EVALUATION_SHEET[lang], names),
      { tableName: 'Auswertung', data: evaluationTable(report.evaluations, lang), chart: revenueChart(lang) },
    );
    const byType = await writeOwnedSheet(
      port,
      main.state,
      'typeEvaluation',
      outputSheet(
        main.state,
        await port.listSheets(),
        'typeEvaluation',
        TYPE_EVALUATION_SHEET[lang],
        typeNames,
      ),
      { tableName: 'Auswertung_nach_Typ', data: typeComparisonTable(report.byType, lang) },
    );
    return ok({ state: byType.state, sheet: main.written.name, typeSheet: byType.written.name });
  });
