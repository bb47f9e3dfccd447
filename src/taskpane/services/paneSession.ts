import type { Language } from '../../core/kernel/language';
import type { ContactLimit, SelectionDefinition, StoredCampaign } from '../../core/campaign/campaign';
import type {
  ContactChannel,
  Day,
  MappingOverrides,
  PersonData,
  WorkbookData,
} from '../../core/kernel/model';
import { noSalesLines, type SalesLines } from '../../core/kernel/salesLines';
import type { Problem } from '../../core/kernel/problems';
import { ok, type Result } from '../../core/kernel/result';
import type { SheetTable } from '../../core/kernel/sheetTable';
import type { TargetGroup } from '../../core/group/targetGroupModel';
import type { WorkbookPort } from '../../core/workbook/workbookPort';
import { dayToIso, localDay } from '../../core/kernel/values';
import { emptyState, type AddinState } from '../../core/state/state';
import { upsertCampaign } from '../../core/state/stateTable';
import {
  completeWithDuplicatesPausing,
  loadWorkbookData,
  type LoadOptions,
} from '../../core/run/loadWorkbook';
import { applySelection, buildTargetGroup, type TargetGroupOptions } from '../../core/group/targetGroup';
import { describeSelection } from '../../core/select/selectionLabels';
import {
  checkExport,
  exportTable,
  recordUse,
  splitTargetGroup,
  targetSheetTable,
  type ExportCheck,
  type GroupUse,
} from '../../core/run/groupUse';
import { toCsv, type CsvDelimiter } from '../../core/outputs/csv';
import {
  readAddinState,
  saveAddinState,
  writeCsvSheet,
  writeLeadsSheet,
  writeTargetSheet,
  type LeadsOptions,
  type LeadsOutcome,
} from '../../core/run/campaignRun';
import {
  evaluateWorkbook,
  writeEvaluationSheets,
  type EvaluationReport,
  type EvaluationSheets,
} from '../../core/run/evaluationRun';
import { addToBlocklist } from '../../core/run/blocklistRun';
import { findPerson, type PersonFound, type PersonQuery } from '../../core/run/personRun';
import { forgetPerson, planForget, type ForgetOutcome, type ForgetPlan } from '../../core/run/forgetRun';
import { recordContacts } from '../../core/run/contactHistoryRun';
import { contactRulesFor } from '../../core/run/contactRules';
import { inlinePreviewer, type SelectionPreviewer } from './selectionPreviewer';
import { failureText, problemsText } from './problemText';
import { acceptRefresh, refreshBaseline, refreshDiff, type RefreshDiff } from '../../core/run/refresh';

/** What "Aktualisieren" shows: the campaign's group rebuilt on today's data, and the difference to its last use. */
export interface RefreshPreview {
  campaignId: string;
  group: TargetGroup;
  diff: RefreshDiff;
}

export interface PaneSessionOptions {
  /** Computes selection previews; on the main thread unless given one that uses a Web Worker. */
  previewer?: SelectionPreviewer;
  /** The clock every date and timestamp of the pane comes from (tests pass a fixed one). */
  now?: () => Date;
}

/** Set when a use went through but could not be entered in the contact history: why, in the user's words. */
export interface HistoryNote {
  historyNote?: string;
}

export interface LoadedWorkspace {
  /** Fails as well when the add-in's own state cannot be read: the pane then offers nothing that would overwrite it. */
  data: Result<WorkbookData, Problem[]>;
}

/**
 * The pane's use cases over the workbook port: each one only calls core functions (campaignRun.ts and friends) and
 * keeps the add-in state the last write produced. That state is the one place the campaigns live: whoever shows them
 * subscribes, and every read or write of the state notifies.
 */
export class PaneSession {
  private state: AddinState = emptyState();
  /** The sales lines of the last load: the control group is stratified by prior purchases. */
  private sales: SalesLines = noSalesLines();
  /** A state sheet this version cannot read (damaged, or from a newer version) is never overwritten. */
  private stateReadable = true;
  private readonly listeners = new Set<() => void>();
  private readonly previewer: SelectionPreviewer;
  private readonly now: () => Date;

  constructor(
    readonly port: WorkbookPort,
    readonly language: Language,
    options: PaneSessionOptions = {},
  ) {
    this.previewer = options.previewer ?? inlinePreviewer;
    this.now = options.now ?? (() => new Date());
  }

  get campaigns(): StoredCampaign[] {
    return this.state.campaigns;
  }

