import type { CampaignType } from './campaign';
import type { Language } from '../kernel/language';

interface CampaignTypeText {
  label: string;
  /** One line: what the type checks before someone becomes a member. */
  explanation: string;
}

const TEXTS: Record<CampaignType, Record<Language, CampaignTypeText>> = {
  email: {
    de: { label: 'E-Mail', explanation: 'Prüft: gültige E-Mail-Adresse.' },
    en: { label: 'Email', explanation: 'Checks: valid e-mail address.' },
  },
  letter: {
    de: { label: 'Brief', explanation: 'Prüft: Straße und Ort (fehlende PLZ ist eine Warnung).' },
    en: { label: 'Letter', explanation: 'Checks: street and city (a missing postal code is a warning).' },
  },
  phone: {
    de: { label: 'Telefon', explanation: 'Prüft: Telefon- oder Mobilnummer.' },
    en: { label: 'Phone', explanation: 'Checks: phone or mobile number.' },
  },
  newsletter: {
    de: { label: 'Newsletter', explanation: 'Prüft: gültige E-Mail-Adresse.' },
    en: { label: 'Newsletter', explanation: 'Checks: valid e-mail address.' },
  },
  event: {
    de: { label: 'Veranstaltung', explanation: 'Keine Pflichtangaben; nur Werbesperren schließen aus.' },
    en: { label: 'Event', explanation: 'No required fields; only opt-outs exclude.' },
  },
  other: {
    de: { label: 'Sonstige', explanation: 'Keine Pflichtangaben; nur Werbesperren schließen aus.' },
    en: { label: 'Other', explanation: 'No required fields; only opt-outs exclude.' },
  },
};

export const campaignTypeLabel = (type: CampaignType, lang: Language): string => TEXTS[type][lang].label;

export const campaignTypeExplanation = (type: CampaignType, lang: Language): string =>
  TEXTS[type][lang].explanation;
