import type {
  CampaignType,
  ContactLimit,
  SelectionDefinition,
  StoredCampaign,
} from '../../core/campaign/campaign';
import { MAX_NAME_LENGTH } from '../../core/campaign/campaignFields';
import type { Language } from '../../core/kernel/language';
import type { MappingOverrides, WorkbookData } from '../../core/kernel/model';
import type { Problem } from '../../core/kernel/problems';
import type { SelectionReport, TargetGroup } from '../../core/group/targetGroupModel';
import type { CsvDelimiter } from '../../core/outputs/csv';

export const WIZARD_STEPS = ['basics', 'recipients', 'targetGroup', 'use'] as const;
export type WizardStep = (typeof WIZARD_STEPS)[number];
export type Screen = 'home' | WizardStep | 'evaluation';
export const isWizardStep = (screen: Screen): screen is WizardStep =>
  (WIZARD_STEPS as readonly Screen[]).includes(screen);

export type RecipientMethod =
  'contacts' | 'customers' | 'purchasedArticles' | 'inactiveCustomers' | 'history';
/** What the pane does to the workbook, one at a time: step 4's uses, and step 3's entry on the Sperrliste. */
export type Task = 'targetSheet' | 'leads' | 'csv' | 'blocklist';

export type Workbook =
  | { status: 'loading' }
  /** The add-in's state is read (the campaigns are known); the user's sheets are being read. */
  | { status: 'readingSheets' }
  | { status: 'ready'; data: WorkbookData; mapping: MappingOverrides | undefined }
  | { status: 'failed'; problems: Problem[]; mapping: MappingOverrides | undefined };

export type Operation = { status: 'idle' } | { status: 'running'; task: Task };

/** A use that went through but is missing from the contact history: why (paneSession.ts HistoryNote). */
type HistoryNote = { historyNote?: string };

/** What a finished task reports; the component turns it into text. */
export type Outcome =
  | ({ task: 'targetSheet'; status: 'success'; sheet: string; count: number } & HistoryNote)
  | ({
      task: 'leads';
      status: 'success';
      sheet: string;
      created: number;
      updated: number;
      unchanged: number;
      /** Fields people changed by hand (kept), fields that also changed in the data, leads people deleted. */
      keptByHand: number;
      conflicts: number;
      deleted: number;
    } & HistoryNote)
  | ({ task: 'csv'; status: 'success'; via: 'download'; file: string; count: number } & HistoryNote)
  | ({ task: 'csv'; status: 'success'; via: 'sheet'; sheet: string; count: number } & HistoryNote)
  | { task: 'blocklist'; status: 'success'; name: string; sheet: string }
  | {
      task: Task;
      status: 'failure';
      message: string;
      /** The add-in's Leads sheet is gone: the pane asks whether to start a new one. */
      leadsSheetMissing?: boolean;
    };

/**
 * The open campaign is saved to the workbook after every change. A failed save stays failed, with its message on
 * screen, until the user retries: later edits are kept in the draft and go with the retry.
 */
export type SaveStatus = { status: 'saved' } | { status: 'unsaved' } | { status: 'failed'; message: string };

/** The campaign being edited, with everything the wizard shows about it. */
export interface OpenCampaign {
  draft: StoredCampaign;
  group: TargetGroup;
  method: RecipientMethod;
  /** Report of the selection applied last, shown until the next one. */
  lastApplied: SelectionReport | null;
  operation: Operation;
  outcome: Outcome | null;
  save: SaveStatus;
}

/** What the home screen does to a campaign; its result is shown until dismissed or the next action. */
export type HomeTask = {
  action: 'duplicate' | 'remove' | 'refresh';
  id: string;
  name: string;
  /** A refresh: the members after it. */
  count?: number;
};
export type HomeAction =
  | { status: 'idle' }
  | ({ status: 'running' | 'done' } & HomeTask)
  | ({ status: 'failed'; message: string } & HomeTask);

interface PaneBasics {
  workbook: Workbook;
  /** The stored campaigns, as the session last wrote or read them (see useWizard: one subscription keeps them). */
  campaigns: StoredCampaign[];
  /** The workbook's contact limit, kept in the same state as the campaigns and followed the same way. */
  contactLimit?: ContactLimit;
  csvDelimiter: CsvDelimiter;
}

