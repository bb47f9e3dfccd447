import { useCallback, useEffect, useMemo, useRef, type Dispatch } from 'react';
import type { MappingOverrides } from '../../core/kernel/model';
import type { PaneSession } from '../services/paneSession';
import { afterNextFrames, slicedPause } from '../services/pauses';
import { problemOf } from '../services/problemText';
import type { WizardAction } from './wizardReducer';

export interface WorkbookLoading {
  /** Reads the workbook again; a failure is put in the state with the pane's way out (retry, mapping). */
  reload(): Promise<void>;
  /** Stores the column mapping and reads the workbook with it. */
  saveMapping(mapping: MappingOverrides): Promise<void>;
  /** "Erneut versuchen": stores the mapping again if that failed (the user's choice is not dropped), else reads. */
  retryLoading(): Promise<void>;
}

/** Loads the workbook when the pane opens. Never rejects: every failure ends as `workbookFailed`. */
export function useWorkbookLoading(session: PaneSession, dispatch: Dispatch<WizardAction>): WorkbookLoading {
  const reload = useCallback(async () => {
    dispatch({ type: 'workbookReloading' });
    const loaded = await loadedAction(session, dispatch);
    dispatch(loaded);
    if (loaded.type !== 'workbookLoaded') return;
    // The data first; the duplicates (the identity graph, half a second at 100,000 contacts) after it.
    await afterNextFrames();
    await session.completeProblems(loaded.data, slicedPause());
    dispatch({ type: 'workbookProblemsCompleted', data: loaded.data });
  }, [dispatch, session]);

  useEffect(() => {
    void reload();
  }, [reload]);

  const unsavedMapping = useRef<MappingOverrides | null>(null);
  const saveMapping = useCallback(
    async (mapping: MappingOverrides) => {
      dispatch({ type: 'workbookReloading' });
      try {
        await session.saveMapping(mapping);
      } catch (error) {
        unsavedMapping.current = mapping;
        dispatch({ type: 'workbookFailed', problems: [problemOf(error)], mapping: session.mapping });
        return;
      }
      unsavedMapping.current = null;
      await reload();
    },
    [dispatch, reload, session],
  );

  const retryLoading = useCallback(
    () => (unsavedMapping.current ? saveMapping(unsavedMapping.current) : reload()),
    [reload, saveMapping],
  );

  return useMemo(() => ({ reload, saveMapping, retryLoading }), [reload, retryLoading, saveMapping]);
}

/** The campaigns show as soon as the add-in's state is read; the user's sheets are read after that. */
const loadedAction = async (
  session: PaneSession,
  dispatch: Dispatch<WizardAction>,
): Promise<WizardAction> => {
  try {
    const state = await session.readState();
    if (!state.ok) return { type: 'workbookFailed', problems: state.error, mapping: session.mapping };
    dispatch({ type: 'stateRead' });
    await afterNextFrames();
    const { data } = await session.readSheets({ duplicatesLater: true, pause: slicedPause() });
    return data.ok
      ? { type: 'workbookLoaded', data: data.value, mapping: session.mapping }
      : { type: 'workbookFailed', problems: data.error, mapping: session.mapping };
  } catch (error) {
    return { type: 'workbookFailed', problems: [problemOf(error)], mapping: session.mapping };
  }
};
