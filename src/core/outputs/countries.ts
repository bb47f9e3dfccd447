import type { Language } from '../kernel/language';
import { normalizeHeader } from '../read/headers';

/**
 * Where the postal code stands in the town line: before the town (most of Europe), after it (North America,
 * Australia), or on a line of its own below the town in capitals (Britain, Ireland).
 */
export type TownFormat = 'codeCity' | 'cityCode' | 'cityThenCode';

export interface Country {
  code: string;
  /** The country's name for the last line of a foreign address, before it is put in capitals. */
  names: Record<Language, string>;
  format: TownFormat;
}

type Entry = [code: string, de: string, en: string, format: TownFormat, aliases: string[]];

/** The countries a German small business writes to most, with the spellings people put into a "Land" column. */
const ENTRIES: Entry[] = [
  ['AT', 'Österreich', 'Austria', 'codeCity', ['A', 'AUT']],
  ['CH', 'Schweiz', 'Switzerland', 'codeCity', ['CHE', 'Suisse', 'Svizzera']],
  ['LI', 'Liechtenstein', 'Liechtenstein', 'codeCity', ['FL', 'LIE']],
  ['LU', 'Luxemburg', 'Luxembourg', 'codeCity', ['L', 'LUX']],
  ['FR', 'Frankreich', 'France', 'codeCity', ['F', 'FRA']],
  ['BE', 'Belgien', 'Belgium', 'codeCity', ['B', 'BEL', 'Belgique']],
  ['NL', 'Niederlande', 'Netherlands', 'codeCity', ['NLD', 'Holland', 'Nederland']],
  ['DK', 'Dänemark', 'Denmark', 'codeCity', ['DNK', 'Danmark']],
  ['SE', 'Schweden', 'Sweden', 'codeCity', ['S', 'SWE', 'Sverige']],
  ['NO', 'Norwegen', 'Norway', 'codeCity', ['N', 'NOR', 'Norge']],
  ['FI', 'Finnland', 'Finland', 'codeCity', ['FIN', 'Suomi']],
  ['PL', 'Polen', 'Poland', 'codeCity', ['POL', 'Polska']],
  ['CZ', 'Tschechien', 'Czechia', 'codeCity', ['CZE', 'Tschechische Republik', 'Czech Republic']],
  ['SK', 'Slowakei', 'Slovakia', 'codeCity', ['SVK']],
  ['HU', 'Ungarn', 'Hungary', 'codeCity', ['H', 'HUN']],
  ['SI', 'Slowenien', 'Slovenia', 'codeCity', ['SLO', 'SVN']],
  ['HR', 'Kroatien', 'Croatia', 'codeCity', ['HRV']],
  ['IT', 'Italien', 'Italy', 'codeCity', ['I', 'ITA', 'Italia']],
  ['ES', 'Spanien', 'Spain', 'codeCity', ['E', 'ESP', 'España']],
  ['PT', 'Portugal', 'Portugal', 'codeCity', ['P', 'PRT']],
  ['GR', 'Griechenland', 'Greece', 'codeCity', ['GRC']],
  ['TR', 'Türkei', 'Türkiye', 'codeCity', ['TUR', 'Turkey']],
  [
    'GB',
    'Vereinigtes Königreich',
    'United Kingdom',
    'cityThenCode',
    ['UK', 'GBR', 'Großbritannien', 'Great Britain', 'England'],
  ],
  ['IE', 'Irland', 'Ireland', 'cityThenCode', ['IRL']],
  [
    'US',
    'Vereinigte Staaten',
    'United States',
    'cityCode',
    ['USA', 'Vereinigte Staaten von Amerika', 'United States of America'],
  ],
  ['CA', 'Kanada', 'Canada', 'cityCode', ['CAN']],
  ['AU', 'Australien', 'Australia', 'cityCode', ['AUS']],
];

const BY_NAME = new Map<string, Country>(
  ENTRIES.flatMap(([code, de, en, format, aliases]) => {
    const country: Country = { code, names: { de, en }, format };
    return [code, de, en, ...aliases].map((name) => [normalizeHeader(name), country] as const);
  }),
);

const DOMESTIC: ReadonlySet<string> = new Set(
  ['', 'DE', 'D', 'DEU', 'Deutschland', 'Germany', 'BRD', 'Bundesrepublik Deutschland'].map(normalizeHeader),
);

/** A workbook spells its countries a handful of ways: each spelling is normalised once (bounded). */
const keysBySpelling = new Map<string, string>();
const MAX_SPELLINGS = 256;

const countryKey = (text: string): string => {
  const known = keysBySpelling.get(text);
  if (known !== undefined) return known;
  const key = normalizeHeader(text);
  if (keysBySpelling.size < MAX_SPELLINGS) keysBySpelling.set(text, key);
  return key;
};

/** A German postal code has exactly five digits; four is usually a lost leading zero. */
export const isGermanPostalCode = (postalCode: string): boolean => /^\d{5}$/.test(postalCode);

/** The add-in writes for German businesses: Germany (or no country given) is domestic mail. */
export const isDomestic = (country: string): boolean => DOMESTIC.has(countryKey(country));

/** A country from its code or its name in German, English or its own language; null when unknown. */
export const countryOf = (text: string): Country | null => BY_NAME.get(countryKey(text)) ?? null;