export type HomeState = PaneBasics & { screen: 'home'; action: HomeAction };
export type EditingState = PaneBasics & { screen: WizardStep; open: OpenCampaign };
export type EvaluatingState = PaneBasics & {
  screen: 'evaluation';
  /** The id of the campaign whose evaluation is shown. */
  evaluated: string;
  /** The campaign open in step 4 when its evaluation was opened there; "back" returns to it. */
  open: OpenCampaign | null;
};
export type WizardState = HomeState | EditingState | EvaluatingState;

export const isEditing = (state: WizardState): state is EditingState => isWizardStep(state.screen);

/** The campaign open in the wizard, also while its evaluation is shown; null on the home screen. */
export const openCampaignOf = (state: WizardState): OpenCampaign | null =>
  state.screen === 'home' ? null : state.open;

/** The campaign's own fields, edited in step 1. */
export const BASICS_FIELDS = [
  'name',
  'type',
  'description',
  'start',
  'end',
  'cost',
  'evaluationDays',
  'status',
  'controlPercent',
  'primaryMetric',
  'addressee',
  'neutralGreeting',
  'contactLimit',
] as const satisfies ReadonlyArray<keyof StoredCampaign>;
export type BasicsChange = Partial<Pick<StoredCampaign, (typeof BASICS_FIELDS)[number]>>;

/** An edit of the campaign's target group: what it stores in the draft is decided by `editedDraft` alone. */
export type GroupEdit =
  | { type: 'selectionApplied'; selection: SelectionDefinition }
  | { type: 'selectionRemoved'; index: number }
  | { type: 'memberRemoved'; key: string }
  | { type: 'memberRestored'; key: string };

/**
 * The draft after a group edit. The hook rebuilds the group from this draft and the reducer stores this draft, so the
 * group shown and the campaign saved always agree. A member removed twice is stored once.
 */
export const editedDraft = (draft: StoredCampaign, edit: GroupEdit): StoredCampaign => {
  switch (edit.type) {
    case 'selectionApplied':
      return { ...draft, selections: [...draft.selections, edit.selection] };
    case 'selectionRemoved':
      return { ...draft, selections: draft.selections.filter((_, i) => i !== edit.index) };
    case 'memberRemoved':
      return { ...draft, removed: [...new Set([...(draft.removed ?? []), edit.key])] };
    case 'memberRestored':
      return { ...draft, removed: (draft.removed ?? []).filter((key) => key !== edit.key) };
  }
};

export type WizardAction =
  | { type: 'workbookLoaded'; data: WorkbookData; mapping: MappingOverrides | undefined }
  | { type: 'workbookFailed'; problems: Problem[]; mapping: MappingOverrides | undefined }
  | { type: 'workbookReloading' }
  | { type: 'stateRead' }
  /** The loaded data's problems were completed in place (the duplicates): what shows them renders again. */
  | { type: 'workbookProblemsCompleted'; data: WorkbookData }
  | { type: 'campaignsChanged'; campaigns: StoredCampaign[]; contactLimit?: ContactLimit }
  | { type: 'homeActionStarted'; task: HomeTask }
  | { type: 'homeActionFinished'; message?: string; count?: number }
  | { type: 'homeActionDismissed' }
  | { type: 'campaignOpened'; campaign: StoredCampaign; group: TargetGroup; screen: WizardStep }
  | { type: 'closed' }
  | { type: 'screenChanged'; screen: WizardStep }
  /** `group`: the group rebuilt for the changed draft, given when the change decides who is in it (the type). */
  | { type: 'basicsChanged'; change: BasicsChange; group?: TargetGroup }
  | { type: 'methodChanged'; method: RecipientMethod }
  | { type: 'groupEdited'; edit: GroupEdit; group: TargetGroup }
  | { type: 'saved'; campaign: StoredCampaign }
  | { type: 'saveFailed'; message: string }
  | { type: 'saveRetried' }
  | { type: 'csvDelimiterChanged'; delimiter: CsvDelimiter }
  | { type: 'operationStarted'; task: Task }
  | {
      type: 'operationFinished';
      outcome: Outcome;
      targetSheet?: string;
      /** The campaign as the write stored it: its start and group assignment are decided by the first use. */
      used?: Pick<StoredCampaign, 'start' | 'assignment'>;
      /** The workbook read again after a write that changes who may be in the group (the Sperrliste), and the group. */
      reread?: { data: WorkbookData; mapping: MappingOverrides | undefined; group: TargetGroup };
    }
  | { type: 'outcomeDismissed' }
  | { type: 'evaluationOpened'; campaignId: string };

export { MAX_NAME_LENGTH };

export type NameError = 'required' | 'tooLong' | 'taken';

