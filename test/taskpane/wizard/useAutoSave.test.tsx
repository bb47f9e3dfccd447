import { act, renderHook } from '@testing-library/react';
import { emptyTargetGroup } from '../../../src/core/group/targetGroup';
import { describeProblem } from '../../../src/core/kernel/problemMessages';
import { PaneSession } from '../../../src/taskpane/services/paneSession';
import { SAVE_DELAY_MS, useAutoSave } from '../../../src/taskpane/wizard/useAutoSave';
import {
  initialWizardState,
  newCampaign,
  openCampaignOf,
  wizardReducer,
  type WizardAction,
  type WizardState,
} from '../../../src/taskpane/wizard/wizardReducer';
import { makeWorkbookData } from '../../core/builders';
import { FailingWorkbook } from '../failingWorkbook';
import { testClock } from '../paneTestkit';

const run = (state: WizardState, ...actions: WizardAction[]): WizardState =>
  actions.reduce(wizardReducer, state);

/** A campaign open in step 1 with a change not yet saved. */
const edited = (name = 'Herbstaktion'): WizardState =>
  run(
    initialWizardState(),
    { type: 'workbookLoaded', data: makeWorkbookData(), mapping: undefined },
    {
      type: 'campaignOpened',
      campaign: newCampaign('K-1', '2026-11-20T08:30:00.000Z', 'de'),
      group: emptyTargetGroup(),
      screen: 'basics',
    },
    { type: 'basicsChanged', change: { name } },
  );

const setup = (state: WizardState) => {
  const workbook = new FailingWorkbook([]);
  const session = new PaneSession(workbook, 'de', { now: testClock });
  const dispatch = jest.fn<void, [WizardAction]>();
  const hook = renderHook((props: { state: WizardState }) => useAutoSave(session, props.state, dispatch), {
    initialProps: { state },
  });
  return { workbook, session, dispatch, hook };
};

/** Lets the debounce run out and the save (an async write to the workbook) finish. */
const afterDelays = (delays: number) =>
  act(async () => {
    await jest.advanceTimersByTimeAsync(SAVE_DELAY_MS * delays);
  });

beforeEach(() => jest.useFakeTimers());
afterEach(() => jest.useRealTimers());

describe('useAutoSave', () => {
  it('saves a change once the user paused, and reports the stored campaign', async () => {
    const { workbook, session, dispatch } = setup(edited());
    await afterDelays(0.5);
    expect(workbook.writeCount).toBe(0);
    await afterDelays(1);
    expect(session.campaigns.map((c) => c.name)).toEqual(['Herbstaktion']);
    expect(dispatch).toHaveBeenCalledWith({ type: 'saved', campaign: session.campaigns[0] });
  });

  it('saves only the last of quick changes', async () => {
    const { workbook, session, hook } = setup(edited('H'));
    await afterDelays(0.5);
    hook.rerender({ state: edited('Herbst') });
    await afterDelays(0.5);
    hook.rerender({ state: edited('Herbstaktion') });
    await afterDelays(2);
    expect(workbook.writeCount).toBe(1);
    expect(session.campaigns[0].name).toBe('Herbstaktion');
  });

  it('does not save a campaign without a valid name', async () => {
    const { workbook } = setup(edited(''));
    await afterDelays(3);
    expect(workbook.writeCount).toBe(0);
  });

  it("reports a failed save in the core's words and does not try again behind the user's back", async () => {
    const state = edited();
    const { workbook, dispatch, hook } = setup(state);
    workbook.writes = 'timeOut';
    await afterDelays(2);
    const message = describeProblem({ code: 'hostTimeout', severity: 'error' }, 'de');
    expect(dispatch).toHaveBeenCalledWith({ type: 'saveFailed', message });

    const failed = run(state, { type: 'saveFailed', message });
    hook.rerender({ state: failed });
    await afterDelays(10);
    expect(workbook.writeCount).toBe(1);

    act(() => hook.result.current.retrySave());
    expect(dispatch).toHaveBeenLastCalledWith({ type: 'saveRetried' });
    workbook.writes = 'work';
    hook.rerender({ state: run(failed, { type: 'saveRetried' }) });
    await afterDelays(2);
    expect(workbook.writeCount).toBe(2);
    expect(dispatch).toHaveBeenLastCalledWith(expect.objectContaining({ type: 'saved' }));
  });

  it('saves at once when asked, and says whether the campaign is stored', async () => {
    const state = edited();
    const { workbook, hook } = setup(state);
    workbook.writes = 'timeOut';
    const draft = openCampaignOf(state)?.draft;
    if (!draft) throw new Error('no draft');
    await act(async () => expect(await hook.result.current.saveNow(draft)).toBe(false));
    workbook.writes = 'work';
    await act(async () => expect(await hook.result.current.saveNow(draft)).toBe(true));
  });
});