  /** Calls `listener` after every change of the stored campaigns or mapping; returns the unsubscribe. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Today as the core's calendar day: the user's local date. */
  today(): Day {
    return localDay(this.now());
  }

  /** Today as YYYY-MM-DD, the user's local date. */
  todayIso(): string {
    return dayToIso(this.today());
  }

  nowIso(): string {
    return this.now().toISOString();
  }

  get mapping(): MappingOverrides | undefined {
    return this.state.mapping;
  }

  /** Reads the add-in's state, then the user's sheets (see readState and readSheets). */
  async load(options: LoadOptions = {}): Promise<LoadedWorkspace> {
    const read = await this.readState();
    return read.ok ? this.readSheets(options) : { data: read };
  }

  /**
   * Reads the add-in's own state: the campaigns and the mapping. It is one small sheet, so the pane can show the
   * campaigns before the user's sheets are read.
   */
  async readState(): Promise<Result<void, Problem[]>> {
    const read = await readAddinState(this.port);
    this.stateReadable = read.ok;
    if (!read.ok) return read;
    this.setState(read.value);
    return ok(undefined);
  }

  /** Reads and parses the user's sheets with the mapping of the state read last (options: see LoadOptions). */
  async readSheets(options: LoadOptions = {}): Promise<LoadedWorkspace> {
    const data = await loadWorkbookData(this.port, this.state.mapping ?? {}, this.state.ownedSheets, options);
    this.sales = data.ok ? data.value.sales : noSalesLines();
    return { data };
  }

  /**
   * Adds the probable duplicates to data loaded with `duplicatesLater` (same object, see completeWithDuplicates),
   * awaiting `pause` between the steps of the search; then hands the data to the previewer's worker.
   */
  async completeProblems(data: WorkbookData, pause: () => Promise<void>): Promise<void> {
    await completeWithDuplicatesPausing(data, pause);
    this.previewer.prepare?.(data);
  }

  /** The workbook's contact limit, for every campaign without its own. */
  get contactLimit(): ContactLimit | undefined {
    return this.state.contactLimit;
  }

  async saveContactLimit(limit: ContactLimit | undefined): Promise<void> {
    const { contactLimit: _old, ...rest } = this.state;
    await this.writeState(limit ? { ...rest, contactLimit: limit } : rest);
  }

  async saveMapping(mapping: MappingOverrides): Promise<void> {
    await this.writeState({ ...this.state, mapping });
  }

  /** Stores the campaign (a new one, or an update by id) and returns it as stored. */
  async saveCampaign(campaign: StoredCampaign, nowIso = this.nowIso()): Promise<StoredCampaign> {
    const upserted = upsertCampaign(this.state, campaign, nowIso, campaign.memberCount, campaign.targetSheet);
    await this.writeState(upserted.state);
    return upserted.campaign;
  }

  /** Removes the campaign from the state only: its sheets and leads stay in the workbook. */
  async deleteCampaign(id: string): Promise<void> {
    await this.writeState({ ...this.state, campaigns: this.state.campaigns.filter((c) => c.id !== id) });
  }

  readSheet(name: string): Promise<SheetTable> {
    return this.port.readSheet(name);
  }

  async sheetNames(): Promise<string[]> {
    return (await this.port.listSheets()).filter((s) => s.visibility === 'visible').map((s) => s.name);
  }

  /** The campaign's group as the command line builds it: with the contact limit and protected control groups. */
  buildGroup(data: WorkbookData, campaign: StoredCampaign): TargetGroup {
    return buildTargetGroup(data, campaign, this.groupOptions(campaign));
  }

  private groupOptions(campaign: StoredCampaign): TargetGroupOptions {
    const today = this.today();
    return { today, contactRules: contactRulesFor(this.state, campaign, today) };
  }

  /** Adds the selection as the campaign's next one; for a preview, pass the group and ignore the result's members. */
  applySelection(
    group: TargetGroup,
    data: WorkbookData,
    campaign: StoredCampaign,
    selection: SelectionDefinition,
  ): TargetGroup {
    return applySelection(
      group,
      data,
      selection,
      campaign.selections.length,
      campaign,
      this.groupOptions(campaign),
    );
  }

  /** The group the selection would give, computed without blocking the pane where possible. */
  previewSelection(
    group: TargetGroup,
    data: WorkbookData,
    campaign: StoredCampaign,
    selection: SelectionDefinition,
  ): Promise<TargetGroup> {
    return this.previewer.preview({ group, data, campaign, selection, ...this.groupOptions(campaign) });
  }