/** Names must be unique among this workbook's campaigns (case-insensitive), because sheets are named after them. */
export const nameError = (
  draft: Pick<StoredCampaign, 'id' | 'name'>,
  campaigns: StoredCampaign[],
): NameError | null => {
  const name = draft.name.trim();
  if (name === '') return 'required';
  if (name.length > MAX_NAME_LENGTH) return 'tooLong';
  const taken = campaigns.some(
    (c) => c.id !== draft.id && c.name.trim().toLowerCase() === name.toLowerCase(),
  );
  return taken ? 'taken' : null;
};

export const initialWizardState = (campaigns: StoredCampaign[] = []): WizardState => ({
  screen: 'home',
  workbook: { status: 'loading' },
  campaigns,
  csvDelimiter: ';',
  action: { status: 'idle' },
});

/** What every screen keeps when the pane moves to another one. */
const basicsOf = ({ workbook, campaigns, csvDelimiter }: WizardState): PaneBasics => ({
  workbook,
  campaigns,
  csvDelimiter,
});

const home = (state: WizardState): HomeState => ({
  ...basicsOf(state),
  screen: 'home',
  action: { status: 'idle' },
});

const homeFinished = (action: HomeAction, message: string | undefined, count?: number): HomeAction => {
  if (action.status !== 'running') return action;
  const task = {
    action: action.action,
    id: action.id,
    name: action.name,
    ...(count !== undefined ? { count } : {}),
  };
  return message === undefined ? { status: 'done', ...task } : { status: 'failed', message, ...task };
};

const opened = (campaign: StoredCampaign, group: TargetGroup): OpenCampaign => ({
  draft: campaign,
  group,
  method: 'contacts',
  lastApplied: null,
  operation: { status: 'idle' },
  outcome: null,
  save: { status: 'saved' },
});

const withCount = (draft: StoredCampaign, group: TargetGroup): StoredCampaign => ({
  ...draft,
  memberCount: group.members.length,
});

/** An edit waits for the retry after a failed save; otherwise the next auto-save takes it. */
const unsaved = (save: SaveStatus): SaveStatus => (save.status === 'failed' ? save : { status: 'unsaved' });

const idle = (open: OpenCampaign): boolean => open.operation.status === 'idle';

/** Applies a change to the open campaign; the actions that need one do nothing elsewhere. */
const whileEditing = (state: WizardState, change: (open: OpenCampaign) => OpenCampaign): WizardState =>
  isEditing(state) ? { ...state, open: change(state.open) } : state;

/** Applies a change to the open campaign, also while its evaluation is shown (a save that finishes there). */
const whileOpen = (state: WizardState, change: (open: OpenCampaign) => OpenCampaign): WizardState =>
  state.screen === 'home' || state.open === null ? state : { ...state, open: change(state.open) };

const afterGroupEdit = (open: OpenCampaign, edit: GroupEdit, group: TargetGroup): OpenCampaign => ({
  ...open,
  draft: withCount(editedDraft(open.draft, edit), group),
  group,
  lastApplied:
    edit.type === 'selectionApplied'
      ? (group.reports[group.reports.length - 1] ?? null)
      : edit.type === 'selectionRemoved'
        ? null
        : open.lastApplied,
  save: unsaved(open.save),
});

const sameContent = (a: StoredCampaign, b: StoredCampaign): boolean =>
  BASICS_FIELDS.every((field) => (a[field] ?? '') === (b[field] ?? '')) &&
  a.selections === b.selections &&
  a.removed === b.removed &&
  a.targetSheet === b.targetSheet;

const afterSave = (open: OpenCampaign, stored: StoredCampaign): OpenCampaign => {
  if (open.draft.id !== stored.id) return open;
  // Edits made while saving stay unsaved; only the saved fields' bookkeeping is taken over.
  const draft = { ...open.draft, createdAt: stored.createdAt, updatedAt: stored.updatedAt };
  return { ...open, draft, save: sameContent(open.draft, stored) ? { status: 'saved' } : unsaved(open.save) };
};

