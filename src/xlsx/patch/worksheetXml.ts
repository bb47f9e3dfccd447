import type { CellValue, TableData } from '../../core/kernel/sheetTable';
import type { WriteTableRequest } from '../../core/workbook/workbookPort';
import { columnWidths, TABLE_STYLE, uniqueHeaders, withTextColumnsAsText, writtenRow } from '../sheetRules';
import { cellRef, columnLetter } from './cellRefs';
import { escapeXml } from './xmlText';

export const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
export const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
export const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** Indexes into styles.xml's cellXfs of the formats the written cells need. */
export interface CellStyles {
  text: number;
  date: number;
  /** By number format code (TableData.numberFormats). */
  numberFormats: ReadonlyMap<string, number>;
}

export interface SheetXmlOptions {
  request: WriteTableRequest;
  styles: CellStyles;
  dateSystem: 1900 | 1904;
  tabSelected: boolean;
  /** r:id of the table part in the sheet's own rels; absent for a plain range. */
  tableRelationId?: string;
}

const MS_PER_DAY = 86_400_000;
const UNIX_EPOCH_SERIAL = { 1900: 25_569, 1904: 24_107 } as const;

/** The header row of a written sheet: the table's column names for a table. */
export const headerRow = (request: WriteTableRequest): string[] =>
  request.tableName ? uniqueHeaders(request.data.headers) : request.data.headers;

/** The rows a written sheet holds: the header row and the data as a reader of the file sees them. */
export const sheetRows = (request: WriteTableRequest): { data: TableData; headers: string[] } => ({
  data: withTextColumnsAsText(request.data),
  headers: headerRow(request),
});

/** An Excel table needs at least one data row; Excel itself shows an empty one. */
export const tableRange = (data: TableData): string =>
  `A1:${columnLetter(Math.max(data.headers.length, 1) - 1)}${Math.max(data.rows.length, 1) + 1}`;

// inline strings need no shared-string table, so untouched sharedStrings.xml is copied as it is
const inlineString = (ref: string, style: string, text: string): string => {
  const space = /^\s|\s$/.test(text) ? ' xml:space="preserve"' : '';
  return `<c r="${ref}"${style} t="inlineStr"><is><t${space}>${escapeXml(text)}</t></is></c>`;
};

/**
 * One cell element; '' for an empty value. `style` is the cellXfs index it shows with (none: the default); a date is
 * written as its serial and needs a date style to look like one.
 */
export const cellXml = (
  ref: string,
  value: CellValue | undefined,
  style: number | undefined,
  dateSystem: 1900 | 1904,
): string => {
  const s = style === undefined ? '' : ` s="${style}"`;
  if (value === null || value === undefined || value === '') return '';
  if (typeof value === 'string') return inlineString(ref, s, value);
  if (typeof value === 'boolean') return `<c r="${ref}"${s} t="b"><v>${value ? 1 : 0}</v></c>`;
  if (typeof value === 'number') return Number.isFinite(value) ? `<c r="${ref}"${s}><v>${value}</v></c>` : '';
  const serial = value.getTime() / MS_PER_DAY + UNIX_EPOCH_SERIAL[dateSystem];
  return Number.isFinite(serial) ? `<c r="${ref}"${s}><v>${serial}</v></c>` : '';
};

/**
 * The style of each written cell: `kept(row, column)` where the sheet had one (a rewrite keeps people's formats), else
 * the date format for dates, the text format for text columns and the requested number format for figures.
 */
export type StyleOf = (row: number, column: number, value: CellValue | undefined) => number | undefined;

const defaultStyles = (styles: CellStyles, data: TableData, kept?: StyleOf): StyleOf => {
  const textColumns = new Set(data.textColumns);
  const figureStyles = new Map(
    Object.entries(data.numberFormats ?? {}).map(([column, code]) => [
      Number(column),
      styles.numberFormats.get(code),
    ]),
  );
  return (row, column, value) => {
    const style = kept?.(row, column, value);
    if (style !== undefined) return style;
    if (value instanceof Date) return styles.date;
    if (textColumns.has(column)) return styles.text;
    return typeof value === 'number' ? figureStyles.get(column) : undefined;
  };
};

/** Where a worksheet part's rows go until they are made: no XML text holds a NUL character. */
export const SHEET_DATA_SLOT = '<sheetData>\u0000</sheetData>';

/**
 * The `<row>` elements of a written sheet, header row and data from A1, each made when the compressor takes it:
 * the rows of a few hundred thousand members are several hundred MB of XML as one string.
 */
