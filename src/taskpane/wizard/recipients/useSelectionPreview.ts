import { useCallback, useEffect, useMemo, useState } from 'react';
import type { SelectionDefinition, SelectionMode, StoredCampaign } from '../../../core/campaign/campaign';
import type { WorkbookData } from '../../../core/kernel/model';
import type { SelectionReport, TargetGroup } from '../../../core/group/targetGroupModel';
import type { PaneSession } from '../../services/paneSession';
import { failureText } from '../../services/problemText';

export const PREVIEW_DELAY_MS = 250;

/** What the chosen selection would add to the group (or take out of it), computed while the user chooses. */
export type SelectionPreview =
  | { status: 'nothingSelected' }
  | { status: 'working' }
  | { status: 'ready'; group: TargetGroup; report: SelectionReport }
  | { status: 'failed'; message: string };

/** Adding the chosen selection to the group. */
export type Applying = { status: 'idle' } | { status: 'running' } | { status: 'failed'; message: string };

export interface RecipientSelection {
  selection: SelectionDefinition | null;
  choose(selection: SelectionDefinition | null): void;
  preview: SelectionPreview;
  applying: Applying;
  /** Adds the selection (reusing the preview's group); on success the choice is cleared for the next one. */
  apply(): Promise<void>;
}

/** The preview of one choice on one group; it stands only while both are the current ones. */
interface Previewed {
  selection: SelectionDefinition;
  base: TargetGroup;
  preview: SelectionPreview;
}

/**
 * Step 2's selection: the user's choice, its preview (debounced, off the main thread where possible) and applying it.
 * A failed preview or apply says why; the user can change the choice or try again.
 */
export function useSelectionPreview(
  session: PaneSession,
  data: WorkbookData,
  draft: StoredCampaign,
  group: TargetGroup,
  applySelection: (selection: SelectionDefinition, previewed?: TargetGroup) => Promise<void>,
  /** Whether what the pickers find is added or taken out: it belongs to the selection, not to the picker. */
  mode: SelectionMode = 'add',
): RecipientSelection {
  const [picked, setSelection] = useState<SelectionDefinition | null>(null);
  const selection = useMemo(
    () => (picked && mode === 'remove' ? { ...picked, mode } : picked),
    [mode, picked],
  );
  const [previewed, setPreviewed] = useState<Previewed | null>(null);
  const [applying, setApplying] = useState<Applying>({ status: 'idle' });

  useEffect(() => {
    if (!selection) return;
    let current = true;
    const settle = (preview: SelectionPreview) =>
      current && setPreviewed({ selection, base: group, preview });
    const timer = setTimeout(() => {
      session.previewSelection(group, data, draft, selection).then(
        (result) => {
          const report = result.reports[result.reports.length - 1];
          settle({ status: 'ready', group: result, report });
        },
        (error: unknown) => settle({ status: 'failed', message: failureText(error, session.language) }),
      );
    }, PREVIEW_DELAY_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [data, draft, group, selection, session]);

  const choose = useCallback((next: SelectionDefinition | null) => {
    setSelection(next);
    setApplying({ status: 'idle' });
  }, []);

  const preview: SelectionPreview = !selection
    ? { status: 'nothingSelected' }
    : previewed && previewed.selection === selection && previewed.base === group
      ? previewed.preview
      : { status: 'working' };

  const apply = async () => {
    if (!selection) return;
    setApplying({ status: 'running' });
    try {
      await applySelection(selection, preview.status === 'ready' ? preview.group : undefined);
    } catch (error) {
      setApplying({ status: 'failed', message: failureText(error, session.language) });
      return;
    }
    setApplying({ status: 'idle' });
    setSelection(null);
  };

  return { selection, choose, preview, applying, apply };
}
