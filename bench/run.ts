/**
 * `npm run bench`: every figure of the benchmark suite in one run, each part in its own process, then bench/results.json and a
 * table with the targets (issue 19's). See bench/README.md.
 *   npm run bench                        scales S, M, L; the adapter at M; the command line at M and at C200 (200,000
 *                                        contacts); the task pane in chromium at 300,000 contacts
 *   npm run bench -- core                only some parts: core (engine, floor, DuckDB, heap, same people), excel, cli, pane
 *   BENCH_SCALES=S,M  BENCH_RUNS=2       fewer scales or runs for a quick look
 *   BENCH_EXCEL_SCALE=S  BENCH_CLI_SCALE=M,C200  BENCH_PANE_CONTACTS=300000
 *   BENCH_TIMEOUT_S=900 (per part)  BENCH_CLI_TIMEOUT_S=420 (per scale)  BENCH_PANE_TIMEOUT_S=900 (with the build)
 */
import { spawnSync } from 'node:child_process';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { Figure } from './measure';
import { SCALE_NAMES, type ScaleName } from './scenario';
import { printReport } from './report';

const PARTS = ['core', 'excel', 'cli', 'pane'] as const;
type Part = (typeof PARTS)[number];

const scaleList = (text: string | undefined, fallback: ScaleName[]): ScaleName[] => {
  const names = text ? text.split(',').map((name) => name.trim()) : fallback;
  const unknown = names.filter((name) => !(SCALE_NAMES as readonly string[]).includes(name));
  if (unknown.length) throw new Error(`unknown scale ${unknown.join(', ')}; use ${SCALE_NAMES.join(', ')}`);
  return names as ScaleName[];
};

interface PartRun {
  /** Names the part's FAILED figure: failed.<name>. */
  name: string;
  /** The script and its arguments after `node [flags] --import tsx`; the figures file is appended last. */
  script: string;
  args: string[];
  /** The scale its figures are filed under. */
  scale: string;
  timeoutSeconds: number;
  nodeFlags?: string[];
  env?: Record<string, string>;
}

/** Runs one part in a fresh Node process and reads the figures it wrote; a failed part is reported, not fatal. */
const runPart = (scratch: string, part: PartRun): Figure[] => {
  const out = join(scratch, `${part.name}-${part.scale}.json`);
  process.stderr.write(`${part.name} ${part.scale}\n`);
  const child = spawnSync(
    process.execPath,
    [...(part.nodeFlags ?? []), '--import', 'tsx', part.script, ...part.args, out],
    {
      stdio: ['ignore', 'inherit', 'inherit'],
      timeout: part.timeoutSeconds * 1000,
      env: { ...process.env, ...part.env },
    },
  );
  const measured = existsSync(out) ? (JSON.parse(readFileSync(out, 'utf8')) as Figure[]) : [];
  if (child.status === 0) return measured;
  const why = child.error?.message ?? `exit ${child.status ?? child.signal}`;
  process.stderr.write(
    `  ${part.name} ${part.scale} FAILED (${why}); keeping its ${measured.length} figures\n`,
  );
  const failed = `failed.${part.name}`;
  return [
    ...measured,
    { figure: failed, scale: part.scale, unit: why, median: NaN, min: NaN, max: NaN, runs: 0 },
  ];
};

/** A part of bench/ started with its scale: `node --import tsx bench/<script> <scale> <out.json>`. */
const benchPart = (
  script: string,
  scale: ScaleName,
  timeoutSeconds: number,
  nodeFlags: string[] = [],
): PartRun => ({
  name: script.replace('.bench.ts', ''),
  script: join(__dirname, script),
  args: [scale],
  scale,
  timeoutSeconds,
  nodeFlags,
});

const main = (): void => {
  const started = performance.now();
  const loadBefore = loadavg()[0];
  const requested = process.argv.slice(2);
  const unknownParts = requested.filter((part) => !(PARTS as readonly string[]).includes(part));
  if (unknownParts.length)
    throw new Error(`unknown part ${unknownParts.join(', ')}; use ${PARTS.join(', ')}`);
  const parts = (requested.length ? requested : PARTS) as Part[];
  const scales = scaleList(process.env.BENCH_SCALES, ['S', 'M', 'L']);
  const [excelScale] = scaleList(process.env.BENCH_EXCEL_SCALE, ['M']);
  const cliScales = scaleList(process.env.BENCH_CLI_SCALE, ['M', 'C200']);
  const paneContacts = String(Number(process.env.BENCH_PANE_CONTACTS ?? 300_000));
  const timeout = Number(process.env.BENCH_TIMEOUT_S ?? 900);
  const scratch = mkdtempSync(join(tmpdir(), 'kampagnen-bench-'));
  const figures: Figure[] = [];
  if (parts.includes('core')) {
    for (const scale of scales) {
      figures.push(
        ...runPart(
          scratch,
          benchPart('core.bench.ts', scale, timeout, ['--expose-gc', '--max-old-space-size=8192']),
        ),
      );
    }
  }
  if (parts.includes('excel'))
    figures.push(...runPart(scratch, benchPart('excel.bench.ts', excelScale, timeout)));
  if (parts.includes('cli')) {
    const cliTimeout = Number(process.env.BENCH_CLI_TIMEOUT_S ?? 420);
    for (const scale of cliScales)
      figures.push(...runPart(scratch, benchPart('cli.bench.ts', scale, cliTimeout)));
  }
  if (parts.includes('pane')) {
    // The browser run builds the add-in first when a source is newer than its build; the timeout covers that too.
    figures.push(
      ...runPart(scratch, {
        name: 'pane',
        script: join(__dirname, '../test/e2e/paneBench.ts'),
        args: ['--figures'],
        scale: paneContacts,
        timeoutSeconds: Number(process.env.BENCH_PANE_TIMEOUT_S ?? 900),
        env: { BENCH_PANE_CONTACTS: paneContacts },
      }),
    );
  }
  const seconds = (performance.now() - started) / 1000;
  const meta = {
    date: new Date().toISOString(),
    node: process.version,
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model ?? '',
    memoryGB: Math.round(totalmem() / 2 ** 30),
    parts,
    scales,
    cliScales,
    paneContacts: parts.includes('pane') ? Number(paneContacts) : undefined,
    runs: process.env.BENCH_RUNS ?? 'S 7, M 5, L 3',
    totalSeconds: Math.round(seconds),
    // Other processes on the machine: a load above the core count inflates every time measured.
    loadAverage1m: { before: loadBefore, after: loadavg()[0] },
  };
  writeFileSync(join(__dirname, 'results.json'), `${JSON.stringify({ meta, figures }, null, 1)}\n`);
  rmSync(scratch, { recursive: true, force: true });
  printReport(figures, seconds);
};

main();
