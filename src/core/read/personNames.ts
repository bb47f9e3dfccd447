const SALUTATIONS: ReadonlySet<string> = new Set([
  'herr',
  'herrn',
  'frau',
  'hr.',
  'fr.',
  'mr',
  'mr.',
  'mrs',
  'mrs.',
  'ms',
  'ms.',
]);
const TITLE_PREFIXES = ['dr', 'prof', 'dipl', 'mag', 'ing.', 'med.', 'rer.', 'nat.', 'phil.', 'jur.'];
const NAME_PARTICLES: ReadonlySet<string> = new Set([
  'von',
  'van',
  'de',
  'der',
  'den',
  'zu',
  'vom',
  'zum',
  'zur',
  'di',
  'da',
  'del',
  'le',
  'la',
  'ten',
  'ter',
]);

const isTitle = (token: string): boolean => {
  const lower = token.toLowerCase();
  return lower.endsWith('.') && TITLE_PREFIXES.some((prefix) => lower.startsWith(prefix));
};

export interface SplitName {
  salutation: string;
  title: string;
  firstName: string;
  lastName: string;
}

const tokenize = (text: string): string[] => text.trim().split(/\s+/).filter(Boolean);

/** Leading salutation and academic titles; the last token is always kept as a name. */
function takePrefixes(tokens: string[]): { salutation: string; title: string; rest: string[] } {
  let start = 0;
  const salutation = tokens.length > 1 && SALUTATIONS.has(tokens[0].toLowerCase()) ? tokens[start++] : '';
  const titles: string[] = [];
  while (start < tokens.length - 1 && isTitle(tokens[start])) titles.push(tokens[start++]);
  return { salutation, title: titles.join(' '), rest: tokens.slice(start) };
}

/** "Herr Dr. Max Mustermann", "Schmidt, Anna", "Anna von Schmidt" → salutation, title, first and last name. */
export function splitFullName(fullName: string): SplitName {
  const comma = fullName.indexOf(',');
  if (comma >= 0) {
    const { salutation, title, rest } = takePrefixes(tokenize(fullName.slice(comma + 1)));
    return { salutation, title, firstName: rest.join(' '), lastName: fullName.slice(0, comma).trim() };
  }
  const { salutation, title, rest } = takePrefixes(tokenize(fullName));
  let lastStart = Math.max(rest.length - 1, 0);
  while (lastStart > 1 && NAME_PARTICLES.has(rest[lastStart - 1].toLowerCase())) lastStart--;
  return {
    salutation,
    title,
    firstName: rest.slice(0, lastStart).join(' '),
    lastName: rest.slice(lastStart).join(' '),
  };
}
