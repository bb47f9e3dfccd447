/**
 * Excel on the web rejects requests and responses over 5 MB and returns `null` values for reads over
 * 5,000,000 cells. Blocks aim at 4 MB so that the estimate (JSON length) may be off by a fifth.
 */
export const PAYLOAD_BUDGET_BYTES = 4_000_000;
const MAX_CELLS_PER_READ = 5_000_000;
/** First read block before anything is measured (the guide: start with 5k–20k rows). */
const FIRST_BLOCK_ROWS = 10_000;

export const jsonBytes = (value: unknown): number => JSON.stringify(value).length;

/** Rows per block from the measured bytes per row, within the payload budget and the cell limit. */
export function rowsPerBlock(
  bytesPerRow: number,
  columnCount: number,
  cap = Number.POSITIVE_INFINITY,
): number {
  const byBytes = Math.floor(PAYLOAD_BUDGET_BYTES / Math.max(bytesPerRow, 1));
  const byCells = Math.floor(MAX_CELLS_PER_READ / Math.max(columnCount, 1));
  return Math.max(1, Math.min(byBytes, byCells, cap));
}

export const firstReadBlockRows = (columnCount: number): number =>
  rowsPerBlock(0, columnCount, FIRST_BLOCK_ROWS);
