import type { GroupAssignment } from '../campaign/campaign';
import type { MemberGroup } from './targetGroupModel';
import type { Day } from '../kernel/model';
import type { SalesLines } from '../kernel/salesLines';
import { customerKey } from '../read/customerKeys';
import { cyrb53 } from '../kernel/stableHash';
import type { Member } from './targetGroupModel';

/** How much a member's customer bought in the year before the start; one of the strata of the control group. */
export type PurchaseSegment = 'none' | 'belowMedian' | 'atOrAboveMedian';

/** What the assignment needs of a member: a target group's Member fits. */
export type GroupCandidate = Pick<Member, 'key' | 'selectionIndex' | 'mergedKeys'> & {
  recipient: { customerId: string };
};

export interface AssignGroupsInput {
  /** Seeds the draw: the same campaign always holds back the same members. */
  campaignId: string;
  /** Share held back in percent; 0 or absent: nobody. */
  controlPercent: number | undefined;
  members: readonly GroupCandidate[];
  sales: SalesLines;
  /** The campaign's start: purchases in the 365 days before it make the segments. */
  start: Day;
  /** The assignment stored at the last use: these decisions are kept as they are. */
  previous?: GroupAssignment;
}

export const PRIOR_PURCHASE_DAYS = 365;

/** Net revenue per customer key in [start − 365, start − 1]; returns subtract. */
const priorRevenue = (sales: SalesLines, wanted: ReadonlySet<string>, start: Day) => {
  const revenue = new Map<string, number>();
  const { days, amounts, customerCodes } = sales;
  const keys = sales.customerIdTexts.map(customerKey);
  for (let i = 0; i < sales.length; i++) {
    const day = days[i];
    const amount = amounts[i];
    // An undated line or one without amount (NaN) fails both comparisons or is skipped.
    if (Number.isNaN(amount) || !(day >= start - PRIOR_PURCHASE_DAYS && day < start)) continue;
    const key = keys[customerCodes[i]];
    if (wanted.has(key)) revenue.set(key, (revenue.get(key) ?? 0) + amount);
  }
  return revenue;
};

