import { startTransition, type Dispatch } from 'react';
import type { ContactLimit, SelectionDefinition, StoredCampaign } from '../../core/campaign/campaign';
import { removeMemberByHand, restoreMemberByHand } from '../../core/group/handRemovals';
import { emptyTargetGroup } from '../../core/group/targetGroup';
import type { TargetGroup } from '../../core/group/targetGroupModel';
import type { CsvDelimiter } from '../../core/outputs/csv';
import { nextPaint } from '../services/pauses';
import type { PaneSession, RefreshPreview } from '../services/paneSession';
import { failureText } from '../services/problemText';
import {
  editedDraft,
  isEditing,
  nameError,
  newCampaign,
  openCampaignOf,
  type BasicsChange,
  type GroupEdit,
  type HomeTask,
  type OpenCampaign,
  type RecipientMethod,
  type WizardAction,
  type WizardState,
  type WizardStep,
} from './wizardReducer';

export interface CampaignActions {
  create(): void;
  open(id: string): void;
  duplicate(id: string, copySuffix: string): Promise<void>;
  remove(id: string): Promise<void>;
  dismissHomeAction(): void;
  close(): void;
  goTo(step: WizardStep): void;
  changeBasics(change: BasicsChange): void;
  /** Stores the workbook's contact limit (none: `undefined`); an open campaign without its own follows it. */
  saveWorkbookContactLimit(limit: ContactLimit | undefined): Promise<void>;
  changeMethod(method: RecipientMethod): void;
  /** `previewed`: the group the preview already computed for this selection on the current group, reused as is. */
  applySelection(selection: SelectionDefinition, previewed?: TargetGroup): Promise<void>;
  removeSelection(index: number): void;
  removeMember(key: string): void;
  restoreMember(key: string): void;
  changeCsvDelimiter(delimiter: CsvDelimiter): void;
  dismissOutcome(): void;
  /**
   * "Aktualisieren", first half: reads the workbook again (the user may have changed it since the pane read it) and
   * returns what changed since the campaign's last use; null when it cannot (the failure is on the home screen).
   */
  previewRefresh(id: string): Promise<RefreshPreview | null>;
  /** Second half: stores the refresh with the new matches in `declined` left out. */
  acceptRefresh(preview: RefreshPreview, declined: ReadonlySet<string>): Promise<void>;
  /** Shows the evaluation of a stored campaign; an open campaign's last edits are saved first. */
  openEvaluation(id: string): Promise<void>;
}

const newId = (): string =>
  typeof crypto !== 'undefined' && 'randomUUID' in crypto
    ? crypto.randomUUID()
    : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;

/** A copy plans a new campaign: it takes the selections and settings, not the original's sheet, run or results. */
const copyOf = (original: StoredCampaign, campaigns: StoredCampaign[], copySuffix: string, now: string) => {
  const names = new Set(campaigns.map((c) => c.name.toLowerCase()));
  let name = `${original.name} ${copySuffix}`;
  for (let n = 2; names.has(name.toLowerCase()); n++) name = `${original.name} ${copySuffix} ${n}`;
  const {
    targetSheet: _targetSheet,
    start: _start,
    end: _end,
    cost: _cost,
    status: _status,
    assignment: _assignment,
    members: _members,
    ...plan
  } = original;
  return { ...plan, id: newId(), name, createdAt: now };
};

/**
 * The wizard's actions that are not loading, saving or a task of step 4. Plain closures over the session and the
 * state: the target group of every edit is rebuilt from `editedDraft`, the same draft the reducer stores.
 */
