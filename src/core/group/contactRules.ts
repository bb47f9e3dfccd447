import type { ContactLimit } from '../campaign/campaign';
import type { ContactEntry, ContactHistorySheet, Day } from '../kernel/model';
import { namesCampaign, withinDays } from './historySelections';
import type { Exclusion, ExclusionReason, Member, SelectionReport, TargetGroup } from './targetGroupModel';

/** Another campaign whose control group is still being measured: contacting its members would spoil its evaluation. */
export interface ProtectedGroup {
  campaign: string;
  start: Day;
  /** The keys of the members it holds back. */
  keys: ReadonlySet<string>;
}

/** What the contact history forbids for a campaign being built. */
export interface ContactRules {
  /** The campaign itself, by id and name: its own earlier uses never count against it. */
  campaign: { id?: string; name: string };
  limit?: ContactLimit;
  protectedGroups: readonly ProtectedGroup[];
}

const keysOf = (member: Member): string[] => [member.key, ...(member.mergedKeys ?? [])];

const isOwn = (entry: ContactEntry, campaign: ContactRules['campaign']): boolean =>
  (campaign.id !== undefined && namesCampaign(entry, campaign.id)) || namesCampaign(entry, campaign.name);

/** Contacts by other campaigns within the limit's days, per key: one use of a campaign on one day is one contact. */
const contactsByKey = (
  history: ContactHistorySheet | undefined,
  rules: ContactRules,
  today: Day,
): Map<string, ContactEntry[]> => {
  const byKey = new Map<string, ContactEntry[]>();
  if (!rules.limit) return byKey;
  for (const entry of history?.entries ?? []) {
    if (entry.control || isOwn(entry, rules.campaign) || !withinDays(entry.day, today, rules.limit.days))
      continue;
    const entries = byKey.get(entry.key) ?? [];
    entries.push(entry);
    byKey.set(entry.key, entries);
  }
  return byKey;
};

const useOf = (entry: ContactEntry): string =>
  `${entry.campaignId || entry.campaign.toLowerCase()}|${entry.day}`;

/** The latest contact that puts the member over the limit, or null. */
const overLimit = (
  member: Member,
  contacts: Map<string, ContactEntry[]>,
  limit: ContactLimit,
): ContactEntry | null => {
  const entries = keysOf(member).flatMap((key) => contacts.get(key) ?? []);
  const uses = new Set(entries.map(useOf));
  if (uses.size < limit.contacts) return null;
  return entries.reduce((latest, entry) => (entry.day > latest.day ? entry : latest));
};

const verdict = (
  member: Member,
  contacts: Map<string, ContactEntry[]>,
  rules: ContactRules,
): Pick<Exclusion, 'reason' | 'contact'> | null => {
  const keys = keysOf(member);
  const guarded = rules.protectedGroups.find((group) => keys.some((key) => group.keys.has(key)));
  if (guarded)
    return { reason: 'controlGroupProtected', contact: { campaign: guarded.campaign, day: guarded.start } };
  const latest = rules.limit ? overLimit(member, contacts, rules.limit) : null;
  return latest ? { reason: 'contactLimit', contact: { campaign: latest.campaign, day: latest.day } } : null;
};

const counted = (report: SelectionReport, reason: ExclusionReason): SelectionReport => ({
  ...report,
  added: report.added - 1,
  excluded: { ...report.excluded, [reason]: (report.excluded[reason] ?? 0) + 1 },
});

export const restricts = (rules: ContactRules): boolean =>
  rules.limit !== undefined || rules.protectedGroups.length > 0;

/**
 * Leaves out the members the contact history protects: members of another campaign's control group while it is
 * evaluated, and members over the contact limit. Each is listed with the campaign that contacted or holds them and
 * counted as excluded by the selection that added them.
 */
const applyContactRules = (
  group: TargetGroup,
  history: ContactHistorySheet | undefined,
  rules: ContactRules,
  today: Day,
): TargetGroup => {
  if (!restricts(rules)) return group;
  const contacts = contactsByKey(history, rules, today);
  const members: Member[] = [];
  const excluded: Exclusion[] = [];
  const reports = [...group.reports];
  for (const member of group.members) {
    const found = verdict(member, contacts, rules);
    if (!found) {
      members.push(member);
      continue;
    }
    const { key, recipient, selectionIndex } = member;
    excluded.push({ key, recipient, selectionIndex, ...found });
    const index = reports.findIndex((report) => report.selectionIndex === selectionIndex);
    if (index >= 0) reports[index] = counted(reports[index], found.reason);
  }
  return { ...group, members, excluded: [...group.excluded, ...excluded], reports };
};

const RULE_REASONS: ReadonlySet<ExclusionReason> = new Set(['contactLimit', 'controlGroupProtected']);

/**
 * The rules on the members one more selection added to a group that already obeys them (the pane adds selection by
 * selection): the members it had were checked when they came in. A member the rules had left out and the selection
 * found again stays out, listed once, counted by this selection.
 */
export const applyContactRulesToAdded = (
  before: TargetGroup,
  after: TargetGroup,
  history: ContactHistorySheet | undefined,
  rules: ContactRules,
  today: Day,
): TargetGroup => {
  const known = new Set(before.members.map((member) => member.key));
  const added = after.members.filter((member) => !known.has(member.key));
  if (added.length === 0) return after;
  const ruled = applyContactRules({ ...after, members: added }, history, rules, today);
  const fresh = ruled.excluded.slice(after.excluded.length);
  if (fresh.length === 0) return after;
  const out = new Set(fresh.map((exclusion) => exclusion.key));
  return {
    ...after,
    members: after.members.filter((member) => known.has(member.key) || !out.has(member.key)),
    excluded: [
      ...after.excluded.filter(
        (exclusion) => !(out.has(exclusion.key) && RULE_REASONS.has(exclusion.reason)),
      ),
      ...fresh,
    ],
    reports: ruled.reports,
  };
};
