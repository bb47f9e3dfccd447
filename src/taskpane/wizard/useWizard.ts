import { useCallback, useEffect, useMemo, useReducer, useRef } from 'react';
import type { PaneSession } from '../services/paneSession';
import { campaignActions, type CampaignActions } from './campaignActions';
import { useAutoSave, type AutoSave } from './useAutoSave';
import { useWizardTasks, type WizardTasks } from './useWizardTasks';
import { useWorkbookLoading, type WorkbookLoading } from './useWorkbookLoading';
import { initialWizardState, wizardReducer, type WizardState } from './wizardReducer';

export type WizardActions = WorkbookLoading & Pick<AutoSave, 'retrySave'> & WizardTasks & CampaignActions;

/** The pane's state and everything the user can do with it, over one session. */
export function useWizard(session: PaneSession): { state: WizardState; actions: WizardActions } {
  const [state, dispatch] = useReducer(wizardReducer, session.campaigns, initialWizardState);
  const stateRef = useRef(state);
  stateRef.current = state;
  const getState = useCallback(() => stateRef.current, []);

  // The session holds the campaigns; the list on screen follows every read and write of them.
  useEffect(() => {
    const sync = () =>
      dispatch({
        type: 'campaignsChanged',
        campaigns: session.campaigns,
        contactLimit: session.contactLimit,
      });
    sync();
    return session.subscribe(sync);
  }, [session]);

  const loading = useWorkbookLoading(session, dispatch);
  const { saveNow, retrySave } = useAutoSave(session, state, dispatch);
  const tasks = useWizardTasks(session, getState, dispatch);
  const actions = useMemo(
    () => ({ ...loading, retrySave, ...tasks, ...campaignActions(session, getState, dispatch, saveNow) }),
    [getState, loading, retrySave, saveNow, session, tasks],
  );
  return { state, actions };
}
