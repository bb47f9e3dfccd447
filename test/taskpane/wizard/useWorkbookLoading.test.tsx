import { act, renderHook, waitFor } from '@testing-library/react';
import { PaneSession } from '../../../src/taskpane/services/paneSession';
import { useWorkbookLoading } from '../../../src/taskpane/wizard/useWorkbookLoading';
import type { WizardAction } from '../../../src/taskpane/wizard/wizardReducer';
import type { WorkbookData } from '../../../src/core/kernel/model';
import { FailingWorkbook } from '../failingWorkbook';
import { testClock } from '../paneTestkit';

const setup = (workbook = new FailingWorkbook()) => {
  const session = new PaneSession(workbook, 'de', { now: testClock });
  const dispatch = jest.fn<void, [WizardAction]>();
  const hook = renderHook(() => useWorkbookLoading(session, dispatch));
  const types = () => dispatch.mock.calls.map(([action]) => action.type);
  return { workbook, session, dispatch, hook, types };
};

const lastAction = (dispatch: jest.Mock<void, [WizardAction]>): WizardAction =>
  dispatch.mock.calls[dispatch.mock.calls.length - 1][0];

describe('useWorkbookLoading', () => {
  it('reads the workbook when the pane opens, and finds its duplicates after the first screen', async () => {
    const { dispatch, types } = setup();
    const duplicatesIn = (data: WorkbookData) =>
      data.problems.filter((p) => p.code === 'probableDuplicate' || p.code === 'sharedContactId').length;
    let atFirstScreen = -1;
    dispatch.mockImplementation((action) => {
      if (action.type === 'workbookLoaded') atFirstScreen = duplicatesIn(action.data);
    });
    await waitFor(() =>
      expect(types()).toEqual(['workbookReloading', 'workbookLoaded', 'workbookProblemsCompleted']),
    );
    const loaded = dispatch.mock.calls[1][0] as Extract<WizardAction, { type: 'workbookLoaded' }>;
    expect(loaded.data.customers.length).toBeGreaterThan(0);
    // The sample has seven probable duplicates: none delays the first screen, all are there for the same data after.
    expect(atFirstScreen).toBe(0);
    expect(lastAction(dispatch)).toEqual({ type: 'workbookProblemsCompleted', data: loaded.data });
    expect(duplicatesIn(loaded.data)).toBe(7);
  });

  it('ends a host failure as a failed load with its problem, never as a spinner', async () => {
    const workbook = new FailingWorkbook();
    workbook.listing = 'fails';
    const { dispatch, types } = setup(workbook);
    await waitFor(() => expect(types()).toEqual(['workbookReloading', 'workbookFailed']));
    expect(lastAction(dispatch)).toMatchObject({ problems: [{ code: 'hostError' }] });
  });

  it('reads again on reload, and stores a mapping before reading with it', async () => {
    const { session, hook, types } = setup();
    await waitFor(() => expect(types()).toHaveLength(3));
    await act(() => hook.result.current.saveMapping({ sheets: { customers: 'Kunden' } }));
    expect(session.mapping).toEqual({ sheets: { customers: 'Kunden' } });
    expect(types().slice(3)).toEqual([
      'workbookReloading',
      'workbookReloading',
      'workbookLoaded',
      'workbookProblemsCompleted',
    ]);
  });

  it('shows a mapping that could not be stored as a failed load; "Erneut versuchen" stores it then', async () => {
    const { workbook, session, dispatch, hook, types } = setup();
    await waitFor(() => expect(types()).toHaveLength(3));
    workbook.writes = 'timeOut';
    await act(() => hook.result.current.saveMapping({ sheets: { customers: 'Kunden' } }));
    expect(lastAction(dispatch)).toEqual({
      type: 'workbookFailed',
      problems: [{ code: 'hostTimeout', severity: 'error', sheet: undefined }],
      mapping: undefined,
    });
    workbook.writes = 'work';
    await act(() => hook.result.current.retryLoading());
    expect(lastAction(dispatch).type).toBe('workbookProblemsCompleted');
    expect(session.mapping).toEqual({ sheets: { customers: 'Kunden' } });
  });
});
