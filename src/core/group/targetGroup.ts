import {
  readsHistory,
  removes,
  type CampaignDefinition,
  type CampaignType,
  type LetterUnit,
  type SelectionDefinition,
} from '../campaign/campaign';
import type { Language } from '../kernel/language';
import type { Day, RowRef, WorkbookData } from '../kernel/model';
import type { Problem } from '../kernel/problems';
import { describeSelection } from '../select/selectionLabels';
import { runSelection } from '../select/selections';
import { identityGraph, type Carrier, type IdentityGraph, type UnitKind, type Units } from './identity';
import type { Exclusion, ExclusionReason, Member, SelectionReport, TargetGroup } from './targetGroupModel';
import { consentColumns, consentOf, type ConsentKind } from './consent';
import { applyContactRulesToAdded, restricts, type ContactRules } from './contactRules';
import { membersInBuildOrder, withRemovalsByHand } from './handRemovals';
import { historyRecords } from './historySelections';
import { checkRecipient, type ConsentLookup } from './typeRules';

export interface CampaignRules {
  type: CampaignType;
  /** Letter campaigns: one letter per person (default), firm or household. */
  letterUnit?: LetterUnit;
  /** Member keys the user removed by hand. */
  removed?: readonly string[];
  language?: Language;
}

export interface TargetGroupOptions {
  today: Day;
  /** The contact limit and the control groups the contact history protects; none without it. */
  contactRules?: ContactRules;
}

/** The channel decides what one message is: one e-mail per address, one letter per person (or firm, household). */
export const unitKindOf = ({ type, letterUnit }: Pick<CampaignRules, 'type' | 'letterUnit'>): UnitKind => {
  if (type === 'email' || type === 'newsletter') return 'address';
  if (type === 'letter' && letterUnit === 'firm') return 'firm';
  if (type === 'letter' && letterUnit === 'household') return 'household';
  return 'person';
};

export const emptyTargetGroup = (): TargetGroup => ({ members: [], excluded: [], reports: [], problems: [] });

/** The records a selection finds: in the user's sheets, or by the contact history. */
const selectRecords = (
  data: WorkbookData,
  selection: SelectionDefinition,
  options: TargetGroupOptions,
): { records: number[]; problems: Problem[] } =>
  readsHistory(selection)
    ? { records: historyRecords(data, selection, options.today), problems: [] }
    : runSelection(data, selection, options);

const problemSignature = (p: Problem): string =>
  [p.code, p.severity, p.sheet, p.row, p.column, p.value, p.detail].join('\u0000');

/** What is decided about one found row before it is counted. */
type Verdict =
  | { kind: 'excluded'; reason: ExclusionReason; key?: string; carrier?: Carrier }
  | { kind: 'eligible' }
  | { kind: 'failsType'; reason: ExclusionReason };

/** The verdicts that carry no row of their own are shared: a selection of 100,000 rows allocates none. */
const ELIGIBLE: Verdict = { kind: 'eligible' };
const FAILS_TYPE = Object.fromEntries(
  (
    [
      'optOut',
      'noEmail',
      'invalidEmail',
      'noAddress',
      'noPhone',
      'removedByUser',
      'blocklist',
      'removedBySelection',
      'noConsent',
    ] as const
  ).map((reason) => [reason, { kind: 'failsType', reason }]),
) as Record<ExclusionReason, Verdict>;

/** A member while the group is built: its unit and the people found for it (their first records). */
interface MemberState {
  unit: number;
  /** The person the message is addressed to, then the others found, in the order found. */
  people: number[];
  selectionIndex: number;
  key: string;
  /** The Member value, while nothing changed since it was made. */
  value?: Member;
}

const rowRef = ({ sheet, row }: RowRef): RowRef => ({ sheet, row });

/**
 * The mutable working state behind a TargetGroup value. Works on record numbers: which person and which unit a row
 * belongs to is the identity graph's (workbook-wide, built once); the builder only decides who is in.
 */
class GroupBuilder {
  private readonly graph: IdentityGraph;
  private readonly units: Units;
  private members: MemberState[] = [];
  /** Per unit root: 1 + the member's index, 0 when the unit is no member. */
  private readonly memberOfUnit: Int32Array;
  /** null: a listing dropped since (see unlist), gone at the end of the selection. */
  private excluded: Array<Exclusion | null> = [];
  /** The record of each listing in `excluded`. */
  private excludedRecords: number[] = [];
  /** Per record: 1 + its index in `excluded`, 0 when not listed. */
  private listed: Int32Array;
  /** Per person: why the type rules exclude them, null when they qualify, undefined until asked. */
  private readonly typeReasons: Array<ExclusionReason | null | undefined>;
  private readonly unitCarriers: Array<Carrier | undefined> | undefined;
  /** Whether a selection took members out: only then may an added unit still be listed as removed. */
  private hasRemovals = false;
  private readonly seen: Int32Array;
  private readonly touched: Int32Array;
  private readonly added: Int32Array;
  private pass = 0;
  private readonly reports: SelectionReport[] = [];
  private readonly problems: Problem[] = [];
  private readonly problemSignatures = new Set<string>();
  private readonly consentRecorded: Record<ConsentKind, string[]>;

