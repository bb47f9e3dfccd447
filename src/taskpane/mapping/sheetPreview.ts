import type { SheetRole } from '../../core/kernel/model';
import type { CellValue, SheetTable } from '../../core/kernel/sheetTable';
import { findHeaderRow, headerTexts } from '../../core/read/headers';

const PREVIEW_ROWS = 3;

/** A sheet as the mapping dialog shows it: its header row (as the reader finds it) and the first rows below. */
export interface SheetPreview {
  headers: string[];
  rows: CellValue[][];
}

export const sheetPreview = (table: SheetTable, role: SheetRole): SheetPreview => {
  const headerIndex = findHeaderRow(table.rows, role) ?? 0;
  return {
    headers: headerTexts(table.rows[headerIndex] ?? []),
    rows: table.rows.slice(headerIndex + 1, headerIndex + 1 + PREVIEW_ROWS),
  };
};

export const previewCellText = (cell: CellValue): string =>
  cell instanceof Date ? cell.toISOString().slice(0, 10) : String(cell ?? '');
