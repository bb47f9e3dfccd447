/**
 * Parse only (SheetTable → records) on the synthetic workbook, for profiling the parser in isolation:
 *   npx tsx bench/parse.profile.ts                     scale M, 5 runs after a warm-up
 *   PARSE_SCALE=L PARSE_RUNS=3 node --expose-gc --import tsx bench/parse.profile.ts
 *   node --cpu-prof --cpu-prof-dir=/tmp/prof --import tsx bench/parse.profile.ts
 * Prints per-sheet times, the floor (one plain pass touching every cell), retained heap per record (with
 * --expose-gc) and a fingerprint of the parsed data, so a faster parser can be checked to give the same records.
 */
import { createHash } from 'node:crypto';
import type { WorkbookData } from '../src/core/kernel/model';
import { saleLinesOf } from '../src/core/kernel/salesLines';
import { parseWorkbook } from '../src/core/read/parseWorkbook';
import type { SheetTable } from '../src/core/kernel/sheetTable';
import { syntheticWorkbook } from '../src/sample/syntheticWorkbook';
import { SCALES, type ScaleName } from './scenario';

const scale = (process.env.PARSE_SCALE ?? 'M') as ScaleName;
const RUNS = Number(process.env.PARSE_RUNS ?? 5);
const gc = (globalThis as { gc?: () => void }).gc;

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

function time<T>(run: () => T): { result: T; ms: number[] } {
  let result = run();
  const ms: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    result = run();
    ms.push(performance.now() - started);
  }
  return { result, ms };
}

/** The floor: one plain pass that reads every cell and does something cheap with it. */
function floorPass(tables: readonly SheetTable[]): number {
  let touched = 0;
  for (const table of tables)
    for (const row of table.rows)
      for (let i = 0; i < row.length; i++) if (row[i] !== null && row[i] !== '') touched++;
  return touched;
}

function fingerprint(data: WorkbookData): string {
  const hash = createHash('sha256');
  for (const c of data.contacts ?? []) hash.update(JSON.stringify({ ...c, cells: undefined }));
  for (const c of data.customers) hash.update(JSON.stringify({ ...c, cells: undefined }));
  for (const s of saleLinesOf(data.sales)) hash.update(JSON.stringify(s));
  hash.update(JSON.stringify(data.articles));
  hash.update(JSON.stringify(data.mapping));
  hash.update(JSON.stringify(data.problems));
  return hash.digest('hex').slice(0, 16);
}

function retainedMb(build: () => unknown): { mb: number; kept: unknown } {
  if (!gc) return { mb: NaN, kept: null };
  gc();
  const before = process.memoryUsage().heapUsed;
  const kept = build();
  gc();
  return { mb: (process.memoryUsage().heapUsed - before) / 1024 / 1024, kept };
}

const tables = syntheticWorkbook(SCALES[scale]);
const cells = tables.reduce((sum, t) => sum + t.rows.reduce((s, r) => s + r.length, 0), 0);
const floor = time(() => floorPass(tables));
const whole = time(() => parseWorkbook(tables));
if (!whole.result.ok) throw new Error('parse failed');
const data = whole.result.value;
const records = (data.contacts?.length ?? 0) + data.customers.length + data.sales.length;
const { mb } = retainedMb(() => parseWorkbook(tables));

console.log(`scale ${scale}: ${cells.toLocaleString('en')} cells, ${records.toLocaleString('en')} records`);
console.log(`floor   median ${median(floor.ms).toFixed(1)} ms  (min ${Math.min(...floor.ms).toFixed(1)})`);
console.log(
  `parse   median ${median(whole.ms).toFixed(1)} ms  (min ${Math.min(...whole.ms).toFixed(1)})  ` +
    `= ${(median(whole.ms) / median(floor.ms)).toFixed(1)}× floor`,
);
if (gc)
  console.log(`retained ${mb.toFixed(0)} MB = ${((mb * 1024 * 1024) / records).toFixed(0)} bytes/record`);
console.log(`fingerprint ${fingerprint(data)}  (${data.problems.length} problems)`);
