import { DEFAULT_EVALUATION_DAYS, DEFAULT_PRIMARY_METRIC, type StoredCampaign } from '../campaign/campaign';
import type { Day, WorkbookData } from '../kernel/model';
import type { SalesLines } from '../kernel/salesLines';
import { customerKey } from '../read/customerKeys';
import type { SheetTable } from '../kernel/sheetTable';
import { isoToDay } from '../kernel/values';
import { contaminationNote } from './contamination';
import { leadFigures, workedLeads } from './leadFigures';
import type {
  CampaignEvaluation,
  Estimate,
  EvaluatedMember,
  RoiBasis,
  EvaluationNote,
  GroupFigures,
  Verdict,
  Effects,
} from './model';
import type { MemberGroup } from '../group/targetGroupModel';
import {
  bootstrapMeanDifference,
  DEFAULT_RESAMPLES,
  newcombeDifference,
  seedFrom,
  wilsonInterval,
} from './statistics';

/**
 * Below this a control group says nothing: fewer than 30 control members, or fewer than 5 buyers in both groups
 * together. The intervals are still computed and shown; the verdict says the group is too small.
 */
export const MIN_CONTROL_MEMBERS = 30;
export const MIN_BUYERS = 5;

/** Another campaign, for the overlap note: its member keys and the days its purchases count. */
export interface OtherCampaign {
  /** For leads worked in the window (contamination); absent: none of its leads count. */
  id?: string;
  name: string;
  keys: ReadonlySet<string>;
  /** The members it contacted (not held back); absent: all of `keys`. */
  contacted?: ReadonlySet<string>;
  start: Day | null;
  windowEnd: Day | null;
}

export interface EvaluationInput {
  campaign: StoredCampaign;
  members: EvaluatedMember[];
  sales: SalesLines;
  today: Day;
  leads?: SheetTable | null;
  /** The other campaigns (not this one). */
  others?: OtherCampaign[];
  /** Bootstrap resamples for the revenue interval; default DEFAULT_RESAMPLES. */
  resamples?: number;
  /** Set when the sales lines carry margins (WorkbookData.margins): the return is computed on the margin. */
  margins?: WorkbookData['margins'];
}

export interface EvaluationWindow {
  start: Day | null;
  /** Last day counted: min(start + days − 1, today); null before the start. */
  windowEnd: Day | null;
  windowDays: number;
  daysObserved: number;
  /** Days of the window still to come after today. */
  daysLeft: number;
}

/** The days whose purchases count for a campaign, as far as they have happened by today. */
export const evaluationWindow = (campaign: StoredCampaign, today: Day): EvaluationWindow => {
  const windowDays = campaign.evaluationDays ?? DEFAULT_EVALUATION_DAYS;
  const start = campaign.start ? isoToDay(campaign.start) : null;
  if (start === null || start > today)
    return { start, windowEnd: null, windowDays, daysObserved: 0, daysLeft: 0 };
  const lastDay = start + windowDays - 1;
  const windowEnd = Math.min(lastDay, today);
  return { start, windowEnd, windowDays, daysObserved: windowEnd - start + 1, daysLeft: lastDay - windowEnd };
};

interface SalesIndex {
  /** Customer key → its lines' indexes. */
  byCustomer: Map<string, number[]>;
  /** Every dated line's day, ascending: whether the sheet reaches into a window at all. */
  days: Float64Array;
}

/** One index per sales array: the report evaluates every campaign against the same sales. */
const salesIndexes = new WeakMap<SalesLines, SalesIndex>();

const indexSales = (sales: SalesLines): SalesIndex => {
  const cached = salesIndexes.get(sales);
  if (cached) return cached;
  const byCustomer = new Map<string, number[]>();
  const days: number[] = [];
  const keys = sales.customerIdTexts.map(customerKey);
  for (let i = 0; i < sales.length; i++) {
    if (!Number.isNaN(sales.days[i])) days.push(sales.days[i]);
    const key = keys[sales.customerCodes[i]];
    if (!key) continue;
    const lines = byCustomer.get(key);
    if (lines) lines.push(i);
    else byCustomer.set(key, [i]);
  }
  const index = { byCustomer, days: Float64Array.from(days).sort() };
  salesIndexes.set(sales, index);
  return index;
};

const hasDayBetween = (sortedDays: Float64Array, first: Day, last: Day): boolean => {
  let low = 0;
  let high = sortedDays.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (sortedDays[middle] < first) low = middle + 1;
    else high = middle;
  }
  return low < sortedDays.length && sortedDays[low] <= last;
};