  constructor(
    data: WorkbookData,
    private readonly rules: CampaignRules,
  ) {
    this.graph = identityGraph(data);
    this.consentRecorded = consentColumns(data);
    this.units = this.graph.units(unitKindOf(rules));
    this.unitCarriers = this.units.shared ? this.graph.unitCarriers(this.units) : undefined;
    const count = this.graph.records.count;
    this.memberOfUnit = new Int32Array(count);
    this.listed = new Int32Array(count);
    this.typeReasons = new Array<ExclusionReason | null | undefined>(count);
    this.seen = new Int32Array(count);
    this.touched = new Int32Array(count);
    this.added = new Int32Array(count);
  }

  /** Continues a group value: its members, exclusions, reports and problems, found again by their rows. */
  static from(group: TargetGroup, data: WorkbookData, rules: CampaignRules): GroupBuilder {
    const builder = new GroupBuilder(data, rules);
    for (const member of membersInBuildOrder(group)) builder.restoreMember(member);
    for (const exclusion of group.excluded) {
      if (exclusion.removedByHand) continue;
      const record = builder.graph.recordAt(exclusion.recipient);
      if (record >= 0) builder.listAt(record, exclusion);
    }
    builder.reports.push(...group.reports);
    builder.addProblems(group.problems);
    return builder;
  }

  private restoreMember(member: Member): void {
    const { graph } = this;
    const records = (member.rows ?? [member.recipient]).map((ref) => graph.recordAt(ref));
    const first = graph.recordAt(member.recipient);
    if (first < 0 || records.some((record) => record < 0)) return;
    const people = [graph.person[first]];
    for (const record of records)
      if (!people.includes(graph.person[record])) people.push(graph.person[record]);
    const unit = this.units.root[first];
    this.members.push({
      unit,
      people,
      selectionIndex: member.selectionIndex,
      key: member.key,
      value: member,
    });
    this.memberOfUnit[unit] = this.members.length;
  }

  apply(
    data: WorkbookData,
    selection: SelectionDefinition,
    selectionIndex: number,
    options: TargetGroupOptions,
  ): void {
    if (removes(selection)) return this.remove(data, selection, selectionIndex, options);
    const result = selectRecords(data, selection, options);
    this.addProblems(result.problems);
    const report = this.newReport(selection, selectionIndex);
    const pass = ++this.pass;
    const found: number[] = [];
    for (const record of result.records) {
      if (this.seen[record] === pass) continue;
      this.seen[record] = pass;
      found.push(record);
    }
    const verdicts = found.map((record) => this.verdict(record));
    // Members first, so that a row found before the row that makes its unit a member is counted as merged.
    found.forEach((record, i) => {
      if (verdicts[i].kind === 'eligible') this.admit(record, selectionIndex, pass);
    });
    found.forEach((record, i) => this.count(record, verdicts[i], selectionIndex, report, pass));
    this.compactExcluded();
    this.reports.push(report);
  }

  private newReport(selection: SelectionDefinition, selectionIndex: number): SelectionReport {
    return {
      selectionIndex,
      label: describeSelection(selection, selectionIndex, this.rules.language ?? 'de'),
      found: 0,
      added: 0,
      alreadyIn: 0,
      merged: 0,
      excluded: {},
    };
  }

  /** Takes out every member whose unit (person, address, firm, household) the selection finds. */
  private remove(
    data: WorkbookData,
    selection: SelectionDefinition,
    selectionIndex: number,
    options: TargetGroupOptions,
  ): void {
    const result = selectRecords(data, selection, options);
    this.addProblems(result.problems);
    const report = this.newReport(selection, selectionIndex);
    const pass = ++this.pass;
    const removed = new Set<number>();
    for (const record of result.records) {
      if (this.seen[record] === pass) continue;
      this.seen[record] = pass;
      report.found++;
      const at = this.memberOfUnit[this.units.root[record]] - 1;
      if (at >= 0) removed.add(at);
    }
    if (removed.size > 0) this.dropMembers(removed, selectionIndex);
    report.removed = removed.size;
    this.reports.push(report);
  }

