import type { CellValue } from '../../core/kernel/sheetTable';
import { cellRange, cellRef, parseCellRef, rangeRef, type CellRange } from './cellRefs';
import { cellXml, type StyleOf } from './worksheetXml';
import { attributesOf, withAttribute, withoutAttribute } from './xmlText';

/**
 * Edits of a worksheet part that change only what the add-in writes: cells in place, rows added, the extent of ranges
 * that grow with a table. Every other byte of the part — formulas, styles of other cells, validation, conditional
 * formats, comments' anchors, views, protection — stays as it was.
 */

/** Row (0-based) → column (0-based) → value. */
export type CellEdits = Map<number, Map<number, CellValue>>;

export const editsOf = (cells: readonly { row: number; column: number; value: CellValue }[]): CellEdits => {
  const edits: CellEdits = new Map();
  for (const { row, column, value } of cells) {
    if (!edits.has(row)) edits.set(row, new Map());
    edits.get(row)!.set(column, value);
  }
  return edits;
};

const ROW = /<row\b[^>]*?(?:\/>|>[\s\S]*?<\/row>)/g;
const CELL = /<c\b[^>]*?(?:\/>|>[\s\S]*?<\/c>)/g;

interface SheetDataBounds {
  start: number;
  /** Where the rows end (before "</sheetData>"), or -1 for an empty `<sheetData/>`. */
  end: number;
  close: number;
}

const sheetDataBounds = (xml: string): SheetDataBounds => {
  const start = xml.indexOf('<sheetData');
  if (start < 0) throw new Error('worksheet without sheetData');
  const tagEnd = xml.indexOf('>', start);
  if (xml[tagEnd - 1] === '/') return { start, end: -1, close: tagEnd + 1 };
  const end = xml.lastIndexOf('</sheetData>');
  return { start: tagEnd + 1, end, close: end + '</sheetData>'.length };
};

const rowNumberOf = (row: string): number => {
  const r = attributesOf(row.slice(0, row.indexOf('>') + 1)).get('r');
  if (r === undefined) throw new Error('a row without its number (r): not supported');
  return Number(r) - 1;
};

interface EditContext {
  edits: CellEdits;
  dateSystem: 1900 | 1904;
  /** The style of a new cell (one the row did not have), from the row above the new rows. */
  newCellStyle: (row: number, column: number, value: CellValue) => number | undefined;
  /** Set when a written cell held a formula: its entry in the calculation chain is stale then. */
  overwroteFormula: boolean;
}

const styleOfCell = (cell: string): number | undefined => {
  const s = attributesOf(cell.slice(0, cell.indexOf('>') + 1)).get('s');
  return s === undefined ? undefined : Number(s);
};

const editedCell = (ref: string, value: CellValue, style: number | undefined, context: EditContext): string =>
  cellXml(ref, value, style, context.dateSystem) ||
  (style === undefined ? '' : `<c r="${ref}" s="${style}"/>`);

/** A row with its edited cells replaced or inserted in column order; other cells untouched. */
const editRow = (
  row: string,
  rowIndex: number,
  changes: Map<number, CellValue>,
  context: EditContext,
): string => {
  const selfClosing = row.endsWith('/>');
  const openEnd = row.indexOf('>') + 1;
  const open = withoutAttribute(selfClosing ? `${row.slice(0, -2)}>` : row.slice(0, openEnd), 'spans');
  const inner = selfClosing ? '' : row.slice(openEnd, row.length - '</row>'.length);
  const pending = [...changes.entries()].sort(([a], [b]) => a - b);
  let out = '';
  const flushBefore = (column: number) => {
    while (pending.length > 0 && pending[0][0] < column) {
      const [c, value] = pending.shift()!;
      out += editedCell(cellRef(rowIndex, c), value, context.newCellStyle(rowIndex, c, value), context);
    }
  };
  let last = 0;
  for (const match of inner.matchAll(CELL)) {
    const cell = match[0];
    const position = parseCellRef(attributesOf(cell.slice(0, cell.indexOf('>') + 1)).get('r') ?? '');
    if (!position) throw new Error('a cell without its reference (r): not supported');
    out += inner.slice(last, match.index);
    last = match.index! + cell.length;
    flushBefore(position.column);
    if (pending.length > 0 && pending[0][0] === position.column) {
      const [, value] = pending.shift()!;
      if (cell.includes('<f')) context.overwroteFormula = true;
      out += editedCell(cellRef(rowIndex, position.column), value, styleOfCell(cell), context);
    } else out += cell;
  }
  out += inner.slice(last);
  flushBefore(Infinity);
  return `${open}${out}</row>`;
};

