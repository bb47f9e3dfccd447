import type { StoredCampaign } from '../campaign/campaign';
import type { ContactHistorySheet, Recipient } from '../kernel/model';
import { displayName } from '../outputs/preflight';
import type { Exclusion, ExclusionReason, Member, TargetGroup } from '../group/targetGroupModel';

/**
 * "Aktualisieren": a used campaign's stored selections run again on today's data, and the difference is shown before
 * anything changes. What it compares with is the group as last used or refreshed (`StoredCampaign.members`), not the
 * whole assignment: the assignment keeps every member ever decided, also those who left long ago, and would show them
 * as leaving again at every refresh.
 */

/** How a member's place in the group changed, in the order they are shown. Closed: each has its heading. */
export const REFRESH_CATEGORIES = [
  'added',
  'noLongerMatching',
  'optOut',
  'contactLimit',
  'noConsent',
] as const;
export type RefreshCategory = (typeof REFRESH_CATEGORIES)[number];

export interface RefreshChange {
  category: RefreshCategory;
  /** The member's key: the new member's, or the key the last use recorded for the one who leaves. */
  key: string;
  /** Who, as the pane and the command line show them ("Anna Schmidt (Müller GmbH)"). */
  name: string;
  /** The row they are in today: the new member's, or the row that excludes the leaving member. */
  where?: { sheet: string; row: number };
  /** For a leaving member whom the rules exclude now: why (else no selection finds them any more). */
  reason?: ExclusionReason;
  /** For the contact limit and a protected control group: which campaign, and when. */
  contact?: Exclusion['contact'];
}

export interface RefreshDiff {
  /** Members as last used or refreshed. */
  before: number;
  /** Members after accepting everything: the group a new build gives. */
  after: number;
  /** Members in both. */
  unchanged: number;
  /** In the order of REFRESH_CATEGORIES, each category in group order. */
  changes: RefreshChange[];
}

/**
 * The member keys a refresh compares with: the group as last used or refreshed; for a campaign used before this was
 * recorded, everyone its assignment decided (it may list members who left since). Null for a campaign never used: its
 * group is rebuilt whenever it is opened, there is nothing used to compare with.
 */
export const refreshBaseline = (
  campaign: Pick<StoredCampaign, 'members' | 'assignment'>,
): readonly string[] | null => {
  if (campaign.members) return campaign.members;
  if (!campaign.assignment) return null;
  return [...campaign.assignment.contacted, ...campaign.assignment.control];
};

const keysOf = (member: Member): string[] => [member.key, ...(member.mergedKeys ?? [])];

const CATEGORY_OF: Record<ExclusionReason, RefreshCategory> = {
  optOut: 'optOut',
  blocklist: 'optOut',
  contactLimit: 'contactLimit',
  controlGroupProtected: 'contactLimit',
  noConsent: 'noConsent',
  noEmail: 'noLongerMatching',
  invalidEmail: 'noLongerMatching',
  noAddress: 'noLongerMatching',
  noPhone: 'noLongerMatching',
  removedByUser: 'noLongerMatching',
  removedBySelection: 'noLongerMatching',
};

const whereOf = (recipient: Recipient): { sheet: string; row: number } => ({
  sheet: recipient.sheet,
  row: recipient.row,
});

/** Each row's first listing; an objection wins over any other reason (it is the one that can never be overridden). */
const exclusionsByKey = (excluded: readonly Exclusion[]): Map<string, Exclusion> => {
  const byKey = new Map<string, Exclusion>();
  for (const exclusion of excluded) {
    const before = byKey.get(exclusion.key);
    if (!before || (CATEGORY_OF[exclusion.reason] === 'optOut' && CATEGORY_OF[before.reason] !== 'optOut'))
      byKey.set(exclusion.key, exclusion);
  }
  return byKey;
};

