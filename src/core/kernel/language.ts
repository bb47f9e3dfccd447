/** The languages of the add-in's texts, its outputs and its command line. German first. */
export type Language = 'de' | 'en';

export const LANGUAGES: readonly Language[] = ['de', 'en'];
