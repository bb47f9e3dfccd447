import type { StoredCampaign } from '../campaign/campaign';
import { assignGroups, groupOf, hasControlGroup } from '../group/controlGroup';
import type { MemberGroup } from '../group/targetGroupModel';
import type { Day } from '../kernel/model';
import type { SalesLines } from '../kernel/salesLines';
import { letterOptionsOf, targetGroupTable } from '../outputs/targetTable';
import { preflight, type PreflightReport } from '../outputs/preflight';
import { inPostalOrder, lettersByRegion, type LetterRegions } from '../outputs/postalOrder';
import type { TableData } from '../kernel/sheetTable';
import type { AddinState } from '../state/state';
import type { Member, TargetGroup } from '../group/targetGroupModel';
import { dayToIso, isoToDay } from '../kernel/values';

/** A target group as it is used (written to its sheet, exported, turned into leads): who is contacted, who held back. */
export interface GroupUse {
  /**
   * The campaign with its start (today, if it had none), the assignment that includes every current member, and
   * these members as what the next refresh compares with.
   */
  campaign: StoredCampaign;
  group: TargetGroup;
  contacted: Member[];
  control: Member[];
  /** Whether the outputs say who is held back (the target sheet's "Gruppe" column). */
  hasControlGroup: boolean;
  groupOf: (key: string) => MemberGroup;
}

/**
 * Splits the target group for its use. Pure: the pane calls it for the preview before the first use too, and the
 * callers that write store `use.campaign` (see recordUse), so that every later use keeps these decisions.
 * The assignment is stored also without a control group: it records who got the campaign, so a control group
 * switched on later never holds back someone who was contacted already.
 */
export const splitTargetGroup = (
  campaign: StoredCampaign,
  group: TargetGroup,
  sales: SalesLines,
  today: Day,
): GroupUse => {
  const start = campaign.start ?? dayToIso(today);
  const assignment = assignGroups({
    campaignId: campaign.id,
    controlPercent: campaign.controlPercent,
    members: group.members,
    sales,
    start: isoToDay(start) ?? today,
    previous: campaign.assignment,
  });
  const used: StoredCampaign = {
    ...campaign,
    start,
    assignment,
    members: group.members.map((member) => member.key),
  };
  const groupOfKey = (key: string): MemberGroup => groupOf(assignment, key);
  const contacted: Member[] = [];
  const control: Member[] = [];
  for (const member of group.members)
    (groupOfKey(member.key) === 'control' ? control : contacted).push(member);
  return {
    campaign: used,
    group,
    contacted,
    control,
    hasControlGroup: hasControlGroup(used),
    groupOf: groupOfKey,
  };
};

/** The campaign's own sheet: every member, with the "Gruppe" column when there is a control group. */
export const targetSheetTable = (use: GroupUse, selectionLabels: string[]): TableData =>
  targetGroupTable(use.group, use.campaign, selectionLabels, use.hasControlGroup ? use.groupOf : undefined);

/** Who goes out, in the order of the CSV: the contacted members; letters sorted by postal code for the post. */
export const exportMembers = (use: GroupUse): Member[] =>
  use.campaign.type === 'letter' ? inPostalOrder(use.contacted) : use.contacted;

/** What goes out (CSV for mail merge and newsletter tools): the contacted members only, without a group column. */
export const exportTable = (use: GroupUse, selectionLabels: string[]): TableData =>
  targetGroupTable({ ...use.group, members: exportMembers(use) }, use.campaign, selectionLabels);

/** Both tables; without a control group and for any type but letters they are the same table, built once. */
export const tablesForUse = (
  use: GroupUse,
  selectionLabels: string[],
): { target: TableData; export: TableData } => {
  const target = targetSheetTable(use, selectionLabels);
  const same = !use.hasControlGroup && use.campaign.type !== 'letter';
  return { target, export: same ? target : exportTable(use, selectionLabels) };
};

export interface ExportCheck {
  preflight: PreflightReport;
  /** Letters only: how many go to each Leitregion (Dialogpost). */
  letterRegions: LetterRegions | null;
}

/** The pre-flight of what would be exported, shown before every export (pane step 4, the command line's summary). */
export const checkExport = (use: GroupUse): ExportCheck => {
  const members = exportMembers(use);
  return {
    preflight: preflight(members, use.campaign.type, letterOptionsOf(use.campaign)),
    letterRegions: use.campaign.type === 'letter' ? lettersByRegion(members) : null,
  };
};

/** The state with the campaign as used (start, assignment) in place of its stored version. */
export const recordUse = (state: AddinState, campaign: StoredCampaign): AddinState => ({
  ...state,
  campaigns: state.campaigns.map((stored) => (stored.id === campaign.id ? campaign : stored)),
});
