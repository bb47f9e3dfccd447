import type { CampaignType, SelectionDefinition, StoredCampaign } from '../../core/campaign/campaign';
import { MAX_NAME_LENGTH } from '../../core/campaign/campaignFields';
import type { Language } from '../../core/kernel/language';
import type { MappingOverrides, WorkbookData } from '../../core/kernel/model';
import type { Problem } from '../../core/kernel/problems';
import type { SelectionReport, TargetGroup } from '../../core/group/targetGroupModel';
import type { CsvDelimiter } from '../../core/outputs/csv';

export type Screen = 'home' | 'basics' | 'recipients' | 'targetGroup' | 'use' | 'evaluation';
export const WIZARD_STEPS = [
  'basics',
  'recipients',
  'targetGroup',
  'use',
] as const satisfies readonly Screen[];
export type WizardStep = (typeof WIZARD_STEPS)[number];
export const isWizardStep = (screen: Screen): screen is WizardStep =>
  (WIZARD_STEPS as readonly Screen[]).includes(screen);

export type RecipientMethod = 'contacts' | 'customers' | 'purchasedArticles' | 'inactiveCustomers';
export type Task = 'targetSheet' | 'leads' | 'csv';

export type Workbook =
  | { status: 'loading' }
  | { status: 'ready'; data: WorkbookData; mapping: MappingOverrides | undefined }
  | { status: 'failed'; problems: Problem[]; mapping: MappingOverrides | undefined };

export type Operation = { status: 'idle' } | { status: 'running'; task: Task };

/** What a finished task reports; the component turns it into text. */
export type Outcome =
  | { task: 'targetSheet'; status: 'success'; sheet: string; count: number }
  | { task: 'leads'; status: 'success'; sheet: string; created: number; updated: number; unchanged: number }
  | { task: 'csv'; status: 'success'; via: 'download'; file: string; count: number }
  | { task: 'csv'; status: 'success'; via: 'sheet'; sheet: string; count: number }
  | { task: Task; status: 'failure'; message: string };

export interface WizardState {
  screen: Screen;
  workbook: Workbook;
  campaigns: StoredCampaign[];
  /** The open campaign; null on the home screen. */
  draft: StoredCampaign | null;
  group: TargetGroup;
  method: RecipientMethod;
  /** Report of the selection applied last, shown until the next one. */
  lastApplied: SelectionReport | null;
  operation: Operation;
  outcome: Outcome | null;
  csvDelimiter: CsvDelimiter;
  /** Changed since the last save to the workbook; the hook saves and then dispatches `saved`. */
  unsaved: boolean;
  /** The campaign whose evaluation is shown on the 'evaluation' screen. */
  evaluated: string | null;
}

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
] as const satisfies ReadonlyArray<keyof StoredCampaign>;
export type BasicsChange = Partial<Pick<StoredCampaign, (typeof BASICS_FIELDS)[number]>>;