export function wizardReducer(state: WizardState, action: WizardAction): WizardState {
  switch (action.type) {
    case 'workbookLoaded':
      return { ...state, workbook: { status: 'ready', data: action.data, mapping: action.mapping } };
    case 'workbookFailed':
      return { ...state, workbook: { status: 'failed', problems: action.problems, mapping: action.mapping } };
    case 'workbookReloading':
      return { ...state, workbook: { status: 'loading' } };
    case 'stateRead':
      return state.workbook.status === 'loading'
        ? { ...state, workbook: { status: 'readingSheets' } }
        : state;
    case 'workbookProblemsCompleted':
      return state.workbook.status === 'ready' && state.workbook.data === action.data
        ? { ...state, workbook: { ...state.workbook } }
        : state;
    case 'campaignsChanged':
      return action.campaigns === state.campaigns && action.contactLimit === state.contactLimit
        ? state
        : { ...state, campaigns: action.campaigns, contactLimit: action.contactLimit };
    case 'homeActionStarted':
      return state.screen === 'home' && state.action.status !== 'running'
        ? { ...state, action: { status: 'running', ...action.task } }
        : state;
    case 'homeActionFinished':
      return state.screen === 'home'
        ? { ...state, action: homeFinished(state.action, action.message, action.count) }
        : state;
    case 'homeActionDismissed':
      return state.screen === 'home' ? { ...state, action: { status: 'idle' } } : state;
    case 'campaignOpened':
      return state.screen === 'home'
        ? { ...basicsOf(state), screen: action.screen, open: opened(action.campaign, action.group) }
        : state;
    case 'closed':
      if (isEditing(state)) return idle(state.open) ? home(state) : state;
      // Opened from step 4, the evaluation goes back there; from the home screen, home.
      if (state.screen === 'evaluation' && state.open)
        return { ...basicsOf(state), screen: 'use', open: state.open };
      return home(state);
    case 'screenChanged':
      if (!isEditing(state) || !idle(state.open)) return state;
      if (action.screen !== 'basics' && nameError(state.open.draft, state.campaigns)) return state;
      return { ...state, screen: action.screen, open: { ...state.open, outcome: null } };
    case 'basicsChanged':
      return whileEditing(state, (open) => {
        const draft = { ...open.draft, ...action.change };
        const { group } = action;
        return group
          ? { ...open, draft: withCount(draft, group), group, save: unsaved(open.save) }
          : { ...open, draft, save: unsaved(open.save) };
      });
    case 'methodChanged':
      return whileEditing(state, (open) => ({ ...open, method: action.method, lastApplied: null }));
    case 'groupEdited':
      return whileEditing(state, (open) => afterGroupEdit(open, action.edit, action.group));
    case 'saved':
      return whileOpen(state, (open) => afterSave(open, action.campaign));
    case 'saveFailed':
      return whileOpen(state, (open) => ({ ...open, save: { status: 'failed', message: action.message } }));
    case 'saveRetried':
      return whileOpen(state, (open) =>
        open.save.status === 'failed' ? { ...open, save: { status: 'unsaved' } } : open,
      );
    case 'csvDelimiterChanged':
      return { ...state, csvDelimiter: action.delimiter };
    case 'operationStarted':
      return whileEditing(state, (open) =>
        idle(open) ? { ...open, operation: { status: 'running', task: action.task }, outcome: null } : open,
      );
    case 'operationFinished': {
      const { targetSheet, used, reread } = action;
      const finished = whileEditing(state, (open) => {
        const draft = {
          ...open.draft,
          ...(targetSheet ? { targetSheet } : {}),
          ...(used ? { start: used.start, assignment: used.assignment } : {}),
        };
        return {
          ...open,
          operation: { status: 'idle' },
          outcome: action.outcome,
          draft: reread ? withCount(draft, reread.group) : draft,
          group: reread?.group ?? open.group,
          save: targetSheet || reread ? unsaved(open.save) : open.save,
        };
      });
      if (!reread || finished === state) return finished;
      return { ...finished, workbook: { status: 'ready', data: reread.data, mapping: reread.mapping } };
    }
    case 'outcomeDismissed':
      return whileEditing(state, (open) => ({ ...open, outcome: null }));
    case 'evaluationOpened': {
      if (!state.campaigns.some((c) => c.id === action.campaignId)) return state;
      const evaluating = { ...basicsOf(state), screen: 'evaluation', evaluated: action.campaignId } as const;
      if (state.screen === 'home') return { ...evaluating, open: null };
      if (!isEditing(state) || !idle(state.open)) return state;
      return { ...evaluating, open: { ...state.open, outcome: null } };
    }
  }
}

/** A new campaign's outputs (headers, greeting) use the pane's language. */
export const newCampaign = (
  id: string,
  nowIso: string,
  language: Language,
  type: CampaignType = 'email',
): StoredCampaign => ({
  id,
  name: '',
  type,
  language,
  selections: [],
  removed: [],
  createdAt: nowIso,
  updatedAt: nowIso,
  memberCount: 0,
});
