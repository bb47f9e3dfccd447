import type { CampaignDefinition } from '../campaign/campaign';
import { evaluationWindow } from '../evaluation/evaluate';
import type { ContactRules, ProtectedGroup } from '../group/contactRules';
import type { Day } from '../kernel/model';
import type { AddinState } from '../state/state';
import { sameName } from '../state/stateTable';

/**
 * The rules the contact history imposes on a campaign: its own contact limit, else the workbook's, and the control
 * groups of the other campaigns whose evaluation window has not ended (evaluation/evaluate.ts evaluationWindow).
 */
export const contactRulesFor = (
  state: AddinState,
  definition: CampaignDefinition & { id?: string },
  today: Day,
): ContactRules => {
  const own = state.campaigns.find((campaign) =>
    definition.id !== undefined ? campaign.id === definition.id : sameName(campaign.name, definition.name),
  );
  const protectedGroups: ProtectedGroup[] = state.campaigns.flatMap((campaign) => {
    if (campaign.id === own?.id || !campaign.assignment?.control.length) return [];
    const window = evaluationWindow(campaign, today);
    if (window.start === null || today > window.start + window.windowDays - 1) return [];
    return [{ campaign: campaign.name, start: window.start, keys: new Set(campaign.assignment.control) }];
  });
  const limit = definition.contactLimit ?? state.contactLimit;
  return {
    campaign: { ...(own ? { id: own.id } : {}), name: definition.name },
    ...(limit ? { limit } : {}),
    protectedGroups,
  };
};
