/**
 * Whether the engine and the DuckDB peer found the same people, not only as many: each recipient of a selection as its
 * sheet and row, each member of the group as its key with every row of its people. Both sides build these strings
 * (bench/duckdbPeer.ts from its SQL, here from the engine's values), so two sets compare them.
 */
import type { RowRef } from '../src/core/kernel/model';
import type { TargetGroup } from '../src/core/group/targetGroupModel';

export const rowIdentity = (ref: RowRef): string => `${ref.sheet}:${ref.row}`;

/** "c:P17 Ansprechpartner:12,Ansprechpartner:40": the member key, then its rows sorted. */
export const memberIdentity = (key: string, rows: readonly string[]): string =>
  `${key} ${[...rows].sort().join(',')}`;

/** The engine's members: every row merged into a member (`rows`), or its one row. */
export const ourMemberIdentities = (group: Pick<TargetGroup, 'members'>): string[] =>
  group.members.map((member) =>
    memberIdentity(member.key, (member.rows ?? [member.recipient]).map(rowIdentity)),
  );

export interface Agreement {
  same: boolean;
  onlyOurs: string[];
  onlyTheirs: string[];
  /** Entries one side lists more than once (a set would hide them). */
  repeated: string[];
}

const repeats = (values: readonly string[]): string[] => {
  const seen = new Set<string>();
  return values.filter((value) => seen.has(value) || !seen.add(value));
};

export const compareSets = (ours: readonly string[], theirs: readonly string[]): Agreement => {
  const oursSet = new Set(ours);
  const theirsSet = new Set(theirs);
  const onlyOurs = [...oursSet].filter((value) => !theirsSet.has(value));
  const onlyTheirs = [...theirsSet].filter((value) => !oursSet.has(value));
  const repeated = [...repeats(ours), ...repeats(theirs)];
  return {
    same: onlyOurs.length === 0 && onlyTheirs.length === 0 && repeated.length === 0,
    onlyOurs,
    onlyTheirs,
    repeated,
  };
};

/** The first few differences, for the log: "3 only ours (…), 1 only DuckDB's (…)". */
export const describeDifferences = (agreement: Agreement, shown = 3): string => {
  const part = (label: string, values: string[]) =>
    values.length ? [`${values.length} ${label}: ${values.slice(0, shown).join(' | ')}`] : [];
  return [
    ...part('only ours', agreement.onlyOurs),
    ...part("only DuckDB's", agreement.onlyTheirs),
    ...part('repeated', agreement.repeated),
  ].join('; ');
};
