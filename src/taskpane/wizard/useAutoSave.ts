import { useCallback, useEffect, type Dispatch } from 'react';
import type { StoredCampaign } from '../../core/campaign/campaign';
import type { PaneSession } from '../services/paneSession';
import { failureText } from '../services/problemText';
import { nameError, openCampaignOf, type WizardAction, type WizardState } from './wizardReducer';

export const SAVE_DELAY_MS = 400;

export interface AutoSave {
  /** Saves the draft now; resolves whether it is stored. A failure is in the state, not thrown. */
  saveNow(draft: StoredCampaign): Promise<boolean>;
  /** After a failed save: tries again with the draft as it is now. */
  retrySave(): void;
}

/**
 * The open campaign is saved to the workbook shortly after every change, so closing the pane loses nothing. A failed
 * save is shown ("Nicht gespeichert") and waits for the user's retry instead of failing again every few keystrokes.
 */
export function useAutoSave(
  session: PaneSession,
  state: WizardState,
  dispatch: Dispatch<WizardAction>,
): AutoSave {
  const open = openCampaignOf(state);
  const pending =
    open && open.save.status === 'unsaved' && !nameError(open.draft, state.campaigns) ? open.draft : null;

  const saveNow = useCallback(
    async (draft: StoredCampaign) => {
      try {
        dispatch({ type: 'saved', campaign: await session.saveCampaign(draft) });
        return true;
      } catch (error) {
        dispatch({ type: 'saveFailed', message: failureText(error, session.language) });
        return false;
      }
    },
    [dispatch, session],
  );

  useEffect(() => {
    if (!pending) return;
    const timer = setTimeout(() => void saveNow(pending), SAVE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [pending, saveNow]);

  const retrySave = useCallback(() => dispatch({ type: 'saveRetried' }), [dispatch]);
  return { saveNow, retrySave };
}
