import type { CampaignType } from './campaign';
import { valueOfLabel, type Labels } from '../kernel/labels';
import type { Language } from '../kernel/language';

const LABELS: Labels<CampaignType> = {
  de: {
    email: 'E-Mail',
    letter: 'Brief',
    phone: 'Telefon',
    newsletter: 'Newsletter',
    event: 'Veranstaltung',
    other: 'Sonstige',
  },
  en: {
    email: 'Email',
    letter: 'Letter',
    phone: 'Phone',
    newsletter: 'Newsletter',
    event: 'Event',
    other: 'Other',
  },
};

/** What a type checks before someone becomes a member (typeRules.ts), in one line. */
type Check = 'validEmail' | 'address' | 'phone' | 'optOutOnly';

const CHECKS: Record<CampaignType, Check> = {
  email: 'validEmail',
  letter: 'address',
  phone: 'phone',
  newsletter: 'validEmail',
  event: 'optOutOnly',
  other: 'optOutOnly',
};

const CHECK_TEXTS: Labels<Check> = {
  de: {
    validEmail: 'Prüft: gültige E-Mail-Adresse.',
    address: 'Prüft: Straße und Ort (fehlende PLZ ist eine Warnung).',
    phone: 'Prüft: Telefon- oder Mobilnummer.',
    optOutOnly: 'Keine Pflichtangaben; nur Werbesperren schließen aus.',
  },
  en: {
    validEmail: 'Checks: valid e-mail address.',
    address: 'Checks: street and city (a missing postal code is a warning).',
    phone: 'Checks: phone or mobile number.',
    optOutOnly: 'No required fields; only opt-outs exclude.',
  },
};

export const campaignTypeLabel = (type: CampaignType, lang: Language): string => LABELS[lang][type];

export const campaignTypeExplanation = (type: CampaignType, lang: Language): string =>
  CHECK_TEXTS[lang][CHECKS[type]];

/** "Brief", "e-mail", "Letter" → the type. */
export const campaignTypeFromLabel = (text: string): CampaignType | undefined => valueOfLabel(LABELS, text);
