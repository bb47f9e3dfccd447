import type { CellValue, TableData } from '../../core/kernel/sheetTable';
import type { WriteTableRequest } from '../../core/workbook/workbookPort';
import { columnWidths, TABLE_STYLE, uniqueHeaders, withTextColumnsAsText } from '../tableWriter';
import { escapeXml } from './xmlText';

export const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
export const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

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

export const columnLetter = (index: number): string => {
  let letters = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26))
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
};

/** The rows a written sheet holds: the header row (table column names for a table) and the data. */
export const sheetRows = (request: WriteTableRequest): { data: TableData; headers: string[] } => {
  const data = withTextColumnsAsText(request.data);
  return { data, headers: request.tableName ? uniqueHeaders(data.headers) : data.headers };
};

/** An Excel table needs at least one data row; Excel itself shows an empty one. */
export const tableRange = (data: TableData): string =>
  `A1:${columnLetter(Math.max(data.headers.length, 1) - 1)}${Math.max(data.rows.length, 1) + 1}`;

/** The worksheet part, built as one string: fast enough for a few hundred thousand rows. */
export const worksheetXml = (options: SheetXmlOptions): string => {
  const { request, tableRelationId } = options;
  const { data, headers } = sheetRows(request);
  const letters = headers.map((_header, index) => columnLetter(index));
  const textColumns = new Set(data.textColumns);
  const cell = cellWriter(options, textColumns);
  const parts = [
    XML_DECLARATION,
    `<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">`,
    `<dimension ref="${tableRange(data)}"/>`,
    sheetViewsXml(options.tabSelected),
    '<sheetFormatPr defaultRowHeight="15"/>',
    colsXml(data, textColumns, options.styles.text),
    '<sheetData>',
    rowXml(
      1,
      headers.map((header, column) => cell(letters[column], 1, column, header)),
    ),
  ];
  data.rows.forEach((row, index) => {
    const rowNumber = index + 2;
    parts.push(
      rowXml(
        rowNumber,
        row.map((value, column) => cell(letters[column], rowNumber, column, value)),
      ),
    );
  });
  parts.push('</sheetData>');
  if (tableRelationId)
    parts.push(`<tableParts count="1"><tablePart r:id="${tableRelationId}"/></tableParts>`);
  parts.push('</worksheet>');
  return parts.join('');
};

// the frozen header row Excel writes for View > Freeze Top Row
const sheetViewsXml = (tabSelected: boolean): string =>
  `<sheetViews><sheetView ${tabSelected ? 'tabSelected="1" ' : ''}workbookViewId="0">` +
  '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>' +
  '<selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>';

/** Widths, and the text format on whole text columns so that values typed in later stay text too. */
const colsXml = (data: TableData, textColumns: Set<number>, textStyle: number): string => {
  if (data.headers.length === 0) return '';
  const cols = columnWidths(data).map((width, index) => {
    const style = textColumns.has(index) ? ` style="${textStyle}"` : '';
    return `<col min="${index + 1}" max="${index + 1}" width="${width}"${style} customWidth="1"/>`;
  });
  return `<cols>${cols.join('')}</cols>`;
};

const rowXml = (rowNumber: number, cells: string[]): string =>
  `<row r="${rowNumber}">${cells.join('')}</row>`;

const cellWriter = (options: SheetXmlOptions, textColumns: Set<number>) => {
  const { styles, dateSystem } = options;
  const numberStyles = Object.entries(options.request.data.numberFormats ?? {}).map(
    ([column, code]): [number, string] => [Number(column), ` s="${styles.numberFormats.get(code)}"`],
  );
  const numberStyle = new Map(numberStyles);
  return (letter: string, rowNumber: number, column: number, value: CellValue | undefined): string => {
    const ref = `${letter}${rowNumber}`;
    const textStyle = textColumns.has(column) ? ` s="${styles.text}"` : '';
    if (value === null || value === undefined || value === '') return '';
    if (typeof value === 'string') return inlineString(ref, textStyle, value);
    if (typeof value === 'boolean') return `<c r="${ref}"${textStyle} t="b"><v>${value ? 1 : 0}</v></c>`;
    if (typeof value === 'number') {
      const style = textStyle || (numberStyle.get(column) ?? '');
      return Number.isFinite(value) ? `<c r="${ref}"${style}><v>${value}</v></c>` : '';
    }
    const serial = value.getTime() / MS_PER_DAY + UNIX_EPOCH_SERIAL[dateSystem];
    return Number.isFinite(serial) ? `<c r="${ref}" s="${styles.date}"><v>${serial}</v></c>` : '';
  };
};

// inline strings need no shared-string table, so untouched sharedStrings.xml is copied as it is
const inlineString = (ref: string, style: string, text: string): string => {
  const space = /^\s|\s$/.test(text) ? ' xml:space="preserve"' : '';
  return `<c r="${ref}"${style} t="inlineStr"><is><t${space}>${escapeXml(text)}</t></is></c>`;
};

export interface TableXmlOptions {
  id: number;
  name: string;
  request: WriteTableRequest;
}

export const tableXml = ({ id, name, request }: TableXmlOptions): string => {
  const { data, headers } = sheetRows(request);
  const range = tableRange(data);
  const columns = headers.map(
    (header, index) => `<tableColumn id="${index + 1}" name="${escapeXml(header)}"/>`,
  );
  return (
    XML_DECLARATION +
    `<table xmlns="${MAIN_NS}" id="${id}" name="${escapeXml(name)}" displayName="${escapeXml(name)}" ref="${range}" headerRowCount="1" totalsRowShown="0">` +
    // explicit shown buttons, as exceljs writes them: its reader only sees a filter button declared this way
    `<autoFilter ref="${range}">${headers.map((_header, index) => `<filterColumn colId="${index}" hiddenButton="0"/>`).join('')}</autoFilter>` +
    `<tableColumns count="${columns.length}">${columns.join('')}</tableColumns>` +
    `<tableStyleInfo name="${TABLE_STYLE}" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/>` +
    '</table>'
  );
};
