/** The languages of the add-in's texts, its outputs and its command line. German first. */
export type Language = 'de' | 'en';

export const LANGUAGES: readonly Language[] = ['de', 'en'];

/** Office reports e.g. "en-US" or "de-DE"; everything that is not English gets German. */
export const languageFromDisplayLanguage = (displayLanguage: string | null | undefined): Language =>
  displayLanguage?.toLowerCase().startsWith('en') ? 'en' : 'de';
