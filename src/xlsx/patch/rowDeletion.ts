import { cellRange, columnIndex, rangeRef, type CellRange } from './cellRefs';
import { attributesOf, escapeXml, unescapeXml, withAttribute } from './xmlText';

/**
 * Deleting whole rows of a worksheet part the way Excel does ("Delete sheet rows"): the rows go, the rows below move
 * up, and everything that points at rows — cell references, formulas of this sheet and of others that name it,
 * merged areas, hyperlinks, validation and conditional formats, filters, the dimension, tables — follows. Rows are
 * 1-based sheet rows, sorted ascending, without duplicates.
 */

/** How many deleted rows lie above `row`. */
const above = (deleted: readonly number[], row: number): number => {
  let lo = 0;
  let hi = deleted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (deleted[mid] < row) lo = mid + 1;
    else hi = mid;
  }
  return lo;
};

const isDeleted = (deleted: readonly number[], row: number): boolean => {
  const i = above(deleted, row);
  return i < deleted.length && deleted[i] === row;
};

/** A row's number after the deletion, or null when it is deleted. */
export const movedRow = (deleted: readonly number[], row: number): number | null =>
  isDeleted(deleted, row) ? null : row - above(deleted, row);

/** The rows first…last after the deletion (1-based), or null when every one of them is deleted. */
export const movedSpan = (
  deleted: readonly number[],
  first: number,
  last: number,
): { first: number; last: number } | null => {
  const gone = above(deleted, last + 1) - above(deleted, first);
  if (gone === last - first + 1) return null;
  const newFirst = first - above(deleted, first);
  return { first: newFirst, last: newFirst + (last - first) - gone };
};

/** A 0-based range after the deletion, or null when all its rows go. */
const movedRange = (deleted: readonly number[], range: CellRange): CellRange | null => {
  const span = movedSpan(deleted, range.firstRow + 1, range.lastRow + 1);
  return span && { ...range, firstRow: span.first - 1, lastRow: span.last - 1 };
};

/** "A1:B5 D7" after the deletion; '' when every area goes. */
export const movedSqref = (deleted: readonly number[], sqref: string): string =>
  sqref
    .split(/\s+/)
    .filter(Boolean)
    .flatMap((ref) => {
      const range = movedRange(deleted, cellRange(ref));
      if (!range) return [];
      return [ref.includes(':') ? rangeRef(range) : rangeRef(range).split(':')[0]];
    })
    .join(' ');

const CELL = String.raw`(\$?)([A-Z]{1,3})(\$?)(\d+)`;
const SHEET = String.raw`(?:'((?:[^']|'')+)'|([A-Za-z_\u00C0-\uFFFF][\w.\u00C0-\uFFFF]*))!`;
/** A reference: optional sheet, then a cell or range of cells, or a range of whole rows. */
const REFERENCE = new RegExp(
  String.raw`(?<![\w.$\]!'])(?:${SHEET})?(?:${CELL}(?::${CELL})?|(\$?)(\d+):(\$?)(\d+))(?![\w(!\[])`,
  'g',
);

/**
 * A formula with its references to the sheet's rows moved: unqualified ones when the formula is on the sheet itself
 * (`own`), and every one qualified with the sheet's name. A reference to deleted cells becomes #REF! as in Excel.
 * String literals and structured references ([@Spalte]) are left alone.
 */
export const shiftFormula = (
  formula: string,
  sheetName: string,
  own: boolean,
  deleted: readonly number[],
): string => {
  const wanted = sheetName.toLowerCase();
  let out = '';
  let at = 0;
  // strings and brackets are copied as they are; only the code between them is scanned
  for (const part of formula.matchAll(/"(?:[^"]|"")*"|\[[^\]]*\]|[^"[]+/g)) {
    const text = part[0];
    out += formula.slice(at, part.index);
    at = part.index! + text.length;
    if (text.startsWith('"') || text.startsWith('[')) {
      out += text;
      continue;
    }
    out += text.replace(REFERENCE, (match, quoted?: string, bare?: string, ...groups: unknown[]) => {
      const sheet = quoted?.replace(/''/g, "'") ?? bare;
      if (sheet === undefined ? !own : sheet.toLowerCase() !== wanted) return match;
      const prefix = match.slice(0, match.length - referenceText(groups).length);
      const [c1, col1, r1, row1, c2, col2, r2, row2, rr1, rowA, rr2, rowB] = groups as (string | undefined)[];
      if (rowA !== undefined && rowB !== undefined) {
        const span = movedSpan(deleted, Number(rowA), Number(rowB));
        return span ? `${prefix}${rr1}${span.first}:${rr2}${span.last}` : `${prefix}#REF!`;
      }
      if (row2 === undefined) {
        const row = movedRow(deleted, Number(row1));
        return row === null ? `${prefix}#REF!` : `${prefix}${c1}${col1}${r1}${row}`;
      }
      const span = movedSpan(deleted, Number(row1), Number(row2));
      return span
        ? `${prefix}${c1}${col1}${r1}${span.first}:${c2}${col2}${r2}${span.last}`
        : `${prefix}#REF!`;
    });
  }
  return out + formula.slice(at);
};

