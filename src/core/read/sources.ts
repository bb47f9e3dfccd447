import type { SheetRole, SourceCandidate } from '../kernel/model';
import type { CellValue, SheetTable, TableDefinition } from '../kernel/sheetTable';
import { findHeaderRow, headerTexts, uniqueHeaders } from './headers';
import { isBlankRow } from './sheetReader';

/** A header cell merged over several columns: the columns after the first read as "Name (2)", "Name (3)" … */
export interface MergedHeader {
  /** Column index (into the rows) of the merged cell's first column. */
  column: number;
  span: number;
  header: string;
}

/**
 * Where a role's records can come from: the used range of a sheet, or one Excel table on it. Its rows are the
 * sheet's; the header, the end of the data and (for a table) the columns come from the table definition or, for a
 * plain range, from the header row found.
 */
export interface Source {
  /** The name that chooses it: the sheet's, or the Excel table's when its sheet holds several tables. */
  name: string;
  table: SheetTable;
  /** The Excel table, if the source is one. */
  excelTable?: string;
  /** Index into `table.rows` of the header row (-1 for a table without a header row). */
  headerIndex: number;
  /** Index into `table.rows` after the last data row (a table's totals row is not data). */
  endIndex: number;
  /** One unique header text per column of the rows; '' for a column without one (or outside the table). */
  headers: string[];
  merged: MergedHeader[];
}

const rowOf = (table: SheetTable, sheetRow: number): number => sheetRow - (table.startRow ?? 1);
const columnOf = (table: SheetTable, sheetColumn: number): number => sheetColumn - (table.startColumn ?? 1);
const widthOf = (table: SheetTable): number =>
  table.rows.reduce((width, row) => Math.max(width, row.length), 0);

/** An Excel table: header and data range from its definition, its totals row left out. */
function tableSource(table: SheetTable, definition: TableDefinition, name: string): Source {
  const { area } = definition;
  const firstRow = definition.hasHeaderRow ? area.top + 1 : area.top;
  const headers = new Array<string>(Math.max(widthOf(table), columnOf(table, area.right) + 1)).fill('');
  const names = uniqueHeaders(definition.columns);
  names.forEach((header, i) => (headers[columnOf(table, area.left) + i] = header));
  return {
    name,
    table,
    excelTable: definition.name,
    headerIndex: rowOf(table, firstRow) - 1,
    endIndex: Math.min(table.rows.length, rowOf(table, area.bottom - definition.totalsRowCount) + 1),
    headers,
    merged: [],
  };
}

/** Header cells merged across columns in the header row; the cells they cover get the header with a number. */
function mergedHeaders(table: SheetTable, headerIndex: number, texts: string[]): MergedHeader[] {
  const headerRow = headerIndex + (table.startRow ?? 1);
  const merged: MergedHeader[] = [];
  for (const area of table.merges ?? []) {
    if (area.top > headerRow || area.bottom < headerRow || area.right <= area.left) continue;
    const column = columnOf(table, area.left);
    const header = texts[column] ?? '';
    if (header === '') continue;
    const span = area.right - area.left + 1;
    for (let k = 1; k < span; k++) if (!texts[column + k]) texts[column + k] = `${header} (${k + 1})`;
    merged.push({ column, span, header });
  }
  return merged;
}

function rangeSource(table: SheetTable, headerIndex: number): Source {
  const texts = headerTexts(table.rows[headerIndex], false);
  const merged = mergedHeaders(table, headerIndex, texts);
  return {
    name: table.name,
    table,
    headerIndex,
    endIndex: table.rows.length,
    headers: uniqueHeaders(texts),
    merged,
  };
}

/**
 * The sources of a sheet: each of its Excel tables, or else its used range with the header row found in the first
 * rows (null: no header row there). A role's synonyms help find the header row of a sheet chosen for that role.
 */
export function sourcesOf(table: SheetTable, role?: SheetRole): Source[] | null {
  const definitions = table.tables ?? [];
  if (definitions.length > 0)
    return definitions.map((definition) =>
      tableSource(table, definition, definitions.length === 1 ? table.name : definition.name),
    );
  const headerIndex = findHeaderRow(table.rows, role);
  return headerIndex === null ? null : [rangeSource(table, headerIndex)];
}

/** Whether the source is the one a user names: by its name, its sheet's name or its Excel table's name. */
export const isNamed = (source: Source, name: string): boolean => {
  const wanted = normalizeName(name);
  return [source.name, source.table.name, source.excelTable ?? ''].some((n) => normalizeName(n) === wanted);
};

const normalizeName = (name: string): string => name.trim().toLowerCase();

const MS_PER_DAY = 86_400_000;

/** The newest date among the cells of one row. */
const newestIn = (cells: readonly CellValue[], newest: number): number => {
  for (const cell of cells)
    if (cell instanceof Date) {
      const time = cell.getTime();
      if (time > newest) newest = time;
    }
  return newest;
};

/** What a person choosing between candidates wants to see: rows of data and how current they are. */
export function describeSource(source: Source): SourceCandidate {
  const { rows } = source.table;
  let count = 0;
  let newest = -Infinity;
  for (let i = source.headerIndex + 1; i < source.endIndex; i++) {
    if (isBlankRow(rows[i])) continue;
    count++;
    newest = newestIn(rows[i], newest);
  }
  return {
    name: source.name,
    sheet: source.table.name,
    ...(source.excelTable ? { table: source.excelTable } : {}),
    rows: count,
    newest: Number.isFinite(newest) ? Math.floor(newest / MS_PER_DAY) : null,
  };
}
