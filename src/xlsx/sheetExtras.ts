import type { CellArea, CellRef, SheetTable } from '../core/kernel/sheetTable';
import type { SheetVisibility } from '../core/workbook/workbookPort';
import { mailtoTarget } from './cellValues';
import type { SheetPackageInfo } from './packageInfo';
import type { SheetGrid } from './sheetGrid';
import type { SheetLink } from './sheetTail';

export const toVisibility = (state: string | undefined): SheetVisibility =>
  state === 'hidden' || state === 'veryHidden' ? state : 'visible';

/** A link to an e-mail address makes the cell read as the address: the text shown is often "E-Mail schreiben". */
export const applyMailLinks = (
  grid: SheetGrid,
  links: SheetLink[],
  info: SheetPackageInfo | undefined,
): void => {
  for (const { area, relationId } of links) {
    const target = mailtoTarget(info?.linkTargets.get(relationId));
    if (target === null) continue;
    for (let row = area.top; row <= area.bottom; row++)
      for (let column = area.left; column <= area.right; column++) grid.set(row, column, target);
  }
};

/** The table with what its values leave out: Excel tables, merged areas, formulas without a value. */
export const withSheetExtras = (
  table: SheetTable,
  info: SheetPackageInfo | undefined,
  merges: CellArea[],
  uncalculated: CellRef[],
): SheetTable => {
  if (info && info.tables.length > 0) table.tables = info.tables;
  const wide = merges.filter((area) => area.right > area.left);
  if (wide.length > 0) table.merges = wide;
  if (uncalculated.length > 0) table.uncalculated = uncalculated;
  return table;
};

/**
 * Excel writes characters XML cannot hold as "_x0007_" (and a literal "_x" as "_x005F_x"); the model reader decodes
 * them, exceljs' streaming reader does not.
 */
export const decodeEscapes = (text: string): string =>
  text.replace(/_x([0-9A-Fa-f]{4})_/g, (_match, code: string) => String.fromCharCode(parseInt(code, 16)));