/** What one customer did in the window. */
interface CustomerActivity {
  net: number;
  margin: number;
  orders: number;
  returns: number;
  undated: number;
}

/** What the lines at these indexes did in [start, end]. */
const activityOf = (sales: SalesLines, lines: readonly number[], start: Day, end: Day): CustomerActivity => {
  const activity = { net: 0, margin: 0, orders: 0, returns: 0, undated: 0 };
  const orderDays = new Set<Day>();
  for (const i of lines) {
    const day = sales.days[i];
    const amount = sales.amounts[i];
    if (Number.isNaN(day)) {
      activity.undated++;
      continue;
    }
    if (day < start || day > end || Number.isNaN(amount)) continue;
    activity.net += amount;
    const margin = sales.margins?.[i] ?? NaN;
    if (!Number.isNaN(margin)) activity.margin += margin;
    if (amount > 0) orderDays.add(day);
    if (amount < 0) activity.returns++;
  }
  activity.orders = orderDays.size;
  return activity;
};

const NO_ACTIVITY: CustomerActivity = { net: 0, margin: 0, orders: 0, returns: 0, undated: 0 };

const emptyFigures = (members: number): GroupFigures => ({
  members,
  buyers: 0,
  conversion: 0,
  revenue: 0,
  revenuePerMember: 0,
  orders: 0,
});

interface GroupResult {
  figures: GroupFigures;
  /** Net revenue of each member, for the bootstrap. */
  revenues: Float64Array;
  /** Margin of each member, likewise. */
  margins: Float64Array;
}

/**
 * Members sharing a customer number (two contacts of one firm) share its purchases equally: the firm's revenue
 * counts once in the totals, and each of them is a buyer when the firm bought. Orders count once per customer.
 */
const groupResult = (
  members: readonly Pick<EvaluatedMember, 'customerId'>[],
  activities: ReadonlyMap<string, CustomerActivity>,
  sharers: ReadonlyMap<string, number>,
): GroupResult => {
  const revenues = new Float64Array(members.length);
  const margins = new Float64Array(members.length);
  const customersSeen = new Set<string>();
  const figures = emptyFigures(members.length);
  members.forEach((member, i) => {
    const key = customerKey(member.customerId);
    const activity = activities.get(key) ?? NO_ACTIVITY;
    revenues[i] = key ? activity.net / (sharers.get(key) ?? 1) : 0;
    margins[i] = key ? activity.margin / (sharers.get(key) ?? 1) : 0;
    figures.revenue += revenues[i];
    if (revenues[i] > 0) figures.buyers++;
    if (key && !customersSeen.has(key)) {
      customersSeen.add(key);
      figures.orders += activity.orders;
    }
  });
  figures.conversion = members.length > 0 ? figures.buyers / members.length : 0;
  figures.revenuePerMember = members.length > 0 ? figures.revenue / members.length : 0;
  return { figures, revenues, margins };
};