const median = (sorted: readonly number[]): number => {
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

/**
 * Each member's segment: no purchase (net revenue ≤ 0 or no customer number), below or at/above the median net revenue
 * of the members' customers that bought. Two contacts of one firm share their customer's segment.
 */
export const purchaseSegments = (
  members: readonly GroupCandidate[],
  sales: SalesLines,
  start: Day,
): PurchaseSegment[] => {
  const keys = members.map((member) => customerKey(member.recipient.customerId));
  const revenue = priorRevenue(sales, new Set(keys.filter((key) => key !== '')), start);
  const buyers = [...revenue.values()].filter((amount) => amount > 0).sort((a, b) => a - b);
  const middle = buyers.length > 0 ? median(buyers) : 0;
  return keys.map((key) => {
    const amount = revenue.get(key) ?? 0;
    if (amount <= 0) return 'none';
    return amount < middle ? 'belowMedian' : 'atOrAboveMedian';
  });
};

/**
 * Purchases are counted per customer number, so contacts of one firm are drawn together: a control member whose
 * colleague got the letter would carry the campaign's effect into the control group. Without a number, a member is
 * its own cluster.
 */
const clusterOf = (member: GroupCandidate): string => {
  const customer = customerKey(member.recipient.customerId);
  return customer === '' ? `m:${member.key}` : `k:${customer}`;
};

/** Undecided clusters of one stratum with their members, in the campaign's own random order. */
const drawOrder = (campaignId: string, clusters: Map<string, string[]>): string[][] =>
  [...clusters]
    .map(([cluster, keys]) => ({ cluster, keys, rank: cyrb53(`${campaignId}|${cluster}`) }))
    .sort((a, b) => a.rank - b.rank || (a.cluster < b.cluster ? -1 : 1))
    .map(({ keys }) => keys);

/** A firm's stratum is that of its first member in the group (the selection that found the firm first). */
const strataOf = (members: readonly GroupCandidate[], segments: PurchaseSegment[]): GroupCandidate[][] => {
  const strata = new Map<string, GroupCandidate[]>();
  const stratumOfCluster = new Map<string, string>();
  members.forEach((member, i) => {
    const cluster = clusterOf(member);
    let stratum = stratumOfCluster.get(cluster);
    if (stratum === undefined)
      stratumOfCluster.set(cluster, (stratum = `${member.selectionIndex}|${segments[i]}`));
    const list = strata.get(stratum);
    if (list) list.push(member);
    else strata.set(stratum, [member]);
  });
  return [...strata.values()];
};

const decisionsOf = (assignment: GroupAssignment | undefined): Map<string, MemberGroup> => {
  const decided = new Map<string, MemberGroup>();
  for (const key of assignment?.contacted ?? []) decided.set(key, 'contacted');
  for (const key of assignment?.control ?? []) decided.set(key, 'control');
  return decided;
};

/**
 * A member merged from rows that were decided apart (two rows of one person, used before they were known to be one)
 * keeps that decision under its own key: contacted if any of them was — they got the campaign, so they cannot be the
 * control — else held back. A person never lands in both groups.
 */
const inheritMergedDecisions = (
  members: readonly GroupCandidate[],
  decided: Map<string, MemberGroup>,
  out: GroupAssignment,
): void => {
  for (const member of members) {
    if (decided.has(member.key) || !member.mergedKeys) continue;
    const groups = member.mergedKeys.map((key) => decided.get(key));
    const group = groups.includes('contacted') ? 'contacted' : groups.includes('control') ? 'control' : null;
    if (group === null) continue;
    decided.set(member.key, group);
    out[group].push(member.key);
  }
};

/** The group a firm already has through a decided member: a newly added colleague joins it. */
const clusterDecisions = (members: readonly GroupCandidate[], decided: Map<string, MemberGroup>) => {
  const groups = new Map<string, MemberGroup>();
  for (const member of members) {
    const group = decided.get(member.key);
    if (group !== undefined && !groups.has(clusterOf(member))) groups.set(clusterOf(member), group);
  }
  return groups;
};

/**
 * Draws whole firms in random order until the stratum's control count is as close to its target as firm sizes allow;
 * with one member per firm that is exactly round(percent × stratum size).
 */
const drawStratum = (
  campaignId: string,
  stratum: GroupCandidate[],
  percent: number,
  decided: Map<string, MemberGroup>,
  byCluster: Map<string, MemberGroup>,
  out: GroupAssignment,
): void => {
  const wanted = Math.round((percent * stratum.length) / 100);
  let held = stratum.filter((member) => decided.get(member.key) === 'control').length;
  const open = new Map<string, string[]>();
  for (const member of stratum) {
    if (decided.has(member.key)) continue;
    const cluster = clusterOf(member);
    const joined = byCluster.get(cluster);
    if (joined !== undefined) {
      out[joined].push(member.key);
      if (joined === 'control') held++;
      continue;
    }
    const keys = open.get(cluster);
    if (keys) keys.push(member.key);
    else open.set(cluster, [member.key]);
  }
  for (const keys of drawOrder(campaignId, open)) {
    const closer = Math.abs(held + keys.length - wanted) < Math.abs(held - wanted);
    const group: MemberGroup = held < wanted && closer ? 'control' : 'contacted';
    if (group === 'control') held += keys.length;
    // A loop, not push(...keys): a stratum of 100,000 members would overflow the call stack as arguments.
    for (const key of keys) out[group].push(key);
  }
};

/**
 * Who is held back as the control group. Stratified by the selection that added a member and by its prior purchases,
 * so that the control group looks like the contacted members, and drawn per firm (customer number), since purchases
 * are counted per firm. Within each stratum the undecided firms are drawn in the order of
 * stableHash(campaignId | customer number) until the stratum holds about round(percent × stratum size) control members.
 * A member is one merged unit (person, address, firm or household), so its rows are drawn together;
 * decisions of `previous` never change, also for members that have left the group since (they were contacted or
 * held back back then, and must not switch groups when they come back). A colleague added later joins the firm's group.
 */
export const assignGroups = (input: AssignGroupsInput): GroupAssignment => {
  const { campaignId, members, previous } = input;
  const percent = input.controlPercent ?? 0;
  const decided = decisionsOf(previous);
  const out: GroupAssignment = {
    control: [...(previous?.control ?? [])],
    contacted: [...(previous?.contacted ?? [])],
  };
  inheritMergedDecisions(members, decided, out);
  const undecided = members.filter((member) => !decided.has(member.key));
  // Without a share nobody new is held back: no need to read the sales for the strata.
  if (percent <= 0) {
    for (const member of undecided) out.contacted.push(member.key);
    return out;
  }
  if (undecided.length === 0) return out;
  const segments = purchaseSegments(members, input.sales, input.start);
  const byCluster = clusterDecisions(members, decided);
  for (const stratum of strataOf(members, segments))
    drawStratum(campaignId, stratum, percent, decided, byCluster, out);
  return out;
};

const controlSets = new WeakMap<GroupAssignment, ReadonlySet<string>>();

/** A member's group; members never assigned (no assignment yet, or added after the last use) count as contacted. */
export const groupOf = (assignment: GroupAssignment | undefined, key: string): MemberGroup => {
  if (assignment === undefined || assignment.control.length === 0) return 'contacted';
  let control = controlSets.get(assignment);
  if (control === undefined) controlSets.set(assignment, (control = new Set(assignment.control)));
  return control.has(key) ? 'control' : 'contacted';
};

/** Whether members are (or will be) held back: a share is set, or members were held back at an earlier use. */
export const hasControlGroup = (campaign: {
  controlPercent?: number;
  assignment?: GroupAssignment;
}): boolean => (campaign.controlPercent ?? 0) > 0 || (campaign.assignment?.control.length ?? 0) > 0;

/**
 * Two records of the same campaign's decisions (e.g. a pane draft opened before the last use, and the stored one):
 * every decision of `kept` stays, `other` only adds members `kept` has not decided.
 */
export const mergeAssignments = (
  kept: GroupAssignment | undefined,
  other: GroupAssignment | undefined,
): GroupAssignment | undefined => {
  if (kept === undefined || other === undefined) return kept ?? other;
  const decided = decisionsOf(kept);
  return {
    control: [...kept.control, ...other.control.filter((key) => !decided.has(key))],
    contacted: [...kept.contacted, ...other.contacted.filter((key) => !decided.has(key))],
  };
};
