import type { Language } from '../kernel/language';

/** Name of the very hidden sheet that holds the add-in's state inside the workbook. */
export const STATE_SHEET = 'KampagnenDaten';
export const LEADS_SHEET = 'Leads';
export const OVERVIEW_SHEET: Record<Language, string> = { de: 'Kampagnen', en: 'Campaigns' };
export const EVALUATION_SHEET: Record<Language, string> = { de: 'Auswertung', en: 'Evaluation' };
export const TYPE_EVALUATION_SHEET: Record<Language, string> = {
  de: 'Auswertung nach Typ',
  en: 'Evaluation by type',
};
/**
 * The blocking list of people who objected to advertising (Werbewiderspruch): a sheet name people expect to be theirs;
 * the add-in starts one under this name when a workbook has none.
 */
export const BLOCKLIST_SHEET: Record<Language, string> = { de: 'Sperrliste', en: 'Blocklist' };

/**
 * The contact history: one row per member per use of a campaign, appended by the add-in and never rewritten; people
 * may add, edit and delete rows.
 */
export const HISTORY_SHEET: Record<Language, string> = { de: 'Kontakthistorie', en: 'Contact history' };

/**
 * The names of the add-in's own sheets, in both languages. A campaign named like one of them ("Leads", "Kampagnen",
 * "KampagnenDaten", "Auswertung" …) gets another name for its target sheet, so that no output ever lands on a sheet
 * meant for another one. `own` are the names the output asking may use itself.
 */
export const reservedSheetNames = (own: readonly string[] = []): string[] =>
  [
    STATE_SHEET,
    LEADS_SHEET,
    ...Object.values(OVERVIEW_SHEET),
    ...Object.values(EVALUATION_SHEET),
    ...Object.values(TYPE_EVALUATION_SHEET),
    ...Object.values(BLOCKLIST_SHEET),
    ...Object.values(HISTORY_SHEET),
  ].filter((name) => !own.some((mine) => mine.toLowerCase() === name.toLowerCase()));

/** Excel's limits for sheet and table names (checked before any host call, so a write never fails on a name). */
const MAX_SHEET_NAME = 31;
const MAX_TABLE_NAME = 255;
const FORBIDDEN_IN_SHEET_NAME = /[:\\/?*[\]\u0000-\u001f]/g;

const TRANSLITERATION: Record<string, string> = {
  ä: 'ae',
  ö: 'oe',
  ü: 'ue',
  Ä: 'Ae',
  Ö: 'Oe',
  Ü: 'Ue',
  ß: 'ss',
  '€': 'EUR',
};

/** ASCII transliteration for names and headers: umlauts the German way, other accents dropped. */
export const transliterate = (text: string): string =>
  text
    .replace(/[äöüÄÖÜß€]/g, (char) => TRANSLITERATION[char])
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '');

/** Cuts to `max` UTF-16 units without splitting a surrogate pair (a lone half would be garbled in the file). */
export const truncate = (text: string, max: number): string => {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  return /[\ud800-\udbff]$/.test(cut) ? cut.slice(0, -1) : cut;
};

/** A long campaign name is cut after its last whole word that fits ("… für inaktive", not "… für inaktive Kun"). */
const truncateAtWord = (text: string, max: number): string => {
  if (text.length <= max) return text;
  const cut = truncate(text, max);
  const lastSpace = cut.lastIndexOf(' ');
  return text[cut.length] !== ' ' && lastSpace >= max / 2 ? cut.slice(0, lastSpace) : cut;
};

const tidySheetName = (text: string): string =>
  text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^'+|'+$/g, '')
    .trim();

/** A valid sheet name: ≤ 31 characters, none of : \ / ? * [ ], not blank, not "History", no apostrophe at either end. */
export const cleanSheetName = (text: string, fallback = 'Kampagne'): string => {
  const name = tidySheetName(
    truncateAtWord(tidySheetName(text.replace(FORBIDDEN_IN_SHEET_NAME, ' ')), MAX_SHEET_NAME),
  );
  if (name === '') return fallback;
  // "History" is reserved by Excel (change tracking).
  return name.toLowerCase() === 'history' ? `${name} 1` : name;
};

const lowerSet = (names: Iterable<string>): Set<string> =>
  new Set([...names].map((name) => name.toLowerCase()));

/**
 * A sheet name for an output: the cleaned desired name, or "Name (2)", "Name (3)" … when a sheet the add-in does not
 * own already has it. `ownedNames` are the sheets this output may replace (e.g. this campaign's previous target
 * sheet) — not every sheet the add-in owns, or two campaigns with similar names would overwrite each other.
 */
export const uniqueSheetName = (
  desired: string,
  existingNames: Iterable<string>,
  ownedNames: Iterable<string>,
): string => {
  const existing = lowerSet(existingNames);
  const owned = lowerSet(ownedNames);
  const usable = (name: string): boolean =>
    !existing.has(name.toLowerCase()) || owned.has(name.toLowerCase());
  const base = cleanSheetName(desired);
  if (usable(base)) return base;
  for (let n = 2; ; n++) {
    const suffix = ` (${n})`;
    const candidate = tidySheetName(truncate(base, MAX_SHEET_NAME - suffix.length)) + suffix;
    if (usable(candidate)) return candidate;
  }
};

/** A1 (up to XFD1048576-like shapes) or R1C1 references, which Excel refuses as table names. */
const looksLikeCellReference = (name: string): boolean =>
  /^[a-z]{1,3}\d+$/i.test(name) || /^r\d*c?\d*$/i.test(name) || /^c\d*$/i.test(name);

/** An Excel table name: starts with a letter or "_", only letters, digits, "." and "_", no cell reference, unique. */
export const tableNameFor = (text: string, existingTableNames: Iterable<string>): string => {
  let base = transliterate(text)
    .replace(/[^A-Za-z0-9._]+/g, '_')
    .replace(/_+/g, '_')
    .replace(/^_+|_+$/g, '');
  if (base === '') base = 'Kampagne';
  if (!/^[A-Za-z_]/.test(base)) base = `Kampagne_${base}`;
  if (looksLikeCellReference(base)) base = `${base}_`;
  base = base.slice(0, MAX_TABLE_NAME);
  const existing = lowerSet(existingTableNames);
  if (!existing.has(base.toLowerCase())) return base;
  for (let n = 2; ; n++) {
    const suffix = `_${n}`;
    const candidate = base.slice(0, MAX_TABLE_NAME - suffix.length) + suffix;
    if (!existing.has(candidate.toLowerCase())) return candidate;
  }
};
