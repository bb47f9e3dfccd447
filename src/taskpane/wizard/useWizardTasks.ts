import { useCallback, useMemo, useRef, type Dispatch } from 'react';
import type { StoredCampaign } from '../../core/campaign/campaign';
import type { Member, TargetGroup } from '../../core/group/targetGroupModel';
import type { WorkbookData } from '../../core/kernel/model';
import type { Problem } from '../../core/kernel/problems';
import type { CsvDelimiter } from '../../core/outputs/csv';
import type { LeadsOptions } from '../../core/run/campaignRun';
import { canDownloadFiles, csvFileName, downloadText } from '../services/download';
import { nextPaint } from '../services/pauses';
import type { PaneSession } from '../services/paneSession';
import { failureText, problemsText } from '../services/problemText';
import { displayName } from './recipients/recordFilter';
import { isEditing, type Outcome, type Task, type WizardAction, type WizardState } from './wizardReducer';

export interface WizardTasks {
  writeTargetSheet(): Promise<void>;
  /** `options`: the user's answer to the pane's question (create deleted leads again, start a new Leads sheet). */
  writeLeads(options?: LeadsOptions): Promise<void>;
  exportCsv(): Promise<void>;
  /** Puts a member on the workbook's Sperrliste; the workbook is read again, so the group shows them excluded. */
  blockMember(member: Member, data: WorkbookData): Promise<void>;
  /** Runs the task that ended last again, as it was started (after a failure: "Erneut versuchen"). */
  retryTask(): Promise<void>;
}

interface TaskInput {
  draft: StoredCampaign;
  group: TargetGroup;
  csvDelimiter: CsvDelimiter;
}

type TaskWork = (
  input: TaskInput,
) => Promise<
  Pick<Extract<WizardAction, { type: 'operationFinished' }>, 'outcome' | 'targetSheet' | 'reread'>
>;

/** The uses of step 4, one at a time; each ends with an outcome on screen, a failure included. */
export function useWizardTasks(
  session: PaneSession,
  getState: () => WizardState,
  dispatch: Dispatch<WizardAction>,
): WizardTasks {
  const last = useRef<(() => Promise<void>) | null>(null);
  const run = useCallback(
    async (task: Task, work: TaskWork) => {
      const state = getState();
      if (!isEditing(state) || state.open.operation.status !== 'idle') return;
      last.current = () => run(task, work);
      const { draft, group } = state.open;
      dispatch({ type: 'operationStarted', task });
      await nextPaint();
      try {
        const { outcome, targetSheet, reread } = await work({
          draft,
          group,
          csvDelimiter: state.csvDelimiter,
        });
        // Each use (sheet, leads, CSV) stores the start and the groups it decided: the open campaign takes them over,
        // or its next save would drop them.
        const used = session.campaigns.find((c) => c.id === draft.id);
        dispatch({ type: 'operationFinished', outcome, targetSheet, used, reread });
      } catch (error) {
        const message = failureText(error, session.language);
        dispatch({ type: 'operationFinished', outcome: { task, status: 'failure', message } });
      }
    },
    [dispatch, getState, session],
  );

  return useMemo(
    () => ({
      writeTargetSheet: () =>
        run('targetSheet', async ({ draft, group }) => {
          const { sheet, count, historyNote } = await session.writeTargetSheet(draft, group);
          return {
            outcome: { task: 'targetSheet', status: 'success', sheet, count, historyNote },
            targetSheet: sheet,
          };
        }),
      writeLeads: (options) =>
        run('leads', async ({ draft, group }) => {
          const result = await session.writeLeads(draft, group, undefined, options);
          if (!result.ok) {
            const message = problemsText(result.error, session.language);
            const leadsSheetMissing = result.error.some((p) => p.code === 'leadsSheetMissing');
            return { outcome: { task: 'leads', status: 'failure', message, leadsSheetMissing } };
          }
          const { sheet, created, updated, unchanged, keptByHand, conflicts, deleted, historyNote } =
            result.value;
          const counts = { created, updated, unchanged, keptByHand, conflicts: conflicts.length, deleted };
          return { outcome: { task: 'leads', status: 'success', sheet, ...counts, historyNote } };
        }),
      exportCsv: () =>
        run('csv', async ({ draft, group, csvDelimiter }) => {
          const { text, rows, historyNote } = await session.csvText(draft, group, csvDelimiter);
          if (canDownloadFiles()) {
            const file = csvFileName(draft.name);
            downloadText(text, file);
            return {
              outcome: { task: 'csv', status: 'success', via: 'download', file, count: rows, historyNote },
            };
          }
          const sheet = await session.writeCsvSheet(draft, text);
          return {
            outcome: { task: 'csv', status: 'success', via: 'sheet', sheet, count: rows, historyNote },
          };
        }),
      blockMember: (member, data) =>
        run('blocklist', async ({ draft }) => {
          const failed = (problems: Problem[]): Outcome => ({
            task: 'blocklist',
            status: 'failure',
            message: problemsText(problems, session.language),
          });
          const entered = await session.addToBlocklist(data, member.recipient);
          if (!entered.ok) return { outcome: failed(entered.error) };
          const reread = (await session.load()).data;
          if (!reread.ok) return { outcome: failed(reread.error) };
          const name = displayName(member.recipient);
          const group = session.buildGroup(reread.value, draft);
          return {
            outcome: { task: 'blocklist', status: 'success', name, sheet: entered.value.sheet },
            reread: { data: reread.value, mapping: session.mapping, group },
          };
        }),
      retryTask: async () => {
        await last.current?.();
      },
    }),
    [run, session],
  );
}
