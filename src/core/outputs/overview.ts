import type { Language } from '../kernel/language';
import type { StoredCampaign } from '../campaign/campaign';
import { campaignStatusLabel } from '../campaign/campaignStatus';
import { campaignTypeLabel } from '../campaign/campaignTypes';
import type { TableData } from '../kernel/sheetTable';

const HEADERS: Record<Language, string[]> = {
  de: [
    'Name',
    'Typ',
    'Status',
    'Beschreibung',
    'Start',
    'Erstellt',
    'Aktualisiert',
    'Mitglieder',
    'Kontrollgruppe (%)',
    'Zielgruppenblatt',
  ],
  en: [
    'Name',
    'Type',
    'Status',
    'Description',
    'Start',
    'Created',
    'Updated',
    'Members',
    'Control group (%)',
    'Target sheet',
  ],
};

/** Columns holding people's text; anything starting with "=" or "-" there must not become a formula. */
const TEXT_COLUMNS = [0, 1, 2, 3, 9];

const dateOrText = (iso: string): Date | string => {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date;
};

/** The Kampagnen overview sheet: one row per campaign, in the order they were created. */
export const campaignsOverviewTable = (campaigns: StoredCampaign[], lang: Language): TableData => ({
  headers: [...HEADERS[lang]],
  rows: campaigns.map((campaign) => [
    campaign.name,
    campaignTypeLabel(campaign.type, lang),
    campaignStatusLabel(campaign.status ?? 'planned', lang),
    campaign.description ?? '',
    campaign.start ? dateOrText(campaign.start) : '',
    dateOrText(campaign.createdAt),
    dateOrText(campaign.updatedAt),
    campaign.memberCount,
    campaign.controlPercent ?? 0,
    campaign.targetSheet ?? '',
  ]),
  textColumns: [...TEXT_COLUMNS],
});
