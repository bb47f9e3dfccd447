import { act, renderHook, waitFor } from '@testing-library/react';
import type { StoredCampaign } from '../../../src/core/campaign/campaign';
import { PaneSession } from '../../../src/taskpane/services/paneSession';
import { useWizard } from '../../../src/taskpane/wizard/useWizard';
import { isEditing, openCampaignOf, type OpenCampaign } from '../../../src/taskpane/wizard/wizardReducer';
import { testClock, workbookWithCampaign } from '../paneTestkit';

async function renderWizard(fields: Partial<StoredCampaign> = {}) {
  const { workbook, campaign } = await workbookWithCampaign(fields);
  const session = new PaneSession(workbook, 'de', { now: testClock });
  const buildGroup = jest.spyOn(session, 'buildGroup');
  const hook = renderHook(() => useWizard(session));
  await waitFor(() => expect(hook.result.current.state.workbook.status).toBe('ready'));
  return { workbook, campaign, session, buildGroup, hook };
}

const openOf = (hook: Awaited<ReturnType<typeof renderWizard>>['hook']): OpenCampaign => {
  const open = openCampaignOf(hook.result.current.state);
  if (!open) throw new Error('no campaign open');
  return open;
};

describe('useWizard', () => {
  it('removes and restores a member without a new build, giving the group a build from the stored draft gives', async () => {
    const { campaign, session, buildGroup, hook } = await renderWizard();
    act(() => hook.result.current.actions.open(campaign.id));
    const builds = buildGroup.mock.calls.length;
    const [first, second] = openOf(hook).group.members;
    act(() => hook.result.current.actions.removeMember(first.key));
    act(() => hook.result.current.actions.removeMember(first.key));
    act(() => hook.result.current.actions.removeMember(second.key));

    expect(buildGroup.mock.calls).toHaveLength(builds);
    expect(openOf(hook).draft.removed).toEqual([first.key, second.key]);
    const { workbook } = hook.result.current.state;
    if (workbook.status !== 'ready') throw new Error('workbook not ready');
    const rebuilt = () => session.buildGroup(workbook.data, openOf(hook).draft);
    expect(openOf(hook).group).toEqual(rebuilt());
    expect(openOf(hook).group.excluded.filter((e) => e.reason === 'removedByUser')).toHaveLength(2);

    act(() => hook.result.current.actions.restoreMember(first.key));
    expect(openOf(hook).draft.removed).toEqual([second.key]);
    expect(openOf(hook).group).toEqual(rebuilt());
    expect(openOf(hook).group.members[0].key).toBe(first.key);
  });

  it('shows the campaigns as the session holds them, after a use of step 4 too', async () => {
    const { campaign, session, hook } = await renderWizard();
    act(() => hook.result.current.actions.open(campaign.id));
    act(() => hook.result.current.actions.goTo('use'));
    await act(() => hook.result.current.actions.writeLeads());
    expect(hook.result.current.state.campaigns).toBe(session.campaigns);
    expect(hook.result.current.state.campaigns[0].updatedAt).toBe(testClock().toISOString());
  });

  it('goes to the evaluation only once the open campaign is stored; a failed save stays on the step, shown', async () => {
    const { workbook, campaign, hook } = await renderWizard();
    act(() => hook.result.current.actions.open(campaign.id));
    act(() => hook.result.current.actions.goTo('use'));
    act(() => hook.result.current.actions.changeBasics({ description: 'Nachfassen' }));
    const writeTable = jest.spyOn(workbook, 'writeTable').mockRejectedValueOnce(new Error('Excel is gone'));
    await act(() => hook.result.current.actions.openEvaluation(campaign.id));
    expect(hook.result.current.state.screen).toBe('use');
    expect(openOf(hook).save).toMatchObject({
      status: 'failed',
      message: expect.stringContaining('Excel is gone'),
    });

    await act(() => hook.result.current.actions.openEvaluation(campaign.id));
    expect(writeTable).toHaveBeenCalledTimes(2);
    expect(hook.result.current.state).toMatchObject({ screen: 'evaluation', evaluated: campaign.id });
    expect(isEditing(hook.result.current.state)).toBe(false);
  });

  it('shows a duplicate that could not be stored on the home screen', async () => {
    const { workbook, campaign, hook } = await renderWizard();
    jest.spyOn(workbook, 'writeTable').mockRejectedValueOnce(new Error('Excel is gone'));
    await act(() => hook.result.current.actions.duplicate(campaign.id, '(Kopie)'));
    expect(hook.result.current.state).toMatchObject({
      screen: 'home',
      action: { status: 'failed', action: 'duplicate', message: expect.stringContaining('Excel is gone') },
    });
    expect(hook.result.current.state.campaigns).toHaveLength(1);
  });
});
