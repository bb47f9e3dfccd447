/**
 * The command line on a real .xlsx: wall time and peak RSS of `kampagne run` (the built bin/kampagne.js) on the
 * synthetic workbook written to a file. Writing a million-row .xlsx takes a while, so the file is cached under
 * $TMPDIR/kampagnen-bench, keyed by the generator's source and the sizes. Started by bench/run.ts:
 *   node --import tsx bench/cli.bench.ts <S|M|L> <out.json>
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { SheetTable } from '../src/core/kernel/sheetTable';
import { syntheticWorkbook, type SyntheticSizes } from '../src/sample/syntheticWorkbook';
import { type Figure, figureFile, MB, single } from './measure';
import { CAMPAIGN, SCALES, type ScaleName } from './scenario';

/** Bump when the way sheets are written to the file changes (the generator's own source is hashed). */
const WRITER_VERSION = 1;
const ROOT = join(__dirname, '..');
const DIR = join(tmpdir(), 'kampagnen-bench');

const cacheKey = (sizes: SyntheticSizes): string =>
  createHash('sha256')
    .update(readFileSync(join(ROOT, 'src/sample/syntheticWorkbook.ts')))
    .update(JSON.stringify({ sizes, WRITER_VERSION }))
    .digest('hex')
    .slice(0, 12);

const writeSheet = (workbook: ExcelJS.stream.xlsx.WorkbookWriter, table: SheetTable): void => {
  const sheet = workbook.addWorksheet(table.name);
  for (const row of table.rows) sheet.addRow(row).commit();
  sheet.commit();
};

const workbookFile = async (scale: ScaleName): Promise<string> => {
  const path = join(DIR, `synthetic-${scale}-${cacheKey(SCALES[scale])}.xlsx`);
  if (existsSync(path)) return path;
  mkdirSync(DIR, { recursive: true });
  const started = performance.now();
  const partial = `${path}.${process.pid}.partial`;
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: partial, useSharedStrings: true });
  for (const table of syntheticWorkbook(SCALES[scale])) writeSheet(workbook, table);
  await workbook.commit();
  renameSync(partial, path);
  process.stderr.write(`  wrote ${path} in ${((performance.now() - started) / 1000).toFixed(0)} s\n`);
  return path;
};

/** Loaded into the CLI's process: reports its own peak RSS on exit, the same way on every platform. */
const RSS_REPORTER = `process.on('exit', () => {
  const usage = process.resourceUsage();
  process.stderr.write('\\nBENCH_MAX_RSS_KB=' + usage.maxRSS + ' BENCH_CPU_US=' + (usage.userCPUTime + usage.systemCPUTime) + '\\n');
});`;

const buildCli = (): void => {
  const tsc = join(ROOT, 'node_modules/typescript/bin/tsc');
  const built = spawnSync(process.execPath, [tsc, '-p', join(ROOT, 'tsconfig.cli.json')], {
    stdio: 'inherit',
  });
  if (built.status !== 0) throw new Error('npm run build:cli failed');
};

const main = async (): Promise<void> => {
  const [scale, out] = process.argv.slice(2) as [ScaleName, string];
  buildCli();
  const workbook = await workbookFile(scale);
  const work = join(DIR, `run-${process.pid}`);
  mkdirSync(work, { recursive: true });
  const campaign = join(work, 'kampagne.json');
  const reporter = join(work, 'rss.cjs');
  writeFileSync(campaign, JSON.stringify(CAMPAIGN));
  writeFileSync(reporter, RSS_REPORTER);
  const csv = join(work, 'zielgruppe.csv');
  const args = ['--require', reporter, join(ROOT, 'bin/kampagne.js'), 'run', '--workbook', workbook];
  args.push('--campaign', campaign, '--out', join(work, 'ergebnis.xlsx'), '--csv', csv, '--leads');
  const started = performance.now();
  const run = spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 64 * MB });
  const seconds = (performance.now() - started) / 1000;
  const rssKb = Number(run.stderr.match(/BENCH_MAX_RSS_KB=(\d+)/)?.[1] ?? NaN);
  const cpuSeconds = Number(run.stderr.match(/BENCH_CPU_US=(\d+)/)?.[1] ?? NaN) / 1e6;
  if (run.status !== 0) process.stderr.write(`${run.stdout}\n${run.stderr}\n`);
  const csvLines = existsSync(csv)
    ? readFileSync(csv, 'utf8')
        .split('\r\n')
        .filter((line) => line !== '')
    : [];
  process.stderr.write(
    `  kampagne run at ${scale}: exit ${run.status}, ${seconds.toFixed(1)} s, ${(rssKb / 1024).toFixed(0)} MB RSS\n`,
  );
  const figures: Figure[] = [
    single('cli.exitCode', scale, 'code', run.status ?? -1),
    single('cli.wall', scale, 's', seconds),
    single('cli.peakRss', scale, 'MB', (rssKb * 1024) / MB),
    single('cli.cpu', scale, 's', cpuSeconds),
    single('cli.csvMembers', scale, 'members', Math.max(0, csvLines.length - 1)),
  ];
  rmSync(work, { recursive: true, force: true });
  figures.forEach(figureFile(out));
};

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exitCode = 1;
});
