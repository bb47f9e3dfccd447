import { DEFAULT_EVALUATION_DAYS, type StoredCampaign } from '../campaign/campaign';
import { controlEstimate } from '../campaign/campaignFields';
import { historicalBaseline, type CampaignWindow } from '../evaluation/baseline';
import { expectedInMetric, planTest, type PlanInput, type TestPlan } from '../evaluation/plan';
import { buildTargetGroup } from '../group/targetGroup';
import type { Day, WorkbookData } from '../kernel/model';
import { problem, type Problem } from '../kernel/problems';
import { fail, ok, type Result } from '../kernel/result';
import { isoToDay } from '../kernel/values';
import type { WorkbookPort } from '../workbook/workbookPort';
import { hostProblems, overridesFor, readAddinState } from './campaignRun';
import { findCampaign } from './evaluationRun';
import { loadWorkbookData } from './loadWorkbook';

/** The test plan as a use case: the campaign's groups now, the workbook's own history, and the effect expected. */

export interface PlanRequest {
  data: WorkbookData;
  campaign: StoredCampaign;
  /** Every stored campaign: their windows are kept out of the baseline. */
  campaigns: readonly StoredCampaign[];
  today: Day;
  /** As the owner types it: percentage points of the buyer share (3) or euros per recipient (5.5). */
  expected?: number;
}

const startOf = (campaign: StoredCampaign, today: Day): Day =>
  (campaign.start === undefined ? null : isoToDay(campaign.start)) ?? today;

const windowOf = (campaign: StoredCampaign): CampaignWindow | null => {
  const start = campaign.start === undefined ? null : isoToDay(campaign.start);
  if (start === null) return null;
  return { start, end: start + (campaign.evaluationDays ?? DEFAULT_EVALUATION_DAYS) - 1 };
};

/**
 * What the plan needs but the expected effect: the members at the start and the control group (the one the stored
 * assignment holds back, or the share's estimate before the first use), and the workbook's baseline. A campaign
 * without a start is planned as if it went out today. The dear part of a plan: the pane computes it once per campaign.
 */
export const planInputFor = ({
  data,
  campaign,
  campaigns,
  today,
}: Omit<PlanRequest, 'expected'>): Omit<PlanInput, 'expected'> => {
  const start = startOf(campaign, today);
  const members = buildTargetGroup(data, campaign, { today: start }).members;
  const { assignment } = campaign;
  const used = assignment !== undefined && assignment.control.length + assignment.contacted.length > 0;
  const total = used ? assignment.control.length + assignment.contacted.length : members.length;
  const control = used ? assignment.control.length : controlEstimate(total, campaign.controlPercent);
  const others = campaigns
    .filter((other) => other.id !== campaign.id)
    .flatMap((other) => windowOf(other) ?? []);
  return {
    members: total,
    control,
    controlPercent: campaign.controlPercent ?? 0,
    primaryMetric: campaign.primaryMetric,
    baseline: historicalBaseline({
      data,
      campaign,
      members,
      start,
      windowDays: campaign.evaluationDays ?? DEFAULT_EVALUATION_DAYS,
      today,
      others,
    }),
  };
};

/** The plan for the effect the owner typed (percentage points or euros per recipient), if any. */
export const planCampaign = (request: PlanRequest): TestPlan => {
  const input = planInputFor(request);
  const { expected } = request;
  return planTest({
    ...input,
    expected: expected === undefined ? undefined : expectedInMetric(input.primaryMetric, expected),
  });
};

export interface WorkbookPlan {
  campaignId: string;
  name: string;
  plan: TestPlan;
  problems: Problem[];
}

/** Reads the workbook and plans the named campaign stored in it. Nothing is written. */
export const planWorkbook = (
  port: WorkbookPort,
  options: { campaign: string; today: Day; expected?: number },
): Promise<Result<WorkbookPlan, Problem[]>> =>
  hostProblems(async () => {
    const state = await readAddinState(port);
    if (!state.ok) return state;
    const campaign = findCampaign(state.value, options.campaign);
    if (!campaign.ok) return campaign;
    const data = await loadWorkbookData(
      port,
      overridesFor(state.value, campaign.value),
      state.value.ownedSheets,
    );
    if (!data.ok) return data;
    if (!data.value.mapping.sales) return fail([problem('sheetRoleNotFound', 'error', { detail: 'sales' })]);
    const plan = planCampaign({
      data: data.value,
      campaign: campaign.value,
      campaigns: state.value.campaigns,
      today: options.today,
      expected: options.expected,
    });
    return ok({
      campaignId: campaign.value.id,
      name: campaign.value.name,
      plan,
      problems: data.value.problems,
    });
  });