  selectionLabels(campaign: StoredCampaign): string[] {
    return campaign.selections.map((selection, index) =>
      describeSelection(selection, index, campaign.language ?? this.language),
    );
  }

  /**
   * Who would be held back if the target group were used now (before the first use, a preview; afterwards the
   * stored decisions plus a draw for new members). Nothing is saved.
   */
  groupSplit(campaign: StoredCampaign, group: TargetGroup): GroupUse {
    return this.splitAsStored(campaign, group).use;
  }

  /**
   * "Aktualisieren": the used campaign's group on today's data and what changed since its last use; null for a
   * campaign never used. Nothing is saved.
   */
  refreshPreview(data: WorkbookData, campaign: StoredCampaign): RefreshPreview | null {
    const baseline = refreshBaseline(campaign);
    if (baseline === null) return null;
    const group = this.buildGroup(data, campaign);
    return { campaignId: campaign.id, group, diff: refreshDiff(baseline, group, data.history) };
  }

  /**
   * Stores the campaign as refreshed, the new matches in `declined` removed by hand. Only the state changes: the
   * contact history and the assignment (who was contacted or held back) are not touched.
   */
  async acceptRefresh(preview: RefreshPreview, declined: ReadonlySet<string>): Promise<StoredCampaign> {
    this.assertStateWritable();
    const stored = this.state.campaigns.find((campaign) => campaign.id === preview.campaignId);
    if (!stored) throw new Error(`The campaign ${preview.campaignId} is no longer stored`);
    const accepted = acceptRefresh(stored, preview.diff, preview.group, declined, this.nowIso());
    await this.writeState(recordUse(this.state, accepted));
    return accepted;
  }

  /** Puts the person on the workbook's Sperrliste (a new sheet if it has none); a new read shows them excluded. */
  addToBlocklist(data: WorkbookData, person: PersonData): Promise<Result<{ sheet: string }, Problem[]>> {
    return addToBlocklist(this.port, data.blocklists ?? [], person, this.today(), this.language);
  }

  async writeTargetSheet(
    campaign: StoredCampaign,
    group: TargetGroup,
  ): Promise<{ campaign: StoredCampaign; sheet: string; count: number; control: number } & HistoryNote> {
    const { state, use } = this.prepareUse(campaign, group);
    const table = targetSheetTable(use, this.selectionLabels(use.campaign));
    const written = await writeTargetSheet(this.port, state, use.campaign, table, true);
    await this.writeState(written.state);
    const historyNote = await this.recordContacts(use, 'targetSheet');
    return {
      campaign: written.campaign,
      sheet: written.sheet,
      count: table.rows.length,
      control: use.control.length,
      ...(historyNote ? { historyNote } : {}),
    };
  }

  /**
   * Leads for the contacted members only: the control group must not be worked by sales staff. `options` carry the
   * user's answers: create deleted leads again, or start a new Leads sheet when the old one is gone.
   */
  async writeLeads(
    campaign: StoredCampaign,
    group: TargetGroup,
    nowIso = this.nowIso(),
    options: LeadsOptions = {},
  ): Promise<Result<LeadsOutcome & HistoryNote, Problem[]>> {
    const { state, use } = this.prepareUse(campaign, group, nowIso);
    const written = await writeLeadsSheet(this.port, state, use.campaign, use.contacted, nowIso, options);
    if (!written.ok) return written;
    await this.writeState(written.value.state);
    const historyNote = await this.recordContacts(use, 'leads');
    return { ok: true, value: { ...written.value.leads, ...(historyNote ? { historyNote } : {}) } };
  }

  /** The CSV of the contacted members. Exporting uses the target group: start and assignment are stored first. */
  async csvText(
    campaign: StoredCampaign,
    group: TargetGroup,
    delimiter: CsvDelimiter,
  ): Promise<{ text: string; rows: number; campaign: StoredCampaign } & HistoryNote> {
    const { state, use } = this.prepareUse(campaign, group);
    await this.writeState(state);
    const historyNote = await this.recordContacts(use, 'csv');
    const table = exportTable(use, this.selectionLabels(use.campaign));
    return {
      text: toCsv(table, { delimiter, language: campaign.language ?? this.language }),
      rows: table.rows.length,
      campaign: use.campaign,
      ...(historyNote ? { historyNote } : {}),
    };
  }