export function* rowElements(
  request: WriteTableRequest,
  styles: CellStyles,
  dateSystem: 1900 | 1904,
  kept?: StyleOf,
): Generator<string> {
  const { data } = request;
  const textColumns = new Set(data.textColumns);
  const styleOf = defaultStyles(styles, data, kept);
  for (let index = 0; index <= data.rows.length; index++) {
    const row = index === 0 ? headerRow(request) : writtenRow(data.rows[index - 1], textColumns);
    const cells = row.map((value, column) =>
      cellXml(cellRef(index, column), value, styleOf(index, column, value), dateSystem),
    );
    yield `<row r="${index + 1}">${cells.join('')}</row>`;
  }
}

/** Characters of XML handed to the compressor at a time. */
const BATCH_CHARS = 1 << 16;

function* batches(head: string, rows: Iterable<string>, tail: string): Generator<Buffer> {
  let batch = head;
  for (const row of rows) {
    batch += row;
    if (batch.length >= BATCH_CHARS) {
      yield Buffer.from(batch);
      batch = '';
    }
  }
  yield Buffer.from(batch + tail);
}

/** A worksheet part in pieces, made as they are read: `xml` with the rows in its `SHEET_DATA_SLOT`. */
export const withRows = (xml: string, rows: Iterable<string>): Iterable<Buffer> => {
  const at = xml.indexOf(SHEET_DATA_SLOT);
  if (at < 0) throw new Error('worksheet XML without its sheetData slot');
  const head = `${xml.slice(0, at)}<sheetData>`;
  const tail = `</sheetData>${xml.slice(at + SHEET_DATA_SLOT.length)}`;
  return batches(head, rows, tail);
};

/** The worksheet part of a new sheet, in pieces made as the zip's compressor takes them. */
export const worksheetPart = (options: SheetXmlOptions): Iterable<Buffer> => {
  const { request, tableRelationId } = options;
  const { data } = request;
  const parts = [
    XML_DECLARATION,
    `<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">`,
    `<dimension ref="${tableRange(data)}"/>`,
    sheetViewsXml(options.tabSelected),
    '<sheetFormatPr defaultRowHeight="15"/>',
    colsXml(data, new Set(data.textColumns), options.styles.text),
    SHEET_DATA_SLOT,
  ];
  if (tableRelationId)
    parts.push(`<tableParts count="1"><tablePart r:id="${tableRelationId}"/></tableParts>`);
  parts.push('</worksheet>');
  return withRows(parts.join(''), rowElements(request, options.styles, options.dateSystem));
};

// the frozen header row Excel writes for View > Freeze Top Row
const sheetViewsXml = (tabSelected: boolean): string =>
  `<sheetViews><sheetView ${tabSelected ? 'tabSelected="1" ' : ''}workbookViewId="0">` +
  '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>' +
  '<selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>';

/** Widths, and the text format on whole text columns so that values typed in later stay text too. */
export const colsXml = (data: TableData, textColumns: Set<number>, textStyle: number): string => {
  if (data.headers.length === 0) return '';
  const cols = columnWidths(data).map((width, index) => {
    const style = textColumns.has(index) ? ` style="${textStyle}"` : '';
    return `<col min="${index + 1}" max="${index + 1}" width="${width}"${style} customWidth="1"/>`;
  });
  return `<cols>${cols.join('')}</cols>`;
};

export interface TableXmlOptions {
  id: number;
  name: string;
  request: WriteTableRequest;
  /** The table's style as people chose it, kept on a rewrite. */
  styleInfo?: string;
}

export const tableXml = ({ id, name, request, styleInfo }: TableXmlOptions): string => {
  const headers = headerRow(request);
  const range = tableRange(request.data);
  const columns = headers.map(
    (header, index) => `<tableColumn id="${index + 1}" name="${escapeXml(header)}"/>`,
  );
  return (
    XML_DECLARATION +
    `<table xmlns="${MAIN_NS}" id="${id}" name="${escapeXml(name)}" displayName="${escapeXml(name)}" ref="${range}" headerRowCount="1" totalsRowShown="0">` +
    // explicit shown buttons, as exceljs writes them: its reader only sees a filter button declared this way
    `<autoFilter ref="${range}">${headers.map((_header, index) => `<filterColumn colId="${index}" hiddenButton="0"/>`).join('')}</autoFilter>` +
    `<tableColumns count="${columns.length}">${columns.join('')}</tableColumns>` +
    (styleInfo ??
      `<tableStyleInfo name="${TABLE_STYLE}" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/>`) +
    '</table>'
  );
};
