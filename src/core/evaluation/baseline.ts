import type { CampaignDefinition, SelectionDefinition } from '../campaign/campaign';
import { purchaseSegments, type GroupCandidate } from '../group/controlGroup';
import { buildTargetGroup } from '../group/targetGroup';
import type { Day, WorkbookData } from '../kernel/model';
import { dayToIso, isoToDay } from '../kernel/values';
import { firstSaleDay, memberRevenues } from './evaluate';

/**
 * What the campaign's members would do without it, from the workbook's own history: the customers the same
 * selections found at the start of an earlier window of the campaign's length, weighted by the strata the control
 * group is drawn from (selection × purchases in the year before), so that the baseline describes people like the
 * members, not the whole customer base.
 */

/** 'yearEarlier': the same days one year before (same season); 'latestFree': the latest full window before the start. */
export type BaselineWindow = 'yearEarlier' | 'latestFree';

export interface Baseline {
  window: BaselineWindow;
  /** First and last day of the historical window. */
  start: Day;
  end: Day;
  /** Customers the selections found at the window's start. */
  comparable: number;
  /** Share of buyers (net revenue > 0 in the window). */
  conversion: number;
  revenuePerMember: number;
  /** Standard deviation of one member's revenue in the window: what the revenue's detectable effect depends on. */
  revenueSpread: number;
}

/** A window some campaign's purchases count in: the baseline must not measure another campaign's effect. */
export interface CampaignWindow {
  start: Day;
  end: Day;
}

export interface BaselineInput {
  data: WorkbookData;
  campaign: CampaignDefinition;
  /** The campaign's members as at its start: their strata weight the history. */
  members: readonly GroupCandidate[];
  start: Day;
  windowDays: number;
  /** The last day whose sales are known (today). */
  today: Day;
  /** The windows of the other campaigns. */
  others: readonly CampaignWindow[];
}

const YEAR = 365;

const shiftIso = (iso: string | undefined, offset: number): string | undefined => {
  const day = iso === undefined ? null : isoToDay(iso);
  return day === null ? iso : dayToIso(day + offset);
};

/** A selection as it would have been made `offset` days later (negative: earlier); fixed dates move along. */
const shiftedSelection = (selection: SelectionDefinition, offset: number): SelectionDefinition => {
  switch (selection.from) {
    case 'inactiveCustomers':
      return { ...selection, asOf: shiftIso(selection.asOf, offset) };
    case 'purchasedArticles':
      return {
        ...selection,
        since: shiftIso(selection.since, offset),
        until: shiftIso(selection.until, offset),
      };
    default:
      return selection;
  }
};

const overlaps = (a: CampaignWindow, b: CampaignWindow): boolean => a.start <= b.end && b.start <= a.end;

/** The same days a year earlier if the sales reach back and no campaign ran then; else the latest such window. */
export const baselineWindow = (
  input: Pick<BaselineInput, 'start' | 'windowDays' | 'today' | 'others'>,
  firstDay: Day,
): (CampaignWindow & { window: BaselineWindow }) | null => {
  const { start, windowDays, today, others } = input;
  const usable = (window: CampaignWindow) =>
    window.start >= firstDay &&
    window.end < Math.min(start, today + 1) &&
    !others.some((o) => overlaps(o, window));
  const yearEarlier = { start: start - YEAR, end: start - YEAR + windowDays - 1 };
  if (usable(yearEarlier)) return { ...yearEarlier, window: 'yearEarlier' };
  const lastDay = Math.min(start, today + 1) - 1;
  for (let end = lastDay; end - windowDays + 1 >= firstDay; end -= windowDays) {
    const window = { start: end - windowDays + 1, end };
    if (usable(window)) return { ...window, window: 'latestFree' };
  }
  return null;
};

const stratumKeys = (members: readonly GroupCandidate[], data: WorkbookData, day: Day): string[] => {
  const segments = purchaseSegments(members, data.sales, day);
  return members.map((member, i) => `${member.selectionIndex}|${segments[i]}`);
};

interface Moments {
  n: number;
  buyers: number;
  sum: number;
  squares: number;
}

const emptyMoments = (): Moments => ({ n: 0, buyers: 0, sum: 0, squares: 0 });

const add = (moments: Moments, revenue: number): void => {
  moments.n++;
  if (revenue > 0) moments.buyers++;
  moments.sum += revenue;
  moments.squares += revenue * revenue;
};

/** The campaign's share of members per stratum; one stratum holding everyone when the group is still empty. */
const weightsOf = (keys: readonly string[]): Map<string, number> => {
  const weights = new Map<string, number>();
  for (const key of keys) weights.set(key, (weights.get(key) ?? 0) + 1 / keys.length);
  return weights;
};

/** The historical baseline; null when the sales do not reach back one full window free of other campaigns. */
export const historicalBaseline = (input: BaselineInput): Baseline | null => {
  const firstDay = firstSaleDay(input.data.sales);
  const window = firstDay === null ? null : baselineWindow(input, firstDay);
  if (window === null) return null;
  const offset = window.start - input.start;
  const then = {
    ...input.campaign,
    selections: input.campaign.selections.map((s) => shiftedSelection(s, offset)),
  };
  const comparable = buildTargetGroup(input.data, then, { today: window.start }).members;
  if (comparable.length === 0) return null;
  const revenues = memberRevenues(
    comparable.map((member) => ({ customerId: member.recipient.customerId })),
    input.data.sales,
    window.start,
    window.end,
  );
  const all = emptyMoments();
  const strata = new Map<string, Moments>();
  stratumKeys(comparable, input.data, window.start).forEach((key, i) => {
    if (!strata.has(key)) strata.set(key, emptyMoments());
    add(strata.get(key) as Moments, revenues[i]);
    add(all, revenues[i]);
  });
  const weights =
    input.members.length > 0
      ? weightsOf(stratumKeys(input.members, input.data, input.start))
      : new Map([['', 1]]);
  let conversion = 0;
  let mean = 0;
  let second = 0;
  for (const [key, weight] of weights) {
    // A stratum the history does not have (no such customers back then) gets the figures of all comparable ones.
    const m = strata.get(key) ?? all;
    conversion += (weight * m.buyers) / m.n;
    mean += (weight * m.sum) / m.n;
    second += (weight * m.squares) / m.n;
  }
  return {
    window: window.window,
    start: window.start,
    end: window.end,
    comparable: comparable.length,
    conversion,
    revenuePerMember: mean,
    revenueSpread: Math.sqrt(Math.max(0, second - mean * mean)),
  };
};