  /** The members at these indexes leave; each is listed once, under its key and first row, as removed. */
  private dropMembers(indexes: ReadonlySet<number>, selectionIndex: number): void {
    const kept: MemberState[] = [];
    this.members.forEach((state, i) => {
      if (!indexes.has(i)) return void kept.push(state);
      this.memberOfUnit[state.unit] = 0;
      const [first] = this.graph.recordsOf(state.people[0]);
      this.list(first, 'removedBySelection', selectionIndex, state.key, undefined);
    });
    this.members = kept;
    kept.forEach((state, i) => (this.memberOfUnit[state.unit] = i + 1));
  }

  /** A unit a later selection adds again is a member: none of its rows stays listed as removed. */
  private unlistRemovals(unit: number): void {
    for (const record of this.graph.recordsOfUnit(this.units, unit)) {
      const at = this.listed[record] - 1;
      if (at >= 0 && this.excluded[at]?.reason === 'removedBySelection') {
        this.excluded[at] = null;
        this.listed[record] = 0;
      }
    }
  }

  private verdict(record: number): Verdict {
    const { graph, units } = this;
    const person = graph.person[record];
    const unit = units.root[record];
    // Where the message lands in a shared mailbox (address, household), one person's objection holds for all.
    const carrier = graph.carrierOf(person) ?? this.unitCarriers?.[unit];
    if (carrier !== undefined) return { kind: 'excluded', reason: carrier.reason, carrier };
    const reason = this.typeReason(person);
    return reason === null ? ELIGIBLE : FAILS_TYPE[reason];
  }

  /** The type rules on the person as merged from all their rows. */
  private typeReason(person: number): ExclusionReason | null {
    let reason = this.typeReasons[person];
    if (reason === undefined)
      this.typeReasons[person] = reason = checkRecipient(
        this.graph.personRecipient(person),
        this.rules.type,
        this.consentLookup(person),
      );
    return reason;
  }

  /** Reads the person's rows only when the workbook records that kind of consent at all. */
  private consentLookup(person: number): ConsentLookup {
    return (kind) =>
      this.consentRecorded[kind].length === 0
        ? null
        : consentOf(
            this.graph.recordsOf(person).map((record) => this.graph.records.recipient(record)),
            kind,
          );
  }

  /** Makes the row's unit a member, or adds the row's person to the unit's member. */
  private admit(record: number, selectionIndex: number, pass: number): void {
    const person = this.graph.person[record];
    const unit = this.units.root[record];
    const at = this.memberOfUnit[unit] - 1;
    if (at >= 0) {
      const state = this.members[at];
      if (!state.people.includes(person)) {
        state.people.push(person);
        state.value = undefined;
      }
      return;
    }
    this.members.push({ unit, people: [person], selectionIndex, key: this.graph.unitKey(this.units, unit) });
    this.memberOfUnit[unit] = this.members.length;
    this.added[unit] = pass;
    if (this.hasRemovals) this.unlistRemovals(unit);
  }

  private count(
    record: number,
    verdict: Verdict,
    selectionIndex: number,
    report: SelectionReport,
    pass: number,
  ): void {
    report.found++;
    const unit = this.units.root[record];
    if (verdict.kind === 'excluded' || (verdict.kind === 'failsType' && this.memberOfUnit[unit] === 0)) {
      report.excluded[verdict.reason] = (report.excluded[verdict.reason] ?? 0) + 1;
      const { key, carrier } = verdict.kind === 'excluded' ? verdict : { key: undefined, carrier: undefined };
      return this.list(record, verdict.reason, selectionIndex, key, carrier);
    }
    if (verdict.kind === 'failsType') this.includePerson(unit, record);
    if (this.listed[record] !== 0) this.unlist(record);
    if (this.touched[unit] === pass) report.merged++;
    else {
      this.touched[unit] = pass;
      if (this.added[unit] === pass) report.added++;
      else report.alreadyIn++;
    }
  }

  /** A person of a member's unit who would not qualify alone (a colleague without address in a firm letter) is merged. */
  private includePerson(unit: number, record: number): void {
    const state = this.members[this.memberOfUnit[unit] - 1];
    const person = this.graph.person[record];
    if (state.people.includes(person)) return;
    state.people.push(person);
    state.value = undefined;
  }