/** The reference part of a match (without its sheet), from the capture groups after the sheet's. */
const referenceText = (groups: unknown[]): string => {
  const [c1, col1, r1, row1, c2, col2, r2, row2, rr1, rowA, rr2, rowB] = groups as (string | undefined)[];
  if (rowA !== undefined) return `${rr1}${rowA}:${rr2}${rowB}`;
  return `${c1}${col1}${r1}${row1}${row2 === undefined ? '' : `:${c2}${col2}${r2}${row2}`}`;
};

/** Every formula (`<f>` content) of a part with `edit` applied; '' when nothing changed. */
export const withFormulas = (xml: string, edit: (formula: string) => string): string =>
  xml.replace(/(<f\b[^>]*>)([^<]*)(<\/f>)/g, (_match, open: string, body: string, close: string) => {
    const formula = unescapeXml(body);
    const shifted = edit(formula);
    return shifted === formula ? `${open}${body}${close}` : `${open}${escapeXml(shifted)}${close}`;
  });

/** What keeps rows of this part from being deleted here; null when nothing does. */
export const deletionBlocker = (
  xml: string,
  deleted: readonly number[],
): 'drawing' | 'sharedFormula' | null => {
  // notes, pictures and charts are anchored to rows in their own parts, which this patcher does not move
  if (/<(legacyDrawing|drawing)\b/.test(xml)) return 'drawing';
  for (const tag of xml.match(/<f\b[^>]*\bt="shared"[^>]*>/g) ?? []) {
    const ref = attributesOf(tag).get('ref');
    if (!ref) continue;
    const range = cellRange(ref);
    const gone = above(deleted, range.lastRow + 2) - above(deleted, range.firstRow + 1);
    if (gone > 0 && gone < range.lastRow - range.firstRow + 1) return 'sharedFormula';
  }
  return null;
};

const ROW = /<row\b[^>]*?(?:\/>|>[\s\S]*?<\/row>)/g;

