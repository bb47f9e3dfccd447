/**
 * How people write names, addresses and e-mails, reduced to what identifies: case, spaces, punctuation, umlauts
 * (ä/ae, ö/oe, ü/ue, ß/ss), accents and academic titles do not matter. Every function keeps the common plain case
 * (ASCII letters and single spaces) cheap: it runs once per record of a sheet with up to a million rows.
 */

const UMLAUTS: Record<string, string> = { ä: 'ae', ö: 'oe', ü: 'ue', ß: 'ss' };
const PLAIN_WORDS = /^[a-z]+( [a-z]+)*$/;
const COMBINING_MARKS = /[\u0300-\u036f]/g;
const NOT_ALPHANUMERIC = /[^a-z0-9]+/g;

/** Titles written without a dot that are never a name. */
const TITLE_WORDS: ReadonlySet<string> = new Set(['dr', 'prof', 'professor', 'mba', 'llm', 'phd']);
/** Titles and degrees written with dots ("Dr.", "Dipl.-Ing.", "M.A.", "h.c."); "A." alone is an initial, kept. */
const DOTTED_TITLE =
  /^(dr|prof|dipl|ing|mag|med|rer|nat|phil|jur|oec|pol|habil|univ|h\.c|ll\.m|ph\.d|m\.a|b\.a|m\.sc|b\.sc|m\.eng|b\.eng|dipl\.?-[a-z]+)\.$/;

const isTitle = (token: string): boolean =>
  token.includes('.') ? DOTTED_TITLE.test(token) : TITLE_WORDS.has(token);

const GERMAN_LETTERS = /[äöüß]/g;
/** Anything besides ASCII and the composed German letters needs Unicode normalisation (accents, decomposed ü). */
const NEEDS_UNICODE = /[^\x00-\x7fäöüß]/;

const foldLetters = (text: string): string => {
  if (!NEEDS_UNICODE.test(text)) return text.replace(GERMAN_LETTERS, (letter) => UMLAUTS[letter]);
  return text
    .normalize('NFC')
    .replace(GERMAN_LETTERS, (letter) => UMLAUTS[letter])
    .normalize('NFD')
    .replace(COMBINING_MARKS, '');
};

/** "Dr. Jürgen  Groß" → "juergen gross"; "Müller-Lüdenscheidt" → "mueller luedenscheidt"; "" for no name. */
export const normaliseName = (text: string): string => {
  const lower = text.trim().toLowerCase();
  if (PLAIN_WORDS.test(lower)) return lower.includes(' ') ? withoutTitles(lower.split(' ')) : lower;
  return withoutTitles(foldLetters(lower).split(/[\s,;]+/));
};

const withoutTitles = (tokens: string[]): string =>
  tokens
    .filter((token) => token !== '' && !isTitle(token))
    .join(' ')
    .replace(NOT_ALPHANUMERIC, ' ')
    .trim();

/** Company names: the same folding, titles kept ("Praxis Dr. Weber" is a name, not a person with a title). */
export const normaliseCompany = (text: string): string => {
  const lower = text.trim().toLowerCase();
  if (PLAIN_WORDS.test(lower)) return lower;
  return foldLetters(lower).replace(NOT_ALPHANUMERIC, ' ').trim();
};

/** Trimmed and lower case; a value without "@" (e.g. "-", "keine") is no address and identifies nobody. */
export const normaliseEmail = (email: string): string | null => {
  const normalised = email.trim().toLowerCase();
  return normalised.includes('@') ? normalised : null;
};

/** "Hauptstraße 5 a" and "Hauptstr. 5a" → "hauptstr5a": only letters and digits, "straße"/"strasse" as "str". */
export const normaliseStreet = (street: string): string =>
  foldLetters(street.trim().toLowerCase())
    .replace(/str(asse|\.)/g, 'str')
    .replace(NOT_ALPHANUMERIC, '');

/** "anna" and "a", "hans" and "hans peter": one is an initial or the leading words of the other. */
export const firstNamesCompatible = (a: string, b: string): boolean => {
  if (a === b || a === '' || b === '') return true;
  const [short, long] = a.length < b.length ? [a, b] : [b, a];
  return short.length === 1 ? long.startsWith(short) : long.startsWith(`${short} `);
};

/** "schmidt" and "schmidt meier" (a double name after marriage) share a word. */
export const lastNamesCompatible = (a: string, b: string): boolean => {
  if (a === b || a === '' || b === '') return true;
  const words = new Set(a.split(' '));
  return b.split(' ').some((word) => words.has(word));
};
