/**
 * One scale of `npm run bench`, in its own process (started by bench/run.ts with --expose-gc), so that the heap of
 * one scale does not carry into the next: peak heap of one pipeline run first, then the timed steps of the engine,
 * the floor, and DuckDB on the same arrays; last whether both found the same people (bench/agreement.ts).
 *   node --expose-gc --import tsx bench/core.bench.ts <tiny|S|M|L> <out.json>
 */
import { getHeapStatistics } from 'node:v8';
import { toCsv } from '../src/core/outputs/csv';
import { runSelection } from '../src/core/select/selections';
import { recipientsOf } from '../src/core/select/recipients';
import type { SheetTable } from '../src/core/kernel/sheetTable';
import { syntheticWorkbook } from '../src/sample/syntheticWorkbook';
import {
  type Agreement,
  compareSets,
  describeDifferences,
  ourMemberIdentities,
  rowIdentity,
} from './agreement';
import { DuckPeer } from './duckdbPeer';
import { cpuFigure, type Figure, figureFile, MB, single, timeAsync, timeSync, type Sink } from './measure';
import {
  buildGroup,
  cold,
  DEFAULT_RUNS,
  editedLeadsSheet,
  type EditedLeads,
  groupTable,
  mergeIntoLeads,
  parseOrThrow,
  runPipeline,
  SCALES,
  SELECTION_NAMES,
  SELECTIONS,
  TODAY,
  touchEveryCell,
  type ScaleName,
} from './scenario';

const log = (text: string): void => void process.stderr.write(`  ${text}\n`);

/** The input plus an edited Leads sheet of the group's size, built before anything is measured. */
const prepare = (scale: ScaleName): { tables: SheetTable[]; leads: EditedLeads } => {
  const started = performance.now();
  const tables = syntheticWorkbook(SCALES[scale]);
  const leads = editedLeadsSheet(buildGroup(parseOrThrow(tables)), SCALES[scale].seed);
  log(
    `${scale}: input and Leads sheet (${leads.sheet.rows.length - 1} rows) in ${(performance.now() - started).toFixed(0)} ms`,
  );
  return { tables, leads };
};

/**
 * Heap used at each step boundary of one pipeline run, without collecting in between: the garbage of a step is
 * still counted, as it is in the process at that moment. RSS is the process's peak as the OS saw it.
 */
const heapFigures = (scale: ScaleName, tables: SheetTable[], leads: EditedLeads): Figure[] => {
  (globalThis as { gc?: () => void }).gc?.();
  const input = process.memoryUsage().heapUsed;
  let peakUsed = input;
  let peakCommitted = getHeapStatistics().total_heap_size;
  runPipeline(tables, leads, () => {
    peakUsed = Math.max(peakUsed, process.memoryUsage().heapUsed);
    peakCommitted = Math.max(peakCommitted, getHeapStatistics().total_heap_size);
  });
  return [
    single('heap.input', scale, 'MB', input / MB),
    single('heap.peakUsed', scale, 'MB', peakUsed / MB),
    single('heap.peakCommitted', scale, 'MB', peakCommitted / MB),
    single('rss.peak', scale, 'MB', (process.resourceUsage().maxRSS * 1024) / MB),
  ];
};

const engineFigures = (
  scale: ScaleName,
  runs: number,
  tables: SheetTable[],
  leads: EditedLeads,
  record: Sink,
): void => {
  const time = <T>(figure: string, run: () => T, times = runs): T => {
    const measured = timeSync(figure, scale, times, run);
    record(measured.figure);
    log(`${scale} ${figure}: ${measured.figure.median.toFixed(1)} ms`);
    return measured.result;
  };
  // The floor is the denominator of every ratio and cheap: more runs steady it.
  time('floor', () => touchEveryCell(tables), 3 * runs);
  const data = time('parse', () => parseOrThrow(tables));
  for (const name of SELECTION_NAMES) {
    const recipients = time(`select.${name}`, () =>
      runSelection(cold(data), SELECTIONS[name], { today: TODAY }),
    ).records.length;
    record(single(`count.select.${name}`, scale, 'recipients', recipients));
  }
  const group = time('union4', () => buildGroup(data));
  record(single('count.members', scale, 'members', group.members.length));
  const table = time('targetTable', () => groupTable(group));
  const merged = time('leadsMerge', () => mergeIntoLeads(leads, group));
  record(single('count.leads.updated', scale, 'leads', merged.updated));
  record(single('count.leads.keptByHand', scale, 'fields', merged.keptByHand));
  record(single('count.leads.cellsWritten', scale, 'cells', merged.update!.cells.length));
  time('csv', () => toCsv(table));
  time('pipeline', () => runPipeline(tables, leads));
};

