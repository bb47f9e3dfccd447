import type { Exclusion, Member, TargetGroup } from './targetGroupModel';

/**
 * Removals by hand are the user's decision about members, applied after all selections: the selections' reports count
 * what they found, and taking a member out or back is one pass over the members, never a new build (the pane does it
 * on 100,000 members between two frames). A rebuild gives the same group, because it applies them the same way.
 */

type HandRemoval = NonNullable<Exclusion['removedByHand']>;

const memberKeys = (member: Member): string[] => [member.key, ...(member.mergedKeys ?? [])];

const listing = (key: string, member: Member, at: number): Exclusion => ({
  key,
  recipient: member.recipient,
  reason: 'removedByUser',
  selectionIndex: member.selectionIndex,
  removedByHand: { member, at },
});

const handRemovals = (group: TargetGroup): HandRemoval[] =>
  group.excluded.flatMap((exclusion) => (exclusion.removedByHand ? [exclusion.removedByHand] : []));

/**
 * The last step of every build: takes out the members any of whose row keys were removed by hand, each listed once, in
 * the order of `removed`, after the other exclusions.
 */
export const withRemovalsByHand = (group: TargetGroup, removed: readonly string[] = []): TargetGroup => {
  if (removed.length === 0) return group;
  const { members, listed } = withoutRemovedByHand(group.members, removed);
  return { ...group, members, excluded: [...group.excluded, ...listed] };
};

const withoutRemovedByHand = (
  all: readonly Member[],
  removed: readonly string[],
): { members: Member[]; listed: Exclusion[] } => {
  const wanted = new Set(removed);
  const placeOf = new Map<string, number>();
  all.forEach((member, at) => {
    for (const key of memberKeys(member)) if (wanted.has(key) && !placeOf.has(key)) placeOf.set(key, at);
  });
  const taken = new Set<number>();
  const listed: Exclusion[] = [];
  for (const key of removed) {
    const at = placeOf.get(key);
    if (at === undefined || taken.has(at)) continue;
    taken.add(at);
    listed.push(listing(key, all[at], at));
  }
  return { members: all.filter((_, at) => !taken.has(at)), listed };
};

/** All members in the order they were built: the members with the ones removed by hand back in their places. */
export const membersInBuildOrder = (group: TargetGroup): Member[] => {
  const removals = handRemovals(group);
  if (removals.length === 0) return group.members;
  const all = new Array<Member>(group.members.length + removals.length);
  for (const { member, at } of removals) all[at] = member;
  let next = 0;
  for (let at = 0; at < all.length; at++) if (all[at] === undefined) all[at] = group.members[next++];
  return all;
};

/** The group after the user removed the member with this key by hand (as a rebuild with the key removed gives it). */
export const removeMemberByHand = (group: TargetGroup, key: string): TargetGroup => {
  const index = group.members.findIndex((member) => memberKeys(member).includes(key));
  if (index < 0) return group;
  let at = index;
  for (const earlier of handRemovals(group)
    .map((removal) => removal.at)
    .sort((a, b) => a - b))
    if (earlier <= at) at++;
  return {
    ...group,
    members: group.members.filter((_, i) => i !== index),
    excluded: [...group.excluded, listing(key, group.members[index], at)],
  };
};

/** The group after the user took back the removal of this key: the member returns to its place. */
export const restoreMemberByHand = (group: TargetGroup, key: string): TargetGroup => {
  const index = group.excluded.findIndex((exclusion) => exclusion.removedByHand && exclusion.key === key);
  if (index < 0) return group;
  const { member, at } = group.excluded[index].removedByHand as HandRemoval;
  const place = at - handRemovals(group).filter((removal) => removal.at < at).length;
  return {
    ...group,
    members: [...group.members.slice(0, place), member, ...group.members.slice(place)],
    excluded: group.excluded.filter((_, i) => i !== index),
  };
};
