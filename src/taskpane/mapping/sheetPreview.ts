import type { SheetRole } from '../../core/kernel/model';
import type { CellValue, SheetTable } from '../../core/kernel/sheetTable';
import { isNamed, sourcesOf } from '../../core/read/sources';

const PREVIEW_ROWS = 3;

/** A sheet as the mapping dialog shows it: its header row (as the reader finds it) and the first rows below. */
export interface SheetPreview {
  headers: string[];
  rows: CellValue[][];
}

/**
 * The header row and the data below it, as the core reads the sheet for the role: from the Excel table called
 * `name` when the sheet holds several, merged and duplicate headers named as the reader names them.
 */
export const sheetPreview = (table: SheetTable, role: SheetRole, name = table.name): SheetPreview => {
  const sources = sourcesOf(table, role) ?? [];
  const source = sources.find((s) => isNamed(s, name)) ?? sources[0];
  if (!source) return { headers: [], rows: table.rows.slice(1, 1 + PREVIEW_ROWS) };
  const first = source.headerIndex + 1;
  return {
    headers: source.headers,
    rows: table.rows.slice(first, Math.min(first + PREVIEW_ROWS, source.endIndex)),
  };
};

export const previewCellText = (cell: CellValue): string =>
  cell instanceof Date ? cell.toISOString().slice(0, 10) : String(cell ?? '');