  /** Each row is listed once; a row that carries an objection replaces its listing for another reason. */
  private list(
    record: number,
    reason: ExclusionReason,
    selectionIndex: number,
    key: string | undefined,
    carrier: Carrier | undefined,
  ): void {
    const at = this.listed[record] - 1;
    const before = at >= 0 ? this.excluded[at] : null;
    if (before !== null && (carrier === undefined || before.carrier !== undefined)) return;
    const exclusion: Exclusion = {
      key: key ?? this.graph.keyOf(record),
      recipient: this.graph.records.recipient(record),
      reason,
      selectionIndex,
    };
    if (carrier !== undefined) exclusion.carrier = rowRefWithColumn(carrier);
    if (before !== null) this.excluded[at] = exclusion;
    else this.listAt(record, exclusion);
  }

  private listAt(record: number, exclusion: Exclusion): void {
    if (exclusion.reason === 'removedBySelection') this.hasRemovals = true;
    this.excluded.push(exclusion);
    this.excludedRecords.push(record);
    this.listed[record] = this.excluded.length;
  }

  /** A row excluded earlier for the type rules whose unit became a member is merged, not excluded. */
  private unlist(record: number): void {
    const at = this.listed[record] - 1;
    const listing = this.excluded[at];
    if (listing === null || listing.carrier !== undefined) return;
    this.excluded[at] = null;
    this.listed[record] = 0;
  }

  private compactExcluded(): void {
    if (!this.excluded.includes(null)) return;
    const kept = this.excluded.flatMap((exclusion, i) =>
      exclusion === null ? [] : [{ exclusion, record: this.excludedRecords[i] }],
    );
    this.excluded = [];
    this.excludedRecords = [];
    for (const { exclusion, record } of kept) this.listAt(record, exclusion);
  }

  private addProblems(problems: readonly Problem[]): void {
    for (const p of problems) {
      const signature = problemSignature(p);
      if (this.problemSignatures.has(signature)) continue;
      this.problemSignatures.add(signature);
      this.problems.push(p);
    }
  }

  private memberValue(state: MemberState): Member {
    if (state.value) return state.value;
    const { graph } = this;
    const addressee = state.people[0];
    const member: Member = {
      key: state.key,
      recipient: graph.personRecipient(addressee),
      selectionIndex: state.selectionIndex,
    };
    const single = state.people.length === 1 && graph.isSingle(addressee);
    const records = single
      ? []
      : state.people.flatMap((person) => graph.recordsOf(person)).sort((a, b) => a - b);
    if (records.length > 1) {
      member.rows = records.map((record) => rowRef(graph.records.source(record)));
      const keys = [...new Set(records.map((record) => graph.keyOf(record)))].filter(
        (key) => key !== state.key,
      );
      if (keys.length > 0) member.mergedKeys = keys;
    }
    // most members are one person: no arrays made for the others they do not have
    if (state.people.length > 1) {
      const qualified = state.people.slice(1).filter((person) => this.typeReason(person) === null);
      if (qualified.length > 0) member.others = qualified.map((person) => graph.personRecipient(person));
    }
    return (state.value = member);
  }

  /** The group as the selections made it; removals by hand come after (handRemovals.ts). */
  snapshot(): TargetGroup {
    return {
      members: this.members.map((state) => this.memberValue(state)),
      excluded: this.excluded.filter((exclusion) => exclusion !== null),
      reports: [...this.reports],
      problems: [...this.problems],
    };
  }
}

const rowRefWithColumn = (carrier: Carrier): RowRef & { column?: string } =>
  carrier.column === undefined ? rowRef(carrier) : { ...rowRef(carrier), column: carrier.column };

/**
 * Runs one selection and adds its rows to a copy of the group: a person, address, firm or household (the channel
 * decides) is one member however many rows it has; every row found is counted as added, already in, merged or excluded
 * with its reason. `selectionIndex` is 0-based.
 */
export const applySelection = (
  group: TargetGroup,
  data: WorkbookData,
  selection: SelectionDefinition,
  selectionIndex: number,
  campaign: CampaignRules,
  options: TargetGroupOptions,
): TargetGroup => {
  const builder = GroupBuilder.from(group, data, campaign);
  builder.apply(data, selection, selectionIndex, options);
  const built = builder.snapshot();
  const allowed = options.contactRules
    ? applyContactRulesToAdded(group, built, data.history, options.contactRules, options.today)
    : built;
  return withRemovalsByHand(allowed, campaign.removed);
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
  if (options.contactRules && restricts(options.contactRules))
    // The pane adds selection by selection; built the same way, a campaign reopened shows the group it showed.
    return definition.selections.reduce(
      (group, selection, index) => applySelection(group, data, selection, index, definition, options),
      emptyTargetGroup(),
    );
  const builder = new GroupBuilder(data, definition);
  definition.selections.forEach((selection, index) => builder.apply(data, selection, index, options));
  return withRemovalsByHand(builder.snapshot(), definition.removed);
};
