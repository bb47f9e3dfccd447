import type { CampaignStatus } from './campaign';
import type { Language } from '../kernel/language';

const LABELS: Record<CampaignStatus, Record<Language, string>> = {
  planned: { de: 'Geplant', en: 'Planned' },
  active: { de: 'Aktiv', en: 'Active' },
  completed: { de: 'Abgeschlossen', en: 'Completed' },
};

export const campaignStatusLabel = (status: CampaignStatus, lang: Language): string => LABELS[status][lang];

/** "Geplant", "aktiv", "Completed" → the status; people write the labels into campaign files by hand. */
export const campaignStatusFromLabel = (text: string): CampaignStatus | undefined => {
  const wanted = text.trim().toLowerCase();
  return (Object.keys(LABELS) as CampaignStatus[]).find((status) =>
    Object.values(LABELS[status]).some((label) => label.toLowerCase() === wanted),
  );
};
