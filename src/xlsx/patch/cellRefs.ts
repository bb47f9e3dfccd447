/** A1 references in 0-based rows and columns, as the port counts. */

export const columnLetter = (index: number): string => {
  let letters = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26))
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
};

export const columnIndex = (letters: string): number => {
  let n = 0;
  for (const char of letters.toUpperCase()) n = n * 26 + (char.charCodeAt(0) - 64);
  return n - 1;
};

export const cellRef = (row: number, column: number): string => `${columnLetter(column)}${row + 1}`;

export interface CellPosition {
  row: number;
  column: number;
}

/** "B7" → { row: 6, column: 1 }; null for anything else. */
export const parseCellRef = (ref: string): CellPosition | null => {
  const match = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(ref);
  return match ? { row: Number(match[2]) - 1, column: columnIndex(match[1]) } : null;
};

export interface CellRange {
  firstRow: number;
  firstColumn: number;
  lastRow: number;
  lastColumn: number;
}

/** "A1:O51" (or a single cell) → its corners. */
export const cellRange = (ref: string): CellRange => {
  const [from, to = from] = ref.split(':');
  const first = parseCellRef(from);
  const last = parseCellRef(to);
  if (!first || !last) throw new Error(`Not a cell range: ${ref}`);
  return { firstRow: first.row, firstColumn: first.column, lastRow: last.row, lastColumn: last.column };
};

export const rangeRef = ({ firstRow, firstColumn, lastRow, lastColumn }: CellRange): string =>
  `${cellRef(firstRow, firstColumn)}:${cellRef(lastRow, lastColumn)}`;
