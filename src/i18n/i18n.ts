import type { Language } from '../core/kernel/language';
import { de, type MessageKey } from './de';
import { en } from './en';

export type { MessageKey };
export type Params = Record<string, string | number>;

const dictionaries: Record<Language, Record<MessageKey, string>> = { de, en };

/** Office reports e.g. "en-US" or "de-DE"; everything that is not English gets German. */
export const languageFromDisplayLanguage = (displayLanguage: string | null | undefined): Language =>
  displayLanguage?.toLowerCase().startsWith('en') ? 'en' : 'de';

const localeOf = (language: Language): string => (language === 'en' ? 'en-GB' : 'de-DE');

export interface Translator {
  language: Language;
  t(key: MessageKey, params?: Params): string;
  formatNumber(value: number): string;
  /** Formats an ISO timestamp or date (YYYY-MM-DD) as a local date. */
  formatDate(iso: string): string;
  formatDateTime(iso: string): string;
}

export const createTranslator = (language: Language): Translator => {
  const dictionary = dictionaries[language];
  const numbers = new Intl.NumberFormat(localeOf(language));
  const dates = new Intl.DateTimeFormat(localeOf(language), { dateStyle: 'medium', timeZone: 'UTC' });
  const dateTimes = new Intl.DateTimeFormat(localeOf(language), { dateStyle: 'medium', timeStyle: 'short' });
  const format = (value: string | number): string =>
    typeof value === 'number' ? numbers.format(value) : value;
  return {
    language,
    t: (key, params) =>
      dictionary[key].replace(/\{(\w+)\}/g, (whole, name: string) =>
        params && name in params ? format(params[name]) : whole,
      ),
    formatNumber: (value) => numbers.format(value),
    formatDate: (iso) => dates.format(new Date(iso.length === 10 ? `${iso}T00:00:00Z` : iso)),
    formatDateTime: (iso) => dateTimes.format(new Date(iso)),
  };
};