export type WizardAction =
  | {
      type: 'workbookLoaded';
      data: WorkbookData;
      mapping: MappingOverrides | undefined;
      campaigns: StoredCampaign[];
    }
  | {
      type: 'workbookFailed';
      problems: Problem[];
      mapping: MappingOverrides | undefined;
      campaigns: StoredCampaign[];
    }
  | { type: 'workbookReloading' }
  | { type: 'campaignsChanged'; campaigns: StoredCampaign[] }
  | { type: 'campaignOpened'; campaign: StoredCampaign; group: TargetGroup; screen: WizardStep }
  | { type: 'closed' }
  | { type: 'screenChanged'; screen: WizardStep }
  | { type: 'basicsChanged'; change: BasicsChange }
  | { type: 'methodChanged'; method: RecipientMethod }
  | { type: 'selectionApplied'; selection: SelectionDefinition; group: TargetGroup }
  | { type: 'selectionRemoved'; index: number; group: TargetGroup }
  | { type: 'memberRemoved'; key: string; group: TargetGroup }
  | { type: 'memberRestored'; key: string; group: TargetGroup }
  | { type: 'groupRebuilt'; group: TargetGroup }
  | { type: 'saved'; campaign: StoredCampaign; campaigns: StoredCampaign[] }
  | { type: 'csvDelimiterChanged'; delimiter: CsvDelimiter }
  | { type: 'operationStarted'; task: Task }
  | {
      type: 'operationFinished';
      outcome: Outcome;
      targetSheet?: string;
      /** The campaign as the write stored it: its start and group assignment are decided by the first use. */
      used?: Pick<StoredCampaign, 'start' | 'assignment'>;
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

export const emptyGroup = (): TargetGroup => ({ members: [], excluded: [], reports: [], problems: [] });

export const initialWizardState = (): WizardState => ({
  screen: 'home',
  workbook: { status: 'loading' },
  campaigns: [],
  draft: null,
  group: emptyGroup(),
  method: 'contacts',
  lastApplied: null,
  operation: { status: 'idle' },
  outcome: null,
  csvDelimiter: ';',
  unsaved: false,
  evaluated: null,
});

const withDraft = (
  state: WizardState,
  change: (draft: StoredCampaign) => StoredCampaign,
): StoredCampaign | null => (state.draft ? change(state.draft) : null);

const withCount = (draft: StoredCampaign, group: TargetGroup): StoredCampaign => ({
  ...draft,
  memberCount: group.members.length,
});

const idle = (state: WizardState): boolean => state.operation.status === 'idle';

export function wizardReducer(state: WizardState, action: WizardAction): WizardState {
  switch (action.type) {
    case 'workbookLoaded':
      return {
        ...state,
        workbook: { status: 'ready', data: action.data, mapping: action.mapping },
        campaigns: action.campaigns,
      };
    case 'workbookFailed':
      return {
        ...state,
        workbook: { status: 'failed', problems: action.problems, mapping: action.mapping },
        campaigns: action.campaigns,
      };
    case 'workbookReloading':
      return { ...state, workbook: { status: 'loading' } };
    case 'campaignsChanged':
      return { ...state, campaigns: action.campaigns };
    case 'campaignOpened':
      return {
        ...state,
        screen: action.screen,
        draft: action.campaign,
        group: action.group,
        lastApplied: null,
        outcome: null,
        unsaved: false,
        evaluated: null,
      };
    case 'closed':
      if (!idle(state)) return state;
      // Opened from step 4, the evaluation goes back there; from the home screen, home.
      if (state.screen === 'evaluation' && state.draft) return { ...state, screen: 'use', evaluated: null };
      return {
        ...state,
        screen: 'home',
        draft: null,
        group: emptyGroup(),
        lastApplied: null,
        outcome: null,
        evaluated: null,
      };
    case 'screenChanged':
      if (!state.draft || !idle(state)) return state;
      if (action.screen !== 'basics' && nameError(state.draft, state.campaigns)) return state;
      return { ...state, screen: action.screen, outcome: null, evaluated: null };
    case 'basicsChanged':
      return { ...state, draft: withDraft(state, (d) => ({ ...d, ...action.change })), unsaved: true };
    case 'methodChanged':
      return { ...state, method: action.method, lastApplied: null };
    case 'selectionApplied':
      return {
        ...state,
        draft: withDraft(state, (d) =>
          withCount({ ...d, selections: [...d.selections, action.selection] }, action.group),
        ),
        group: action.group,
        lastApplied: action.group.reports[action.group.reports.length - 1] ?? null,
        unsaved: true,
      };
    case 'selectionRemoved':
      return {
        ...state,
        draft: withDraft(state, (d) =>
          withCount({ ...d, selections: d.selections.filter((_, i) => i !== action.index) }, action.group),
        ),
        group: action.group,
        lastApplied: null,
        unsaved: true,
      };
    case 'memberRemoved':
      return {
        ...state,
        draft: withDraft(state, (d) =>
          withCount({ ...d, removed: [...new Set([...(d.removed ?? []), action.key])] }, action.group),
        ),
        group: action.group,
        unsaved: true,
      };
    case 'memberRestored':
      return {
        ...state,
        draft: withDraft(state, (d) =>
          withCount({ ...d, removed: (d.removed ?? []).filter((key) => key !== action.key) }, action.group),
        ),
        group: action.group,
        unsaved: true,
      };
    case 'groupRebuilt':
      return { ...state, group: action.group, draft: withDraft(state, (d) => withCount(d, action.group)) };
    case 'saved':
      return {
        ...state,
        campaigns: action.campaigns,
        // Edits made while saving stay unsaved; only the saved fields' bookkeeping is taken over.
        draft: withDraft(state, (d) =>
          d.id === action.campaign.id
            ? { ...d, createdAt: action.campaign.createdAt, updatedAt: action.campaign.updatedAt }
            : d,
        ),
        unsaved: state.draft !== null && !sameContent(state.draft, action.campaign),
      };
    case 'csvDelimiterChanged':
      return { ...state, csvDelimiter: action.delimiter };
    case 'operationStarted':
      return idle(state)
        ? { ...state, operation: { status: 'running', task: action.task }, outcome: null }
        : state;
    case 'operationFinished': {
      const { targetSheet, used } = action;
      return {
        ...state,
        operation: { status: 'idle' },
        outcome: action.outcome,
        draft: withDraft(state, (d) => ({
          ...d,
          ...(targetSheet ? { targetSheet } : {}),
          ...(used ? { start: used.start, assignment: used.assignment } : {}),
        })),
        unsaved: state.unsaved || Boolean(targetSheet),
      };
    }
    case 'outcomeDismissed':
      return { ...state, outcome: null };
    case 'evaluationOpened':
      return idle(state) && state.campaigns.some((c) => c.id === action.campaignId)
        ? { ...state, screen: 'evaluation', evaluated: action.campaignId, outcome: null }
        : state;
  }
}

const sameContent = (a: StoredCampaign, b: StoredCampaign): boolean =>
  BASICS_FIELDS.every((field) => (a[field] ?? '') === (b[field] ?? '')) &&
  a.selections === b.selections &&
  a.removed === b.removed &&
  a.targetSheet === b.targetSheet;

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