const peerFigures = async (
  scale: ScaleName,
  runs: number,
  tables: SheetTable[],
  record: Sink,
): Promise<DuckPeer> => {
  const note = (figure: Figure): void => {
    record(figure);
    log(`${scale} ${figure.figure}: ${figure.median.toFixed(1)} ms`);
  };
  const close = (peer: DuckPeer): void => peer.close();
  const ingested = await timeAsync('duckdb.ingest', scale, runs, () => DuckPeer.ingest(tables), close);
  note(ingested.figure);
  const peer = ingested.result;
  for (const name of SELECTION_NAMES) {
    const selected = await timeAsync(`duckdb.select.${name}`, scale, runs, () => peer.selection(name));
    note(selected.figure);
    record(single(`count.duckdb.select.${name}`, scale, 'recipients', selected.result));
  }
  const union = await timeAsync('duckdb.union4', scale, runs, () => peer.union());
  note(union.figure);
  record(single('count.duckdb.members', scale, 'members', union.result.length));
  // Ingestion is the peer's dearest step: the total adds the medians instead of ingesting a further runs + 1 times.
  record({
    ...union.figure,
    figure: 'duckdb.total',
    median: ingested.figure.median + union.figure.median,
    min: ingested.figure.min + union.figure.min,
    max: ingested.figure.max + union.figure.max,
  });
  return peer;
};

/**
 * Whether both found the same people, after everything is timed (so holding the sets costs no step any time): each
 * selection's rows and each member's key with all its rows, ours against DuckDB's. `agree.*` is 1 for the same set,
 * 0 otherwise (`differ.*` counts the differing entries; the first few are logged).
 */
const agreementFigures = async (
  scale: ScaleName,
  tables: SheetTable[],
  peer: DuckPeer,
  record: Sink,
): Promise<void> => {
  const data = parseOrThrow(tables);
  const note = (name: string, agreement: Agreement): void => {
    const differing = agreement.onlyOurs.length + agreement.onlyTheirs.length + agreement.repeated.length;
    record(single(`agree.${name}`, scale, '1 = same set', agreement.same ? 1 : 0));
    record(single(`differ.${name}`, scale, 'entries', differing));
    log(
      `${scale} ${name}: ${agreement.same ? 'same set as DuckDB' : `DIFFERS from DuckDB: ${describeDifferences(agreement)}`}`,
    );
  };
  for (const name of SELECTION_NAMES) {
    const found = runSelection(cold(data), SELECTIONS[name], { today: TODAY }).records;
    const ours = recipientsOf(data, found).map(rowIdentity);
    note(`select.${name}`, compareSets(ours, await peer.selectionRows(name)));
  }
  note('members', compareSets(ourMemberIdentities(buildGroup(data)), await peer.memberIdentities()));
};

const main = async (): Promise<void> => {
  const [scale, out] = process.argv.slice(2) as [ScaleName, string];
  const runs = Number(process.env.BENCH_RUNS ?? DEFAULT_RUNS[scale]);
  const { tables, leads } = prepare(scale);
  const record = figureFile(out);
  heapFigures(scale, tables, leads).forEach(record);
  engineFigures(scale, runs, tables, leads, record);
  const peer = await peerFigures(scale, runs, tables, record);
  try {
    await agreementFigures(scale, tables, peer, record);
  } finally {
    peer.close();
  }
  record(cpuFigure('core', scale));
};

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exitCode = 1;
});