const countBy = <T>(items: readonly T[], keyOf: (item: T) => string): Map<string, number> => {
  const counts = new Map<string, number>();
  for (const item of items) {
    const key = keyOf(item);
    if (key) counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
};

/**
 * Each member's net revenue in [start, end], a customer shared by several members split equally among them, as the
 * evaluation counts it: the sample the planner's baseline is taken from.
 */
export const memberRevenues = (
  members: readonly Pick<EvaluatedMember, 'customerId'>[],
  sales: SalesLines,
  start: Day,
  end: Day,
): Float64Array => {
  const index = indexSales(sales);
  const sharers = countBy(members, (member) => customerKey(member.customerId));
  const activities = new Map<string, CustomerActivity>();
  for (const key of sharers.keys())
    activities.set(key, activityOf(sales, index.byCustomer.get(key) ?? [], start, end));
  return groupResult(members, activities, sharers).revenues;
};

/** The first dated sales line's day; null without one. */
export const firstSaleDay = (sales: SalesLines): Day | null => {
  const { days } = indexSales(sales);
  return days.length > 0 ? days[0] : null;
};

/** The last dated sales line's day; null without one. */
export const lastSaleDay = (sales: SalesLines): Day | null => {
  const { days } = indexSales(sales);
  return days.length > 0 ? days[days.length - 1] : null;
};

const note = (code: EvaluationNote['code'], count: number): EvaluationNote[] =>
  count > 0 ? [{ code, count }] : [];

const overlapNote = (
  members: readonly EvaluatedMember[],
  others: readonly OtherCampaign[],
  start: Day,
  end: Day,
): EvaluationNote[] => {
  const overlapping = others.filter(
    (other) =>
      other.start !== null && other.windowEnd !== null && other.start <= end && start <= other.windowEnd,
  );
  const shared = members.filter((member) => overlapping.some((other) => other.keys.has(member.key)));
  if (shared.length === 0) return [];
  const campaigns = overlapping
    .filter((other) => shared.some((member) => other.keys.has(member.key)))
    .map((other) => other.name);
  return [{ code: 'overlap', count: shared.length, campaigns }];
};

const sum = <T>(items: Iterable<T>, valueOf: (item: T) => number): number => {
  let total = 0;
  for (const item of items) total += valueOf(item);
  return total;
};

const scaled = (estimate: Estimate, factor: number): Estimate => ({
  value: estimate.value * factor,
  low: estimate.low * factor,
  high: estimate.high * factor,
});

/** (incremental − cost) / cost is increasing in the incremental revenue, so its interval maps over directly. */
const roiOf = (incremental: Estimate, cost: number): Estimate => ({
  value: (incremental.value - cost) / cost,
  low: (incremental.low - cost) / cost,
  high: (incremental.high - cost) / cost,
});

const isTooSmall = (contacted: GroupFigures, control: GroupFigures): boolean =>
  control.members < MIN_CONTROL_MEMBERS || contacted.buyers + control.buyers < MIN_BUYERS;

const judged = (measure: Estimate): Verdict =>
  measure.low > 0 ? 'paidOff' : measure.high < 0 ? 'notPaidOff' : 'uncertain';

const membersOf = (members: readonly EvaluatedMember[], group: MemberGroup): EvaluatedMember[] =>
  members.filter((member) => member.group === group);

type Effect = Effects & Pick<CampaignEvaluation, 'verdict'>;

const judgedBuyers = (uplift: Estimate): Verdict =>
  uplift.low > 0 ? 'moreBuyers' : uplift.high < 0 ? 'fewerBuyers' : 'uncertain';

interface EffectSettings {
  cost: number | null;
  metric: CampaignEvaluation['primaryMetric'];
  roiBasis: RoiBasis;
  bootstrap: { seed: number; resamples: number };
}

/**
 * Contacted against control: the uplift with its intervals, what it earned, and the verdict, stated from the primary
 * metric only: the buyer share's uplift, or the return (without a cost: the incremental revenue).
 */
const effectOf = (
  contacted: GroupResult,
  control: GroupResult,
  { cost, metric, roiBasis, bootstrap }: EffectSettings,
): Effect => {
  const conversionUplift = newcombeDifference(
    contacted.figures.buyers,
    contacted.figures.members,
    control.figures.buyers,
    control.figures.members,
  );
  const revenuePerMemberUplift = bootstrapMeanDifference(
    contacted.revenues,
    control.revenues,
    bootstrap.seed,
    bootstrap.resamples,
  );
  const incrementalRevenue = scaled(revenuePerMemberUplift, contacted.figures.members);
  const incrementalMargin =
    roiBasis === 'margin'
      ? scaled(
          bootstrapMeanDifference(contacted.margins, control.margins, bootstrap.seed, bootstrap.resamples),
          contacted.figures.members,
        )
      : null;
  const roi = cost !== null && cost > 0 ? roiOf(incrementalMargin ?? incrementalRevenue, cost) : null;
  const primary =
    metric === 'conversion' ? judgedBuyers(conversionUplift) : judged(roi ?? incrementalRevenue);
  const verdict = isTooSmall(contacted.figures, control.figures) ? 'controlTooSmall' : primary;
  return {
    conversionUplift,
    revenuePerMemberUplift,
    incrementalRevenue,
    incrementalMargin,
    roi,
    roiBasis,
    verdict,
  };
};

/** A campaign that writes to inactive customers: some of them come back on their own (regression to the mean). */
export const selectsInactive = (campaign: StoredCampaign): boolean =>
  campaign.selections.some((selection) => selection.from === 'inactiveCustomers');

const returnShare = (buyers: number, members: number): Estimate => ({
  value: members > 0 ? buyers / members : 0,
  ...wilsonInterval(buyers, members),
});

const marginNote = (margins: WorkbookData['margins']): EvaluationNote[] =>
  margins && margins.estimatedLines > 0
    ? [{ code: 'marginEstimated', count: margins.estimatedLines, share: margins.averageShare }]
    : [];

/** Before the start: who is in which group, nothing measured yet. */
const beforeTheStart = (input: EvaluationInput, window: EvaluationWindow): CampaignEvaluation => {
  const { campaign, members } = input;
  const control = membersOf(members, 'control').length;
  return {
    campaignId: campaign.id,
    name: campaign.name,
    type: campaign.type,
    status: campaign.status ?? 'planned',
    start: window.start,
    windowEnd: window.windowEnd,
    windowDays: window.windowDays,
    daysObserved: window.daysObserved,
    cost: campaign.cost !== undefined && Number.isFinite(campaign.cost) ? campaign.cost : null,
    primaryMetric: campaign.primaryMetric ?? DEFAULT_PRIMARY_METRIC,
    contacted: emptyFigures(members.length - control),
    control: control > 0 ? emptyFigures(control) : null,
    returnedAnyway: null,
    conversionUplift: null,
    revenuePerMemberUplift: null,
    incrementalRevenue: null,
    incrementalMargin: null,
    roi: null,
    roiBasis: input.margins ? 'margin' : 'revenue',
    verdict: 'notStarted',
    notes: note('noCustomerNumber', members.filter((member) => customerKey(member.customerId) === '').length),
    leads: leadFigures(input.leads, campaign),
  };
};

/** What the user should know about the sales behind the figures. */
const dataNotes = (
  sharers: ReadonlyMap<string, number>,
  activities: ReadonlyMap<string, CustomerActivity>,
): EvaluationNote[] => [
  ...note(
    'sharedCustomer',
    sum(sharers.values(), (count) => (count > 1 ? count : 0)),
  ),
  ...note(
    'returns',
    sum(activities.values(), (activity) => activity.returns),
  ),
  ...note(
    'undatedSales',
    sum(activities.values(), (activity) => activity.undated),
  ),
];

/**
 * How a campaign did: buyers, revenue and orders of the contacted members and of the control group within the
 * evaluation window, the uplift with 95 % intervals, the incremental revenue and the return on the cost. Pure and
 * deterministic: the bootstrap is seeded from the campaign id.
 */
export const evaluateCampaign = (input: EvaluationInput): CampaignEvaluation => {
  const window = evaluationWindow(input.campaign, input.today);
  const base = beforeTheStart(input, window);
  const { start, windowEnd } = window;
  if (start === null || windowEnd === null) return base;

  const index = indexSales(input.sales);
  const sharers = countBy(input.members, (member) => customerKey(member.customerId));
  const activities = new Map<string, CustomerActivity>();
  for (const key of sharers.keys()) {
    activities.set(key, activityOf(input.sales, index.byCustomer.get(key) ?? [], start, windowEnd));
  }
  const contacted = groupResult(membersOf(input.members, 'contacted'), activities, sharers);
  const control = groupResult(membersOf(input.members, 'control'), activities, sharers);
  const others = input.others ?? [];
  const inactive = selectsInactive(input.campaign);
  const observed: CampaignEvaluation = {
    ...base,
    contacted: contacted.figures,
    control: base.control && control.figures,
    notes: [
      ...base.notes,
      ...dataNotes(sharers, activities),
      ...marginNote(input.margins),
      ...overlapNote(input.members, others, start, windowEnd),
      ...contaminationNote(input.members, others, workedLeads(input.leads), { start, end: windowEnd }),
      ...note('inactiveWithoutControl', inactive && !base.control ? 1 : 0),
      ...note('windowOpen', window.daysLeft),
    ],
  };
  if (!hasDayBetween(index.days, start, windowEnd)) return { ...observed, verdict: 'noSalesYet' };
  if (!observed.control) return { ...observed, verdict: 'noControl' };
  return {
    ...observed,
    // Only once sales are in: before, a share of 0 would read as "nobody came back".
    returnedAnyway: inactive ? returnShare(control.figures.buyers, control.figures.members) : null,
    ...effectOf(contacted, control, {
      cost: observed.cost,
      metric: observed.primaryMetric,
      roiBasis: observed.roiBasis,
      bootstrap: { seed: seedFrom(input.campaign.id), resamples: input.resamples ?? DEFAULT_RESAMPLES },
    }),
  };
};