/** A cell element moved to another row: its reference and its formula. */
const movedCell = (cell: string, row: number, sheetName: string, deleted: readonly number[]): string => {
  const edited = cell.replace(/^(<c\b[^>]*?\sr=")([A-Z]+)\d+"/, `$1$2${row}"`);
  return withFormulas(edited, (formula) => shiftFormula(formula, sheetName, true, deleted));
};

/** The rows of sheetData without the deleted ones, the others renumbered, and the formulas of all shifted. */
const withoutSheetRows = (xml: string, sheetName: string, deleted: readonly number[]): string => {
  const start = xml.indexOf('<sheetData');
  const close = xml.indexOf('</sheetData>');
  if (start < 0 || close < 0) return xml;
  const body = xml.slice(start, close);
  const rows = body.replace(ROW, (row) => {
    const number = Number(attributesOf(row.slice(0, row.indexOf('>') + 1)).get('r'));
    const moved = movedRow(deleted, number);
    if (moved === null) return '';
    if (moved === number)
      return withFormulas(row, (formula) => shiftFormula(formula, sheetName, true, deleted));
    const open = withAttribute(row.slice(0, row.search(/\/?>/)) + '>', 'r', String(moved));
    if (row.endsWith('/>')) return `${open.slice(0, -1)}/>`;
    const inner = row.slice(row.indexOf('>') + 1, row.length - '</row>'.length);
    const cells = inner.replace(/<c\b[^>]*?(?:\/>|>[\s\S]*?<\/c>)/g, (cell) =>
      movedCell(cell, moved, sheetName, deleted),
    );
    return `${open}${cells}</row>`;
  });
  return xml.slice(0, start) + rows + xml.slice(close);
};

/** Elements with a ref or sqref: moved, shrunk, or removed when all their rows go. */
const withMovedAreas = (xml: string, deleted: readonly number[]): string => {
  let out = xml;
  for (const name of ['mergeCell', 'hyperlink']) {
    out = out.replace(new RegExp(`<${name}\\b[^>]*?(?:/>|>[\\s\\S]*?</${name}>)`, 'g'), (element) => {
      const ref = attributesOf(element.slice(0, element.search(/\/?>/) + 1)).get('ref');
      if (!ref) return element;
      const moved = movedSqref(deleted, ref);
      return moved === '' ? '' : withAttribute(element, 'ref', moved);
    });
  }
  for (const name of ['dataValidation', 'conditionalFormatting']) {
    out = out.replace(new RegExp(`<${name}\\b[^>]*?(?:/>|>[\\s\\S]*?</${name}>)`, 'g'), (element) => {
      const sqref = attributesOf(element.slice(0, element.search(/\/?>/) + 1)).get('sqref');
      if (!sqref) return element;
      const moved = movedSqref(deleted, sqref);
      return moved === '' ? '' : withAttribute(element, 'sqref', moved);
    });
  }
  out = out.replace(/<xm:sqref>([^<]*)<\/xm:sqref>/g, (_match, sqref: string) => {
    const moved = movedSqref(deleted, sqref);
    return `<xm:sqref>${moved || sqref}</xm:sqref>`;
  });
  out = out.replace(/<mergeCells\b[^>]*>([\s\S]*?)<\/mergeCells>/, (element, inner: string) => {
    const count = (inner.match(/<mergeCell\b/g) ?? []).length;
    return count === 0 ? '' : withAttribute(element, 'count', String(count));
  });
  out = out.replace(/<hyperlinks>\s*<\/hyperlinks>/, '');
  out = out.replace(/<dataValidations\b[^>]*>([\s\S]*?)<\/dataValidations>/, (element, inner: string) => {
    const count = (inner.match(/<dataValidation\b/g) ?? []).length;
    return count === 0 ? '' : withAttribute(element, 'count', String(count));
  });
  out = out.replace(/<autoFilter\b[^>]*>/, (tag) => {
    const ref = attributesOf(tag).get('ref');
    const moved = ref && movedSqref(deleted, ref);
    return moved ? withAttribute(tag, 'ref', moved) : tag;
  });
  out = out.replace(/<dimension\b[^>]*\/>/, (tag) => {
    const ref = attributesOf(tag).get('ref');
    if (!ref || !ref.includes(':')) return tag;
    const range = cellRange(ref);
    const moved = movedRange(deleted, range);
    return withAttribute(tag, 'ref', rangeRef(moved ?? { ...range, lastRow: range.firstRow }));
  });
  return out;
};

/** The worksheet part with the rows deleted and everything pointing at rows moved. */
export const deleteSheetRows = (xml: string, sheetName: string, deleted: readonly number[]): string =>
  withMovedAreas(withoutSheetRows(xml, sheetName, deleted), deleted);

/** A table part whose rows were deleted: its range (and filter) shrink, keeping one data row as Excel does. */
export const shrunkTable = (xml: string, deleted: readonly number[]): string =>
  xml.replace(/<(table|autoFilter)\b[^>]*>/g, (tag) => {
    const ref = attributesOf(tag).get('ref');
    if (!ref) return tag;
    const range = cellRange(ref);
    const moved = movedRange(deleted, range) ?? { ...range, lastRow: range.firstRow };
    // the header row stays (it is never deleted); an empty table keeps one row below it
    const lastRow = Math.max(moved.lastRow, moved.firstRow + 1);
    return withAttribute(tag, 'ref', rangeRef({ ...moved, lastRow }));
  });

/** Defined names (workbook.xml) that refer to the sheet, moved. */
export const withMovedNames = (workbookXml: string, sheetName: string, deleted: readonly number[]): string =>
  workbookXml.replace(
    /(<definedName\b[^>]*>)([^<]*)(<\/definedName>)/g,
    (_match, open: string, body: string, close: string) => {
      const formula = unescapeXml(body);
      const shifted = shiftFormula(formula, sheetName, false, deleted);
      return shifted === formula ? `${open}${body}${close}` : `${open}${escapeXml(shifted)}${close}`;
    },
  );

/** Whether a column letter lies outside 0-based columns left…right (used to tell cells beside a table). */
export const isOutside = (columnLetters: string, left: number, right: number): boolean => {
  const column = columnIndex(columnLetters);
  return column < left || column > right;
};
