import { useCallback, useEffect, useMemo, useReducer, useRef } from 'react';
import type { SelectionDefinition, StoredCampaign } from '../../core/campaign/campaign';
import type { MappingOverrides } from '../../core/kernel/model';
import type { CsvDelimiter } from '../../core/outputs/csv';
import type { TargetGroup } from '../../core/group/targetGroupModel';
import { describeProblem } from '../../core/kernel/problemMessages';
import type { LeadsOptions } from '../../core/run/campaignRun';
import type { PaneSession } from '../services/paneSession';
import { canDownloadFiles, csvFileName, downloadText } from '../services/download';
import {
  emptyGroup,
  initialWizardState,
  nameError,
  newCampaign,
  wizardReducer,
  type BasicsChange,
  type Outcome,
  type RecipientMethod,
  type Task,
  type WizardState,
  type WizardStep,
} from './wizardReducer';

const SAVE_DELAY_MS = 400;

/** Lets the browser paint (progress bar, disabled buttons) before a long synchronous step. */
export const nextPaint = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 16));

const newId = (): string =>
  typeof crypto !== 'undefined' && 'randomUUID' in crypto
    ? crypto.randomUUID()
    : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

export interface WizardActions {
  reload(): Promise<void>;
  saveMapping(mapping: MappingOverrides): Promise<void>;
  create(): void;
  open(id: string): void;
  duplicate(id: string, copySuffix: string): Promise<void>;
  remove(id: string): Promise<void>;
  close(): void;
  goTo(step: WizardStep): void;
  changeBasics(change: BasicsChange): void;
  changeMethod(method: RecipientMethod): void;
  /** `previewed`: the group the preview already computed for this selection on the current group, reused as is. */
  applySelection(selection: SelectionDefinition, previewed?: TargetGroup): Promise<void>;
  removeSelection(index: number): void;
  removeMember(key: string): void;
  restoreMember(key: string): void;
  changeCsvDelimiter(delimiter: CsvDelimiter): void;
  writeTargetSheet(): Promise<void>;
  /** `options`: the user's answer to the pane's question (create deleted leads again, start a new Leads sheet). */
  writeLeads(options?: LeadsOptions): Promise<void>;
  exportCsv(): Promise<void>;
  dismissOutcome(): void;
  /** Shows the evaluation of a stored campaign; an open campaign's last edits are saved first. */
  openEvaluation(id: string): Promise<void>;
}