const newRow = (rowIndex: number, changes: Map<number, CellValue>, context: EditContext): string =>
  editRow(`<row r="${rowIndex + 1}"/>`, rowIndex, changes, context);

/**
 * Writes the cells into the sheet's rows, adding rows where there were none. Linear in the part's size: rows without
 * edits are copied as they are.
 */
export const editCells = (
  xml: string,
  edits: CellEdits,
  dateSystem: 1900 | 1904,
  newCellStyle: EditContext['newCellStyle'],
): { xml: string; overwroteFormula: boolean } => {
  const context: EditContext = { edits, dateSystem, newCellStyle, overwroteFormula: false };
  const bounds = sheetDataBounds(xml);
  const rows = bounds.end < 0 ? '' : xml.slice(bounds.start, bounds.end);
  const added = [...edits.keys()].sort((a, b) => a - b);
  const parts: string[] = [];
  let last = 0;
  const addRowsBefore = (rowIndex: number) => {
    while (added.length > 0 && added[0] < rowIndex) {
      const r = added.shift()!;
      parts.push(newRow(r, edits.get(r)!, context));
    }
  };
  for (const match of rows.matchAll(ROW)) {
    const row = match[0];
    const rowIndex = rowNumberOf(row);
    parts.push(rows.slice(last, match.index));
    last = match.index! + row.length;
    addRowsBefore(rowIndex);
    const changes = edits.get(rowIndex);
    if (changes && added[0] === rowIndex) added.shift();
    parts.push(changes ? editRow(row, rowIndex, changes, context) : row);
  }
  parts.push(rows.slice(last));
  addRowsBefore(Infinity);
  const head = bounds.end < 0 ? `${xml.slice(0, bounds.start)}<sheetData>` : xml.slice(0, bounds.start);
  const tail = bounds.end < 0 ? `</sheetData>${xml.slice(bounds.close)}` : xml.slice(bounds.end);
  return { xml: head + parts.join('') + tail, overwroteFormula: context.overwroteFormula };
};

/** The styles of some rows' cells by row and column (undefined: a cell without a style, or none). */
const rowsStyles = (xml: string, rows: ReadonlySet<number>): Map<number, Map<number, number | undefined>> => {
  const styles = new Map<number, Map<number, number | undefined>>();
  const bounds = sheetDataBounds(xml);
  if (bounds.end < 0) return styles;
  const last = Math.max(...rows);
  for (const match of xml.slice(bounds.start, bounds.end).matchAll(ROW)) {
    const rowIndex = rowNumberOf(match[0]);
    if (rowIndex > last) break;
    if (!rows.has(rowIndex)) continue;
    const byColumn = new Map<number, number | undefined>();
    for (const cell of match[0].matchAll(CELL)) {
      const position = parseCellRef(attributesOf(cell[0].slice(0, cell[0].indexOf('>') + 1)).get('r') ?? '');
      if (position) byColumn.set(position.column, styleOfCell(cell[0]));
    }
    styles.set(rowIndex, byColumn);
  }
  return styles;
};

/** The styles of one row's cells by column. */
const rowStyles = (xml: string, rowIndex: number): Map<number, number> => {
  const styles = new Map<number, number>();
  for (const [column, style] of rowsStyles(xml, new Set([rowIndex])).get(rowIndex) ?? [])
    if (style !== undefined) styles.set(column, style);
  return styles;
};

/** Like Excel, new table rows take a column's format only where most of the last rows share it. */
const FORMAT_ROWS = 5;

/**
 * The style new rows below `firstNewRow` take per column: the one most of the last five rows share (the earlier row
 * wins a tie), so that a row people coloured by hand does not colour every new lead. Absent: no style.
 */
