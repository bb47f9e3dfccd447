import type { Field } from '../kernel/model';
import type { CellValue } from '../kernel/sheetTable';
import { normalizeHeader, recognizeColumns } from './headers';
import { isBlankRow } from './sheetReader';
import type { MergedHeader, Source } from './sources';

/** Enough rows to see what a column holds; a merged header is decided once per sheet. */
const SAMPLE_ROWS = 50;
/** Share of a column's filled cells that must look like a name part. */
const CLEAR_SHARE = 0.9;

const SALUTATIONS: ReadonlySet<string> = new Set([
  'herr',
  'herrn',
  'frau',
  'hr',
  'fr',
  'mr',
  'mrs',
  'ms',
  'divers',
]);

/** Letters (any script), with the spaces, hyphens, apostrophes and dots of names; no digits, no "@". */
const NAME_PART = /^[\p{L}][\p{L} .'’-]*$/u;

const isNameHeader = (header: string): boolean =>
  normalizeHeader(header) === 'name' || recognizeColumns([header], 'contacts').columns.fullName === 0;

/** The filled cells of one column in the first data rows. */
function sample(source: Source, column: number): CellValue[] {
  const values: CellValue[] = [];
  const { rows } = source.table;
  for (let i = source.headerIndex + 1; i < source.endIndex && values.length < SAMPLE_ROWS; i++) {
    if (isBlankRow(rows[i])) continue;
    const cell = rows[i][column] ?? null;
    if (cell !== null && cell !== '') values.push(cell);
  }
  return values;
}

const mostly = (values: readonly CellValue[], test: (text: string) => boolean): boolean =>
  values.length > 0 &&
  values.filter((value) => typeof value === 'string' && test(value.trim())).length >=
    values.length * CLEAR_SHARE;

const isNamePart = (text: string): boolean => NAME_PART.test(text) && !SALUTATIONS.has(normalizeHeader(text));

/**
 * What the columns under a merged header hold, when the data makes it clear: a name header ("Name", "Ansprechpartner")
 * over two columns of name parts is first and last name, as people write them. Anything else — more columns,
 * numbers, a salutation column, an address — is not clear: null, and the user is asked.
 */
export function mergedHeaderFields(source: Source, merged: MergedHeader): Field[] | null {
  if (merged.span !== 2 || !isNameHeader(merged.header)) return null;
  const [first, last] = [sample(source, merged.column), sample(source, merged.column + 1)];
  return mostly(first, isNamePart) && mostly(last, isNamePart) ? ['firstName', 'lastName'] : null;
}
