import { act, renderHook, waitFor } from '@testing-library/react';
import { PaneSession } from '../../../src/taskpane/services/paneSession';
import { useWorkbookLoading } from '../../../src/taskpane/wizard/useWorkbookLoading';
import type { WizardAction } from '../../../src/taskpane/wizard/wizardReducer';
import type { WorkbookData } from '../../../src/core/kernel/model';
import { FailingWorkbook } from '../failingWorkbook';
import { testClock } from '../paneTestkit';
import { STATE_SHEET } from '../../../src/core/workbook/sheetNames';
import { SAMPLE_SHEETS } from '../../../src/sample/sampleWorkbook';

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
  it('shows the campaigns before reading the sheets, and finds the duplicates after the first screen', async () => {
    const workbook = new FailingWorkbook();
    const reads = jest.spyOn(workbook, 'readSheet');
    const { dispatch, types } = setup(workbook);
    const duplicatesIn = (data: WorkbookData) =>
      data.problems.filter((p) => p.code === 'probableDuplicate' || p.code === 'sharedContactId').length;
    let atFirstScreen = -1;
    let readBeforeCampaigns: string[] = [];
    dispatch.mockImplementation((action) => {
      if (action.type === 'stateRead') readBeforeCampaigns = reads.mock.calls.map(([name]) => name);
      if (action.type === 'workbookLoaded') atFirstScreen = duplicatesIn(action.data);
    });
    await waitFor(() =>
      expect(types()).toEqual([
        'workbookReloading',
        'stateRead',
        'workbookLoaded',
        'workbookProblemsCompleted',
      ]),
    );
    // the campaigns wait for the add-in's own sheet only, not for the 100,000 rows of a contacts sheet
    expect(readBeforeCampaigns.filter((name) => name !== STATE_SHEET)).toEqual([]);
    expect(reads.mock.calls.map(([name]) => name)).toEqual(
      expect.arrayContaining([SAMPLE_SHEETS.customers, SAMPLE_SHEETS.contacts, SAMPLE_SHEETS.sales]),
    );
    const loaded = dispatch.mock.calls[2][0] as Extract<WizardAction, { type: 'workbookLoaded' }>;
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
    await waitFor(() => expect(types()).toHaveLength(4));
    await act(() => hook.result.current.saveMapping({ sheets: { customers: 'Kunden' } }));
    expect(session.mapping).toEqual({ sheets: { customers: 'Kunden' } });
    expect(types().slice(4)).toEqual([
      'workbookReloading',
      'workbookReloading',
      'stateRead',
      'workbookLoaded',
      'workbookProblemsCompleted',
    ]);
  });

  it('shows a mapping that could not be stored as a failed load; "Erneut versuchen" stores it then', async () => {
    const { workbook, session, dispatch, hook, types } = setup();
    await waitFor(() => expect(types()).toHaveLength(4));
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
