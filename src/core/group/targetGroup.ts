import type { CampaignDefinition, CampaignType, SelectionDefinition } from '../campaign/campaign';
import type { Language } from '../kernel/language';
import { IdentityCoder, IdentityIndex, type IdentityCodes } from './identity';
import type { Day, Recipient, WorkbookData } from '../kernel/model';
import type { Problem } from '../kernel/problems';
import { describeSelection } from '../select/selectionLabels';
import { runSelection } from '../select/selections';
import type { ExclusionReason, Member, SelectionReport, TargetGroup, Exclusion } from './targetGroupModel';
import { checkRecipient } from './typeRules';

export interface CampaignRules {
  type: CampaignType;
  /** Member keys the user removed by hand. */
  removed?: readonly string[];
  language?: Language;
}

export interface TargetGroupOptions {
  today: Day;
}

/**
 * Reasons that stick to the person, not to the record: an objection to advertising (Art. 21 DSGVO) and a removal by
 * the user hold for every other record of the same person, found before or after, in any selection.
 */
const BLOCKING: ReadonlySet<ExclusionReason> = new Set<ExclusionReason>(['optOut', 'removedByUser']);

export const emptyTargetGroup = (): TargetGroup => ({
  members: [],
  excluded: [],
  reports: [],
  problems: [],
  blocked: [],
});

const problemSignature = (p: Problem): string =>
  [p.code, p.severity, p.sheet, p.row, p.column, p.value, p.detail].join('\u0000');

/** A recipient of a selection with what is decided about it before it meets the group. */
interface Candidate {
  recipient: Recipient;
  keys: IdentityCodes;
  removedByUser: boolean;
  /** Opted out or removed: excludes every record of the person. */
  blocking: boolean;
  /** Why the type rules exclude it; null when it qualifies or is blocking. */
  reason: ExclusionReason | null;
}

/** One coder per workbook for groups continued selection by selection (the pane's previews and applies). */
const workbookCoders = new WeakMap<WorkbookData, IdentityCoder>();

const workbookCoder = (data: WorkbookData): IdentityCoder => {
  let coder = workbookCoders.get(data);
  if (coder === undefined) workbookCoders.set(data, (coder = new IdentityCoder()));
  return coder;
};

/** The mutable working state behind a TargetGroup value: lists plus identity indexes for O(1) lookups. */
class GroupBuilder {
  private members: Member[] = [];
  private memberKeys: IdentityCodes[] = [];
  private readonly memberIndex = new IdentityIndex<number>();
  private readonly excluded: Exclusion[] = [];
  private readonly excludedKeys: IdentityCodes[] = [];
  private readonly excludedIndex = new IdentityIndex<number>();
  /** Who a selection has met so far, within that selection. */
  private readonly seen = new IdentityIndex<true>();
  private readonly blocked = new IdentityIndex<ExclusionReason>();
  private readonly blockedRecords: Exclusion[] = [];
  private evictionPending = false;
  private readonly reports: SelectionReport[] = [];
  private readonly problems: Problem[] = [];
  private readonly problemSignatures = new Set<string>();

  constructor(private readonly coder = new IdentityCoder()) {}

  /** The group's records keep their codes from the last time the workbook's coder met them. */
  static from(group: TargetGroup, coder: IdentityCoder): GroupBuilder {
    const builder = new GroupBuilder(coder);
    const known = (recipient: Recipient): IdentityCodes => coder.encodeKnown(recipient);
    for (const member of group.members) builder.addMember(member, known(member.recipient));
    for (const exclusion of group.excluded) builder.list(exclusion, known(exclusion.recipient));
    for (const exclusion of group.blocked ?? []) builder.block(exclusion, known(exclusion.recipient));
    builder.reports.push(...group.reports);
    builder.addProblems(group.problems);
    return builder;
  }

  private identity(recipient: Recipient): IdentityCodes {
    return this.coder.encode(recipient);
  }

  apply(
    data: WorkbookData,
    selection: SelectionDefinition,
    selectionIndex: number,
    rules: CampaignRules,
    options: TargetGroupOptions,
  ): void {
    const result = runSelection(data, selection, options);
    this.addProblems(result.problems);
    const report: SelectionReport = {
      selectionIndex,
      label: describeSelection(selection, selectionIndex, rules.language ?? 'de'),
      matched: 0,
      added: 0,
      alreadyIn: 0,
      excluded: {},
    };
    const removed = new Set(rules.removed ?? []);
    this.seen.clear();
    for (const candidate of this.candidates(result.recipients, removed, rules.type)) {
      if (!candidate.blocking) this.evictBlockedMembers();
      if (this.seen.find(candidate.keys)) continue;
      this.seen.add(candidate.keys, true);
      report.matched++;
      this.place(candidate, selectionIndex, report);
    }
    this.evictBlockedMembers();
    this.dropExclusionsOfMembers();
    this.reports.push(report);
  }

  /**
   * Within one selection the records of a person are tried blocking ones first (so that no other record of the
   * person slips in), then records that pass the type rules (so that a person is not lost to an earlier record
   * without e-mail), then the rest; sheet order within each tier.
   */
  private candidates(recipients: readonly Recipient[], removed: ReadonlySet<string>, type: CampaignType) {
    const tiers: Candidate[][] = [[], [], []];
    for (const recipient of recipients) {
      const keys = this.identity(recipient);
      const removedByUser = removed.size > 0 && removed.has(keys.key);
      const blocking = removedByUser || recipient.optOut !== null;
      const reason = blocking ? null : checkRecipient(recipient, type);
      tiers[blocking ? 0 : reason === null ? 1 : 2].push({
        recipient,
        keys,
        removedByUser,
        blocking,
        reason,
      });
    }
    return tiers.flat();
  }