export function useWizard(session: PaneSession): { state: WizardState; actions: WizardActions } {
  const [state, dispatch] = useReducer(wizardReducer, undefined, initialWizardState);
  const stateRef = useRef(state);
  stateRef.current = state;

  const reload = useCallback(async () => {
    dispatch({ type: 'workbookReloading' });
    try {
      const loaded = await session.load();
      if (loaded.data.ok) {
        dispatch({
          type: 'workbookLoaded',
          data: loaded.data.value,
          mapping: session.mapping,
          campaigns: session.campaigns,
        });
      } else {
        dispatch({
          type: 'workbookFailed',
          problems: loaded.data.error,
          mapping: session.mapping,
          campaigns: session.campaigns,
        });
      }
    } catch (error) {
      dispatch({
        type: 'workbookFailed',
        problems: [{ code: 'hostError', severity: 'error', detail: messageOf(error) }],
        mapping: session.mapping,
        campaigns: session.campaigns,
      });
    }
  }, [session]);

  useEffect(() => {
    void reload();
  }, [reload]);

  // The campaign is saved to the workbook after every change, so closing the pane loses nothing.
  useEffect(() => {
    const { draft, unsaved, campaigns } = state;
    if (!draft || !unsaved || nameError(draft, campaigns)) return;
    const timer = setTimeout(() => {
      session
        .saveCampaign(draft)
        .then((campaign) => dispatch({ type: 'saved', campaign, campaigns: session.campaigns }))
        .catch((error: unknown) => console.error('Saving the campaign failed', error));
    }, SAVE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [session, state]);

  const data = state.workbook.status === 'ready' ? state.workbook.data : null;

  const rebuild = useCallback(
    (campaign: StoredCampaign) => (data ? session.buildGroup(data, campaign) : emptyGroup()),
    [data, session],
  );

  const runTask = useCallback(
    async (
      task: Task,
      work: (draft: StoredCampaign) => Promise<{ outcome: Outcome; targetSheet?: string }>,
    ) => {
      const { draft, operation } = stateRef.current;
      if (!draft || operation.status !== 'idle') return;
      dispatch({ type: 'operationStarted', task });
      await nextPaint();
      try {
        const { outcome, targetSheet } = await work(draft);
        // Each use (sheet, leads, CSV) stores the start and the groups it decided: the open campaign takes them over,
        // or its next save would drop them.
        const used = session.campaigns.find((c) => c.id === draft.id);
        dispatch({ type: 'operationFinished', outcome, targetSheet, used });
      } catch (error) {
        dispatch({
          type: 'operationFinished',
          outcome: { task, status: 'failure', message: messageOf(error) },
        });
      }
    },
    [session],
  );

  const actions = useMemo<WizardActions>(
    () => ({
      reload,
      saveMapping: async (mapping) => {
        dispatch({ type: 'workbookReloading' });
        await session.saveMapping(mapping);
        await reload();
      },
      create: () => {
        const campaign = newCampaign(newId(), new Date().toISOString(), session.language);
        dispatch({ type: 'campaignOpened', campaign, group: emptyGroup(), screen: 'basics' });
      },
      open: (id) => {
        const campaign = stateRef.current.campaigns.find((c) => c.id === id);
        if (!campaign) return;
        dispatch({ type: 'campaignOpened', campaign, group: rebuild(campaign), screen: 'targetGroup' });
      },
      duplicate: async (id, copySuffix) => {
        const { campaigns } = stateRef.current;
        const original = campaigns.find((c) => c.id === id);
        if (!original) return;
        const now = new Date().toISOString();
        const names = new Set(campaigns.map((c) => c.name.toLowerCase()));
        let name = `${original.name} ${copySuffix}`;
        for (let n = 2; names.has(name.toLowerCase()); n++) name = `${original.name} ${copySuffix} ${n}`;
        // A copy plans a new campaign: it takes the selections and settings, not the original's sheet, run or results.
        const {
          targetSheet: _targetSheet,
          start: _start,
          end: _end,
          cost: _cost,
          status: _status,
          assignment: _assignment,
          ...plan
        } = original;
        await session.saveCampaign({ ...plan, id: newId(), name, createdAt: now }, now);
        dispatch({ type: 'campaignsChanged', campaigns: session.campaigns });
      },
      remove: async (id) => {
        await session.deleteCampaign(id);
        dispatch({ type: 'campaignsChanged', campaigns: session.campaigns });
      },
      close: () => dispatch({ type: 'closed' }),
      goTo: (screen) => dispatch({ type: 'screenChanged', screen }),
      changeBasics: (change) => {
        const { draft } = stateRef.current;
        dispatch({ type: 'basicsChanged', change });
        // The type decides who is excluded: the group is rebuilt with the new type.
        if (draft && change.type && change.type !== draft.type) {
          dispatch({ type: 'groupRebuilt', group: rebuild({ ...draft, type: change.type }) });
        }
      },
      changeMethod: (method) => dispatch({ type: 'methodChanged', method }),
      applySelection: async (selection, previewed) => {
        const { draft, group } = stateRef.current;
        if (!draft || !data) return;
        await nextPaint();
        const next = previewed ?? session.applySelection(group, data, draft, selection);
        dispatch({ type: 'selectionApplied', selection, group: next });
      },
      removeSelection: (index) => {
        const { draft } = stateRef.current;
        if (!draft) return;
        const selections = draft.selections.filter((_, i) => i !== index);
        dispatch({ type: 'selectionRemoved', index, group: rebuild({ ...draft, selections }) });
      },
      removeMember: (key) => {
        const { draft } = stateRef.current;
        if (!draft) return;
        const removed = [...(draft.removed ?? []), key];
        dispatch({ type: 'memberRemoved', key, group: rebuild({ ...draft, removed }) });
      },
      restoreMember: (key) => {
        const { draft } = stateRef.current;
        if (!draft) return;
        const removed = (draft.removed ?? []).filter((k) => k !== key);
        dispatch({ type: 'memberRestored', key, group: rebuild({ ...draft, removed }) });
      },
      changeCsvDelimiter: (delimiter) => dispatch({ type: 'csvDelimiterChanged', delimiter }),
      writeTargetSheet: () =>
        runTask('targetSheet', async (draft) => {
          const { sheet, count } = await session.writeTargetSheet(draft, stateRef.current.group);
          dispatch({ type: 'campaignsChanged', campaigns: session.campaigns });
          return { outcome: { task: 'targetSheet', status: 'success', sheet, count }, targetSheet: sheet };
        }),
      writeLeads: (options) =>
        runTask('leads', async (draft) => {
          const result = await session.writeLeads(draft, stateRef.current.group, undefined, options);
          if (!result.ok) {
            const message = result.error.map((p) => describeProblem(p, session.language)).join(' ');
            const leadsSheetMissing = result.error.some((p) => p.code === 'leadsSheetMissing');
            return { outcome: { task: 'leads', status: 'failure', message, leadsSheetMissing } };
          }
          const { sheet, created, updated, unchanged, keptByHand, conflicts, deleted } = result.value;
          return {
            outcome: {
              task: 'leads',
              status: 'success',
              sheet,
              created,
              updated,
              unchanged,
              keptByHand,
              conflicts: conflicts.length,
              deleted,
            },
          };
        }),
      exportCsv: () =>
        runTask('csv', async (draft) => {
          const { text, rows } = await session.csvText(
            draft,
            stateRef.current.group,
            stateRef.current.csvDelimiter,
          );
          if (canDownloadFiles()) {
            const file = csvFileName(draft.name);
            downloadText(text, file);
            return { outcome: { task: 'csv', status: 'success', via: 'download', file, count: rows } };
          }
          const sheet = await session.writeCsvSheet(draft, text);
          return { outcome: { task: 'csv', status: 'success', via: 'sheet', sheet, count: rows } };
        }),
      dismissOutcome: () => dispatch({ type: 'outcomeDismissed' }),
      openEvaluation: async (id) => {
        const { draft, unsaved, campaigns } = stateRef.current;
        const stored = campaigns.some((c) => c.id === id);
        // The evaluation reads the campaign from the workbook, so it must see what step 1 shows.
        if (draft?.id === id && (unsaved || !stored) && !nameError(draft, campaigns)) {
          const campaign = await session.saveCampaign(draft);
          dispatch({ type: 'saved', campaign, campaigns: session.campaigns });
        }
        dispatch({ type: 'evaluationOpened', campaignId: id });
      },
    }),
    [data, rebuild, reload, runTask, session],
  );

  return { state, actions };
}
