import { act, renderHook, waitFor } from '@testing-library/react';
import type { SelectionDefinition, StoredCampaign } from '../../../../src/core/campaign/campaign';
import { emptyTargetGroup } from '../../../../src/core/group/targetGroup';
import type { TargetGroup } from '../../../../src/core/group/targetGroupModel';
import { describeProblem } from '../../../../src/core/kernel/problemMessages';
import { WorkbookError } from '../../../../src/core/workbook/workbookError';
import { MemoryWorkbook } from '../../../../src/memory/memoryWorkbook';
import type { SelectionPreviewer } from '../../../../src/taskpane/services/selectionPreviewer';
import { PaneSession } from '../../../../src/taskpane/services/paneSession';
import { useSelectionPreview } from '../../../../src/taskpane/wizard/recipients/useSelectionPreview';
import { newCampaign } from '../../../../src/taskpane/wizard/wizardReducer';
import { makeCustomer, makeWorkbookData } from '../../../core/builders';
import { testClock } from '../../paneTestkit';

const data = makeWorkbookData({
  customers: [
    makeCustomer({ customerId: '10001', company: 'Müller Bau GmbH', email: 'info@mueller-bau.de' }),
    makeCustomer({ customerId: '10002', company: 'Bäckerei Schulz', email: '' }),
  ],
});
const draft: StoredCampaign = { ...newCampaign('K-1', '2026-11-20T08:00:00.000Z', 'de'), name: 'Herbst' };
const bothCustomers: SelectionDefinition = { from: 'customers', ids: ['10001', '10002'] };

const setup = (
  apply: (selection: SelectionDefinition, previewed?: TargetGroup) => Promise<void> = async () => {},
  previewer?: SelectionPreviewer,
) => {
  const session = new PaneSession(new MemoryWorkbook([]), 'de', { now: testClock, previewer });
  const applySelection = jest.fn(apply);
  // The group as the wizard's state holds it: the same object until an edit replaces it.
  const group = emptyTargetGroup();
  const hook = renderHook(() => useSelectionPreview(session, data, draft, group, applySelection));
  return { hook, applySelection };
};

describe('useSelectionPreview', () => {
  it('previews what a choice would add, and applies it with the previewed group', async () => {
    const { hook, applySelection } = setup();
    expect(hook.result.current.preview).toEqual({ status: 'nothingSelected' });
    act(() => hook.result.current.choose(bothCustomers));
    expect(hook.result.current.preview).toEqual({ status: 'working' });
    await waitFor(() => expect(hook.result.current.preview.status).toBe('ready'));
    const { preview } = hook.result.current;
    expect(preview).toMatchObject({ report: { added: 1, excluded: { noEmail: 1 } } });

    await act(() => hook.result.current.apply());
    expect(applySelection).toHaveBeenCalledWith(
      bothCustomers,
      preview.status === 'ready' ? preview.group : null,
    );
    expect(hook.result.current.selection).toBeNull();
    expect(hook.result.current.applying).toEqual({ status: 'idle' });
  });

  it('says why there is no preview instead of working forever', async () => {
    const failing: SelectionPreviewer = { preview: () => Promise.reject(new WorkbookError('hostTimeout')) };
    const { hook } = setup(undefined, failing);
    act(() => hook.result.current.choose(bothCustomers));
    await waitFor(() =>
      expect(hook.result.current.preview).toEqual({
        status: 'failed',
        message: describeProblem({ code: 'hostTimeout', severity: 'error' }, 'de'),
      }),
    );
  });

  it('keeps the choice when applying fails, says why, and lets the user try again', async () => {
    let fail = true;
    const { hook, applySelection } = setup(async () => {
      if (fail) throw new Error('no memory left');
    });
    act(() => hook.result.current.choose(bothCustomers));
    await act(() => hook.result.current.apply());
    expect(hook.result.current.applying).toEqual({
      status: 'failed',
      message: describeProblem({ code: 'hostError', severity: 'error', detail: 'no memory left' }, 'de'),
    });
    expect(hook.result.current.selection).toBe(bothCustomers);

    fail = false;
    await act(() => hook.result.current.apply());
    expect(applySelection).toHaveBeenCalledTimes(2);
    expect(hook.result.current).toMatchObject({ selection: null, applying: { status: 'idle' } });
  });
});
