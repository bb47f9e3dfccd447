import type { GroupAssignment } from './campaign';
import type { MemberGroup } from './evaluation/model';
import type { Day, SaleLine } from './model';
import { customerKey } from './recipients';
import { cyrb53 } from './stableHash';
import type { Member } from './targetGroupModel';

/** How much a member's customer bought in the year before the start; one of the strata of the control group. */
export type PurchaseSegment = 'none' | 'belowMedian' | 'atOrAboveMedian';

/** What the assignment needs of a member: a target group's Member fits. */
export type GroupCandidate = Pick<Member, 'key' | 'selectionIndex'> & {
  recipient: { customerId: string };
};

export interface AssignGroupsInput {
  /** Seeds the draw: the same campaign always holds back the same members. */
  campaignId: string;
  /** Share held back in percent; 0 or absent: nobody. */
  controlPercent: number | undefined;
  members: readonly GroupCandidate[];
  sales: readonly SaleLine[];
  /** The campaign's start: purchases in the 365 days before it make the segments. */
  start: Day;
  /** The assignment stored at the last use: these decisions are kept as they are. */
  previous?: GroupAssignment;
}

export const PRIOR_PURCHASE_DAYS = 365;

/** Net revenue per customer key in [start − 365, start − 1]; returns subtract. */
const priorRevenue = (sales: readonly SaleLine[], wanted: ReadonlySet<string>, start: Day) => {
  const revenue = new Map<string, number>();
  const keyOf = new Map<string, string>();
  for (const line of sales) {
    if (line.day === null || line.amount === null) continue;
    if (line.day < start - PRIOR_PURCHASE_DAYS || line.day >= start) continue;
    let key = keyOf.get(line.customerId);
    if (key === undefined) keyOf.set(line.customerId, (key = customerKey(line.customerId)));
    if (wanted.has(key)) revenue.set(key, (revenue.get(key) ?? 0) + line.amount);
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
  sales: readonly SaleLine[],
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

/** Undecided members of one stratum, in the campaign's own random order. */
const drawOrder = (campaignId: string, keys: string[]): string[] =>
  keys
    .map((key) => ({ key, rank: cyrb53(`${campaignId}|${key}`) }))
    .sort((a, b) => a.rank - b.rank || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .map(({ key }) => key);

const strataOf = (members: readonly GroupCandidate[], segments: PurchaseSegment[]): GroupCandidate[][] => {
  const strata = new Map<string, GroupCandidate[]>();
  members.forEach((member, i) => {
    const stratum = `${member.selectionIndex}|${segments[i]}`;
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
 * Who is held back as the control group. Stratified by the selection that added a member and by its prior purchases,
 * so that the control group looks like the contacted members. Within each stratum the undecided members are drawn in
 * the order of stableHash(campaignId | key) until the stratum holds round(percent × stratum size) control members;
 * decisions of `previous` never change, also for members that have left the group since (they were contacted or
 * held back back then, and must not switch groups when they come back).
 */
export const assignGroups = (input: AssignGroupsInput): GroupAssignment => {
  const { campaignId, members, previous } = input;
  const percent = input.controlPercent ?? 0;
  const decided = decisionsOf(previous);
  const control = [...(previous?.control ?? [])];
  const contacted = [...(previous?.contacted ?? [])];
  const undecided = members.filter((member) => !decided.has(member.key));
  // Without a share nobody new is held back: no need to read the sales for the strata.
  if (percent <= 0) return { control, contacted: [...contacted, ...undecided.map((member) => member.key)] };
  if (undecided.length === 0) return { control, contacted };
  const segments = purchaseSegments(members, input.sales, input.start);
  for (const stratum of strataOf(members, segments)) {
    const wanted = Math.round((percent * stratum.length) / 100);
    const held = stratum.filter((member) => decided.get(member.key) === 'control').length;
    const open = stratum.filter((member) => !decided.has(member.key)).map((member) => member.key);
    const order = drawOrder(campaignId, open);
    const draw = Math.max(0, wanted - held);
    // A loop, not push(...keys): a stratum of 100,000 members would overflow the call stack as arguments.
    order.forEach((key, i) => (i < draw ? control : contacted).push(key));
  }
  return { control, contacted };
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
