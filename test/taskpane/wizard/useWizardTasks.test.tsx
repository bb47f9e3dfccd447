import { act, renderHook } from '@testing-library/react';
import { describeProblem } from '../../../src/core/kernel/problemMessages';
import { PaneSession } from '../../../src/taskpane/services/paneSession';
import { useWizardTasks } from '../../../src/taskpane/wizard/useWizardTasks';
import {
  initialWizardState,
  wizardReducer,
  type WizardAction,
  type WizardState,
} from '../../../src/taskpane/wizard/wizardReducer';
import { FailingWorkbook } from '../failingWorkbook';
import { testClock, workbookWithCampaign } from '../paneTestkit';

/** A stored campaign opened in step 4 of a loaded pane, with the hook over the same session. */
async function openInStep4(fields: Parameters<typeof workbookWithCampaign>[0] = {}) {
  const { workbook, campaign } = await workbookWithCampaign(fields, 'de', new FailingWorkbook());
  const session = new PaneSession(workbook, 'de', { now: testClock });
  const loaded = await session.load();
  if (!loaded.data.ok) throw new Error('the sample must load');
  const data = loaded.data.value;
  let state: WizardState = [
    { type: 'workbookLoaded', data, mapping: undefined },
    { type: 'campaignOpened', campaign, group: session.buildGroup(data, campaign), screen: 'use' },
  ].reduce<WizardState>((s, a) => wizardReducer(s, a as WizardAction), initialWizardState(session.campaigns));
  const dispatch = jest.fn((action: WizardAction) => {
    state = wizardReducer(state, action);
  });
  const { result } = renderHook(() => useWizardTasks(session, () => state, dispatch));
  const finished = () => dispatch.mock.calls.map(([a]) => a).filter((a) => a.type === 'operationFinished');
  return { workbook, session, result, finished, state: () => state };
}

describe('useWizardTasks', () => {
  it('writes leads, reports the counts and hands the open campaign the start and groups the use decided', async () => {
    const { session, result, finished } = await openInStep4({ controlPercent: 50 });
    await act(() => result.current.writeLeads());
    const [done] = finished();
    expect(done).toMatchObject({ outcome: { task: 'leads', status: 'success', sheet: 'Leads', updated: 0 } });
    const stored = session.campaigns[0];
    expect(done).toMatchObject({ used: { start: '2026-11-20', assignment: stored.assignment } });
  });

  it('remembers the target sheet it wrote, so the next save keeps it', async () => {
    const { result, finished, state } = await openInStep4();
    await act(() => result.current.writeTargetSheet());
    expect(finished()[0]).toMatchObject({ targetSheet: 'Herbstaktion' });
    expect(state()).toMatchObject({
      open: { draft: { targetSheet: 'Herbstaktion' }, save: { status: 'unsaved' } },
    });
  });

  it.each(['writeTargetSheet', 'writeLeads', 'exportCsv'] as const)(
    "shows %s failing in the core's words and is ready for the next try",
    async (task) => {
      const { workbook, result, finished, state } = await openInStep4();
      workbook.writes = 'timeOut';
      await act(() => result.current[task]());
      expect(finished()[0]).toMatchObject({
        outcome: {
          status: 'failure',
          message: describeProblem({ code: 'hostTimeout', severity: 'error' }, 'de'),
        },
      });
      expect(state()).toMatchObject({ open: { operation: { status: 'idle' } } });
    },
  );

  it('runs one task at a time', async () => {
    const { result, finished } = await openInStep4();
    await act(() => Promise.all([result.current.writeLeads(), result.current.exportCsv()]));
    expect(finished().map((a) => a.type === 'operationFinished' && a.outcome.task)).toEqual(['leads']);
  });
});