  /** The pre-flight of what an export would write now (step 4); reads nothing and writes nothing. */
  exportCheck(campaign: StoredCampaign, group: TargetGroup): ExportCheck {
    return checkExport(this.splitAsStored(campaign, group).use);
  }

  /** Where the host cannot download: the CSV lines in an export sheet (see the core's writeCsvSheet). */
  async writeCsvSheet(campaign: StoredCampaign, text: string): Promise<string> {
    this.assertStateWritable();
    const written = await writeCsvSheet(this.port, this.state, campaign, text);
    await this.writeState(written.state);
    return written.sheet;
  }

  /** The success evaluation of every stored campaign, focused on this one. Reads the workbook afresh. */
  evaluate(campaignId: string): Promise<Result<EvaluationReport, Problem[]>> {
    return evaluateWorkbook(this.port, {
      today: this.today(),
      campaign: campaignId,
      language: this.language,
    });
  }

  /** Writes the "Auswertung" sheets; the state then records them as the add-in's own. */
  async writeEvaluation(
    report: EvaluationReport,
  ): Promise<Result<Omit<EvaluationSheets, 'state'>, Problem[]>> {
    this.assertStateWritable();
    const written = await writeEvaluationSheets(this.port, this.state, report, this.language);
    if (!written.ok) return written;
    await this.writeState(written.value.state);
    return { ok: true, value: { sheet: written.value.sheet, typeSheet: written.value.typeSheet } };
  }

  /** Everything the workbook holds about the people the query names (Art. 15 DSGVO); reads the workbook afresh. */
  findPerson(query: PersonQuery): Promise<Result<PersonFound[], Problem[]>> {
    return findPerson(this.port, query);
  }

  /** What forgetting the person would remove and what stays; changes nothing. */
  planForget(query: PersonQuery): Promise<Result<ForgetPlan, Problem[]>> {
    return planForget(this.port, query);
  }

  /** Forgets the person (Art. 17 DSGVO); the campaigns are read again, as forget rewrote their state. */
  async forgetPerson(query: PersonQuery): Promise<Result<ForgetOutcome, Problem[]>> {
    this.assertStateWritable();
    const done = await forgetPerson(this.port, query, { today: this.today(), lang: this.language });
    const read = await readAddinState(this.port);
    if (read.ok) this.setState(read.value);
    return done;
  }

  /** Shows a row in the workbook (Excel, the preview): undefined where the workbook is a file nobody looks at. */
  get showRow(): ((sheet: string, row: number) => Promise<void>) | undefined {
    const { port } = this;
    return port.showRow?.bind(port);
  }

  get canSave(): boolean {
    return this.stateReadable;
  }

  /** A use writes: never on a state sheet this version cannot read. */
  private prepareUse(
    campaign: StoredCampaign,
    group: TargetGroup,
    nowIso = this.nowIso(),
  ): { state: AddinState; use: GroupUse } {
    this.assertStateWritable();
    return this.splitAsStored(campaign, group, nowIso);
  }

  /** The campaign as stored (keeping its start and earlier group decisions), split for this use; nothing saved. */
  private splitAsStored(
    campaign: StoredCampaign,
    group: TargetGroup,
    nowIso = this.nowIso(),
  ): { state: AddinState; use: GroupUse } {
    const upserted = upsertCampaign(this.state, campaign, nowIso, group.members.length, campaign.targetSheet);
    const use = splitTargetGroup(upserted.campaign, group, this.sales, this.today());
    return { state: recordUse(upserted.state, use.campaign), use };
  }

  /**
   * Every use goes into the contact history, as the command line's does (see the core's recordContacts). The use
   * itself stands when that fails; what kept it out of the history is returned, in the user's words.
   */
  private async recordContacts(use: GroupUse, channel: ContactChannel): Promise<string | undefined> {
    try {
      const recorded = await recordContacts(
        this.port,
        { ...use, channels: [channel], day: this.today() },
        use.campaign.language ?? this.language,
      );
      return recorded.ok ? undefined : problemsText(recorded.error, this.language);
    } catch (error) {
      return failureText(error, this.language);
    }
  }

  private assertStateWritable(): void {
    if (!this.stateReadable)
      throw new Error('The add-in state sheet is unreadable and must not be overwritten');
  }

  private async writeState(state: AddinState): Promise<void> {
    this.assertStateWritable();
    await saveAddinState(this.port, state);
    this.setState(state);
  }

  private setState(state: AddinState): void {
    this.state = state;
    for (const listener of this.listeners) listener();
  }
}