export const continuedStyles = (
  xml: string,
  firstNewRow: number,
  firstDataRow: number,
): Map<number, number> => {
  const from = Math.max(firstDataRow, firstNewRow - FORMAT_ROWS);
  const rows = Array.from({ length: firstNewRow - from }, (_, i) => from + i);
  const styles = rowsStyles(xml, new Set(rows));
  const columns = new Set([...styles.values()].flatMap((byColumn) => [...byColumn.keys()]));
  const continued = new Map<number, number>();
  for (const column of columns) {
    const votes = new Map<number | undefined, number>();
    for (const row of rows) {
      const style = styles.get(row)?.get(column);
      votes.set(style, (votes.get(style) ?? 0) + 1);
    }
    const [winner] = [...votes.entries()].reduce((best, entry) => (entry[1] > best[1] ? entry : best));
    if (winner !== undefined) continued.set(column, winner);
  }
  return continued;
};

/** Replaces the rows of a sheet rewritten in place; everything around them stays. */
export const replaceSheetData = (xml: string, sheetData: string): string => {
  const bounds = sheetDataBounds(xml);
  const open = xml.lastIndexOf('<sheetData', bounds.start);
  return xml.slice(0, open) + sheetData + xml.slice(bounds.close);
};

export const withDimension = (xml: string, ref: string): string => {
  const dimension = /<dimension\b[^>]*\/>/.exec(xml);
  if (dimension) return xml.replace(dimension[0], `<dimension ref="${ref}"/>`);
  const sheetPr = /<sheetPr\b[^>]*?(?:\/>|>[\s\S]*?<\/sheetPr>)/.exec(xml);
  const at = sheetPr ? sheetPr.index + sheetPr[0].length : xml.indexOf('>', xml.indexOf('<worksheet')) + 1;
  return `${xml.slice(0, at)}<dimension ref="${ref}"/>${xml.slice(at)}`;
};

/** The dimension grown to include a range. */
export const grownDimension = (xml: string, range: CellRange): string => {
  const ref = attributesOf(/<dimension\b[^>]*\/>/.exec(xml)?.[0] ?? '').get('ref');
  const old = ref ? cellRange(ref) : range;
  return withDimension(
    xml,
    rangeRef({
      firstRow: Math.min(old.firstRow, range.firstRow),
      firstColumn: Math.min(old.firstColumn, range.firstColumn),
      lastRow: Math.max(old.lastRow, range.lastRow),
      lastColumn: Math.max(old.lastColumn, range.lastColumn),
    }),
  );
};

/**
 * Validation and conditional formats that cover a table's column down to its last row grow with the table, as Excel
 * grows them when rows are added to a table; other ranges stay as they are.
 */
export const growRules = (xml: string, table: CellRange, lastRow: number): string => {
  const grow = (sqref: string): string =>
    sqref
      .split(/\s+/)
      .map((ref) => {
        if (!ref) return ref;
        const range = cellRange(ref);
        const inTable = range.firstColumn >= table.firstColumn && range.lastColumn <= table.lastColumn;
        return inTable && range.lastRow === table.lastRow ? rangeRef({ ...range, lastRow }) : ref;
      })
      .join(' ');
  return xml
    .replace(/<(dataValidation|conditionalFormatting)\b[^>]*>/g, (tag) => {
      const sqref = attributesOf(tag).get('sqref');
      return sqref ? withAttribute(tag, 'sqref', grow(sqref)) : tag;
    })
    .replace(/<xm:sqref>([^<]*)<\/xm:sqref>/g, (_, sqref: string) => `<xm:sqref>${grow(sqref)}</xm:sqref>`);
};

/** Styles of a sheet's header row and first data row by column: a rewrite keeps the formats people gave them. */
export const keptStyles = (xml: string): StyleOf => {
  const header = rowStyles(xml, 0);
  const data = rowStyles(xml, 1);
  return (row, column) => (row === 0 ? header : data).get(column);
};

/** Selects or deselects the sheet's tab in its first sheet view. */
export const withTabSelected = (xml: string, selected: boolean): string => {
  const view = /<sheetView\b[^>]*>/.exec(xml);
  if (!view) return xml;
  const tag = selected
    ? withAttribute(view[0], 'tabSelected', '1')
    : withoutAttribute(view[0], 'tabSelected');
  return xml.replace(view[0], tag);
};