/** The name the contact history last recorded under the key: who left without a row that still names them. */
const historyNames = (history: ContactHistorySheet | undefined): Map<string, string> => {
  const names = new Map<string, string>();
  for (const entry of history?.entries ?? []) if (entry.name) names.set(entry.key, entry.name);
  return names;
};

/**
 * What changed between the group as last used (`baseline`, member keys) and the group rebuilt on today's data. A
 * member counts as the same when the rebuilt member's key or one of its merged keys is in the baseline (two rows found
 * to be one person since keep their place). Who leaves is sorted by why: no longer found (or failing the campaign
 * type's rules), an objection (Werbesperre, Sperrliste), the contact limit or another campaign's control group, no
 * consent.
 */
export const refreshDiff = (
  baseline: readonly string[],
  rebuilt: TargetGroup,
  history?: ContactHistorySheet,
): RefreshDiff => {
  const before = new Set(baseline);
  const covered = new Set<string>();
  const added: RefreshChange[] = [];
  let unchanged = 0;
  for (const member of rebuilt.members) {
    const keys = keysOf(member);
    for (const key of keys) covered.add(key);
    if (keys.some((key) => before.has(key))) unchanged++;
    else
      added.push({
        category: 'added',
        key: member.key,
        name: displayName(member.recipient),
        where: whereOf(member.recipient),
      });
  }
  const excluded = exclusionsByKey(rebuilt.excluded);
  const names = historyNames(history);
  const leaving: RefreshChange[] = [];
  for (const key of before) {
    if (covered.has(key)) continue;
    const exclusion = excluded.get(key);
    if (!exclusion) {
      leaving.push({ category: 'noLongerMatching', key, name: names.get(key) ?? key });
      continue;
    }
    leaving.push({
      category: CATEGORY_OF[exclusion.reason],
      key,
      name: displayName(exclusion.recipient),
      where: whereOf(exclusion.recipient),
      reason: exclusion.reason,
      ...(exclusion.contact ? { contact: exclusion.contact } : {}),
    });
  }
  const changes = REFRESH_CATEGORIES.flatMap((category) =>
    category === 'added' ? added : leaving.filter((change) => change.category === category),
  );
  return { before: before.size, after: rebuilt.members.length, unchanged, changes };
};

/** How many changes each category has (every category, zeros included). */
export const refreshCounts = (diff: RefreshDiff): Record<RefreshCategory, number> => {
  const counts = Object.fromEntries(REFRESH_CATEGORIES.map((category) => [category, 0])) as Record<
    RefreshCategory,
    number
  >;
  for (const change of diff.changes) counts[change.category]++;
  return counts;
};

/**
 * Only a new match may be declined: it is then removed by hand and stays out at every later build. Whoever leaves,
 * leaves — an objection or a missing consent always, and for the rest the selections and the contact rules are the
 * campaign's definition; to keep someone the user changes those, not the refresh.
 */
export const isOptional = (change: RefreshChange): boolean => change.category === 'added';

/**
 * The campaign after the user accepted the refresh, declining the new matches in `declined` (keys): those become
 * removals by hand, and the group as accepted becomes what the next refresh compares with. The assignment and the
 * start stay as they are: who was contacted or held back is history (and the Kontakthistorie is not touched at all).
 */
export const acceptRefresh = (
  campaign: StoredCampaign,
  diff: RefreshDiff,
  rebuilt: TargetGroup,
  declined: ReadonlySet<string>,
  now: string,
): StoredCampaign => {
  const refused = diff.changes
    .filter((change) => isOptional(change) && declined.has(change.key))
    .map((change) => change.key);
  const out = new Set(refused);
  const members = rebuilt.members.filter((member) => !out.has(member.key)).map((member) => member.key);
  const removed = [...(campaign.removed ?? []), ...refused.filter((key) => !campaign.removed?.includes(key))];
  return {
    ...campaign,
    ...(removed.length > 0 ? { removed } : {}),
    members,
    memberCount: members.length,
    updatedAt: now,
  };
};