  private place(candidate: Candidate, selectionIndex: number, report: SelectionReport): void {
    const { recipient, keys, removedByUser, reason } = candidate;
    const exclude = (why: ExclusionReason): void => {
      report.excluded[why] = (report.excluded[why] ?? 0) + 1;
      this.listExclusion({ key: keys.key, recipient, reason: why, selectionIndex }, keys);
    };
    const blockingReason: ExclusionReason | null = removedByUser
      ? 'removedByUser'
      : recipient.optOut !== null
        ? 'optOut'
        : null;
    if (blockingReason !== null) {
      this.block({ key: keys.key, recipient, reason: blockingReason, selectionIndex }, keys);
      if (this.memberIndex.find(keys) !== undefined) this.evictionPending = true;
      return exclude(blockingReason);
    }
    const blockedAs = this.blocked.find(keys);
    if (blockedAs !== undefined) return exclude(blockedAs);
    if (this.memberIndex.find(keys) !== undefined) {
      report.alreadyIn++;
      return;
    }
    if (reason !== null) return exclude(reason);
    this.addMember({ key: keys.key, recipient, selectionIndex }, keys);
    report.added++;
  }

  private addMember(member: Member, keys: IdentityCodes): void {
    this.memberIndex.add(keys, this.members.length);
    this.members.push(member);
    this.memberKeys.push(keys);
  }

  private block(exclusion: Exclusion, keys: IdentityCodes): void {
    this.blocked.add(keys, exclusion.reason);
    this.blockedRecords.push(exclusion);
  }

  private list(exclusion: Exclusion, keys: IdentityCodes): void {
    this.excludedIndex.add(keys, this.excluded.length);
    this.excluded.push(exclusion);
    this.excludedKeys.push(keys);
  }

  /**
   * Each person is listed once. A blocking record replaces a listed non-blocking one of the same person: the list
   * shows the reason that holds for good, and a group continued from its stored value keeps the person blocked.
   */
  private listExclusion(exclusion: Exclusion, keys: IdentityCodes): void {
    const listed = this.excludedIndex.find(keys);
    if (listed === undefined) return this.list(exclusion, keys);
    if (!BLOCKING.has(exclusion.reason) || BLOCKING.has(this.excluded[listed].reason)) return;
    this.excluded[listed] = exclusion;
    this.excludedKeys[listed] = keys;
    this.excludedIndex.add(keys, listed);
  }

  /**
   * Members that are the same person as a record blocked since leave the group. Blocking records come first in a
   * selection, so this rebuilds the member index at most once per selection.
   */
  private evictBlockedMembers(): void {
    if (!this.evictionPending) return;
    this.evictionPending = false;
    const members = this.members;
    const memberKeys = this.memberKeys;
    this.members = [];
    this.memberKeys = [];
    this.memberIndex.clear();
    members.forEach((member, i) => {
      if (this.blocked.find(memberKeys[i]) === undefined) this.addMember(member, memberKeys[i]);
    });
  }

  /** Someone excluded for one record (e.g. without e-mail) but a member through another is not listed as excluded. */
  private dropExclusionsOfMembers(): void {
    let kept = 0;
    this.excluded.forEach((exclusion, i) => {
      const keys = this.excludedKeys[i];
      if (!BLOCKING.has(exclusion.reason) && this.memberIndex.find(keys) !== undefined) return;
      this.excluded[kept] = exclusion;
      this.excludedKeys[kept] = keys;
      kept++;
    });
    if (kept === this.excluded.length) return;
    this.excluded.length = kept;
    this.excludedKeys.length = kept;
    this.excludedIndex.clear();
    this.excludedKeys.forEach((keys, i) => this.excludedIndex.add(keys, i));
  }

  private addProblems(problems: readonly Problem[]): void {
    for (const p of problems) {
      const signature = problemSignature(p);
      if (this.problemSignatures.has(signature)) continue;
      this.problemSignatures.add(signature);
      this.problems.push(p);
    }
  }

  snapshot(): TargetGroup {
    return {
      members: [...this.members],
      excluded: [...this.excluded],
      reports: [...this.reports],
      problems: [...this.problems],
      blocked: [...this.blockedRecords],
    };
  }
}

/**
 * Runs one selection and adds its recipients to a copy of the group: first occurrence wins, duplicates are counted,
 * excluded recipients are listed once per person with their reason. `selectionIndex` is 0-based.
 */
export const applySelection = (
  group: TargetGroup,
  data: WorkbookData,
  selection: SelectionDefinition,
  selectionIndex: number,
  campaign: CampaignRules,
  options: TargetGroupOptions,
): TargetGroup => {
  const builder = GroupBuilder.from(group, workbookCoder(data));
  builder.apply(data, selection, selectionIndex, campaign, options);
  return builder.snapshot();
};

/** What applying the selection would do, without changing the group. */
export const previewSelection = (
  group: TargetGroup,
  data: WorkbookData,
  selection: SelectionDefinition,
  selectionIndex: number,
  campaign: CampaignRules,
  options: TargetGroupOptions,
): SelectionReport => {
  const { reports } = applySelection(group, data, selection, selectionIndex, campaign, options);
  return reports[reports.length - 1];
};

/** The campaign's target group: all its selections, one after another, from an empty group. */
export const buildTargetGroup = (
  data: WorkbookData,
  definition: CampaignDefinition,
  options: TargetGroupOptions,
): TargetGroup => {
  const builder = new GroupBuilder();
  definition.selections.forEach((selection, index) =>
    builder.apply(data, selection, index, definition, options),
  );
  return builder.snapshot();
};
