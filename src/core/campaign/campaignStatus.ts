import type { CampaignStatus } from './campaign';
import { valueOfLabel, type Labels } from '../kernel/labels';
import type { Language } from '../kernel/language';

const LABELS: Labels<CampaignStatus> = {
  de: { planned: 'Geplant', active: 'Aktiv', completed: 'Abgeschlossen' },
  en: { planned: 'Planned', active: 'Active', completed: 'Completed' },
};

export const campaignStatusLabel = (status: CampaignStatus, lang: Language): string => LABELS[lang][status];

/** "Geplant", "aktiv", "Completed" → the status; people write the labels into campaign files by hand. */
export const campaignStatusFromLabel = (text: string): CampaignStatus | undefined =>
  valueOfLabel(LABELS, text);