export function campaignActions(
  session: PaneSession,
  getState: () => WizardState,
  dispatch: Dispatch<WizardAction>,
  saveNow: (draft: StoredCampaign) => Promise<boolean>,
): CampaignActions {
  const editing = (): OpenCampaign | null => {
    const state = getState();
    return isEditing(state) ? state.open : null;
  };
  const groupFor = (draft: StoredCampaign): TargetGroup => {
    const { workbook } = getState();
    return workbook.status === 'ready' ? session.buildGroup(workbook.data, draft) : emptyTargetGroup();
  };
  const editGroup = (edit: GroupEdit) => {
    const open = editing();
    if (open) dispatch({ type: 'groupEdited', edit, group: groupFor(editedDraft(open.draft, edit)) });
  };
  const editMembers = (
    edit: Extract<GroupEdit, { key: string }>,
    change: (group: TargetGroup, key: string) => TargetGroup,
  ) => {
    const open = editing();
    if (open) dispatch({ type: 'groupEdited', edit, group: change(open.group, edit.key) });
  };
  const onHome = async <T>(
    action: HomeTask['action'],
    id: string,
    work: (original: StoredCampaign) => Promise<T>,
    done: (result: T) => WizardAction = () => ({ type: 'homeActionFinished' }),
  ) => {
    const state = getState();
    const original = state.campaigns.find((c) => c.id === id);
    if (!original || state.screen !== 'home' || state.action.status === 'running') return;
    dispatch({ type: 'homeActionStarted', task: { action, id, name: original.name } });
    await nextPaint();
    try {
      dispatch(done(await work(original)));
    } catch (error) {
      dispatch({ type: 'homeActionFinished', message: failureText(error, session.language) });
    }
  };

  /**
   * A change of screen renders a whole new screen (50 ms and more with its first styles): as a transition React renders
   * it in slices, and the click's task ends at once instead of carrying the render, its layout and a GC that lands.
   */
  const navigate = (action: WizardAction) => startTransition(() => dispatch(action));

  return {
    create: () => {
      const campaign = newCampaign(newId(), session.nowIso(), session.language);
      navigate({ type: 'campaignOpened', campaign, group: emptyTargetGroup(), screen: 'basics' });
    },
    open: (id) => {
      const state = getState();
      const campaign = state.campaigns.find((c) => c.id === id);
      // its group is built from the sheets: "Öffnen" waits until they are read (CampaignCard)
      if (campaign && state.workbook.status === 'ready')
        navigate({ type: 'campaignOpened', campaign, group: groupFor(campaign), screen: 'targetGroup' });
    },
    duplicate: (id, copySuffix) =>
      onHome('duplicate', id, (original) => {
        const now = session.nowIso();
        return session.saveCampaign(copyOf(original, getState().campaigns, copySuffix, now), now);
      }),
    remove: (id) => onHome('remove', id, () => session.deleteCampaign(id)),
    previewRefresh: async (id) => {
      let preview: RefreshPreview | null = null;
      await onHome(
        'refresh',
        id,
        async () => {
          const { data } = await session.load();
          if (!data.ok) {
            // the pane's own way out of an unreadable workbook (mapping, retry) takes over
            dispatch({ type: 'workbookFailed', problems: data.error, mapping: session.mapping });
            return;
          }
          dispatch({ type: 'workbookLoaded', data: data.value, mapping: session.mapping });
          const stored = session.campaigns.find((campaign) => campaign.id === id);
          preview = stored ? session.refreshPreview(data.value, stored) : null;
        },
        // the dialog shows the result; the spinner just goes
        () => ({ type: 'homeActionDismissed' }),
      );
      return preview;
    },
    acceptRefresh: (preview, declined) =>
      onHome(
        'refresh',
        preview.campaignId,
        () => session.acceptRefresh(preview, declined),
        (accepted) => ({ type: 'homeActionFinished', count: accepted.memberCount }),
      ),
    dismissHomeAction: () => dispatch({ type: 'homeActionDismissed' }),
    close: () => navigate({ type: 'closed' }),
    goTo: (screen) => navigate({ type: 'screenChanged', screen }),
    changeBasics: (change) => {
      const open = editing();
      if (!open) return;
      // The type and the contact limit decide who is excluded: the group is rebuilt with them.
      const retyped = change.type !== undefined && change.type !== open.draft.type;
      const group = retyped || 'contactLimit' in change ? groupFor({ ...open.draft, ...change }) : undefined;
      dispatch({ type: 'basicsChanged', change, group });
    },
    saveWorkbookContactLimit: async (limit) => {
      await session.saveContactLimit(limit);
      const open = editing();
      if (open && !open.draft.contactLimit)
        dispatch({ type: 'basicsChanged', change: {}, group: groupFor(open.draft) });
    },
    changeMethod: (method) => dispatch({ type: 'methodChanged', method }),
    applySelection: async (selection, previewed) => {
      await nextPaint();
      const state = getState();
      if (!isEditing(state) || state.workbook.status !== 'ready') return;
      const { draft, group } = state.open;
      const next = previewed ?? session.applySelection(group, state.workbook.data, draft, selection);
      dispatch({ type: 'groupEdited', edit: { type: 'selectionApplied', selection }, group: next });
    },
    removeSelection: (index) => editGroup({ type: 'selectionRemoved', index }),
    // One pass over the members instead of a new build: 100,000 members stay responsive (handRemovals.ts).
    removeMember: (key) => editMembers({ type: 'memberRemoved', key }, removeMemberByHand),
    restoreMember: (key) => editMembers({ type: 'memberRestored', key }, restoreMemberByHand),
    changeCsvDelimiter: (delimiter) => dispatch({ type: 'csvDelimiterChanged', delimiter }),
    dismissOutcome: () => dispatch({ type: 'outcomeDismissed' }),
    openEvaluation: async (id) => {
      const state = getState();
      const open = openCampaignOf(state);
      const stored = state.campaigns.some((c) => c.id === id);
      // The evaluation reads the campaign from the workbook, so it must see what step 1 shows.
      const mustSave =
        open?.draft.id === id &&
        (open.save.status !== 'saved' || !stored) &&
        !nameError(open.draft, state.campaigns);
      if (mustSave && !(await saveNow(open.draft))) return;
      dispatch({ type: 'evaluationOpened', campaignId: id });
    },
  };
}
