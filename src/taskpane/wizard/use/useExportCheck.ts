import { useMemo } from 'react';
import type { StoredCampaign } from '../../../core/campaign/campaign';
import type { TargetGroup } from '../../../core/group/targetGroupModel';
import type { ExportCheck } from '../../../core/run/groupUse';
import type { PaneSession } from '../../services/paneSession';

/** The pre-flight of the export as it would run now; computed again only when the campaign or its group changes. */
export const useExportCheck = (
  session: PaneSession,
  draft: StoredCampaign,
  group: TargetGroup,
): ExportCheck => useMemo(() => session.exportCheck(draft, group), [session, draft, group]);
