/** The table `npm run bench` prints: per scale the steps with ratios to the floor and to DuckDB, then the targets. */
import type { Figure } from './measure';
import { SELECTION_NAMES } from './scenario';

const STEPS: Array<{ step: string; peer?: string }> = [
  { step: 'parse', peer: 'duckdb.ingest' },
  ...SELECTION_NAMES.map((name) => ({ step: `select.${name}`, peer: `duckdb.select.${name}` })),
  { step: 'union4', peer: 'duckdb.union4' },
  { step: 'targetTable' },
  { step: 'leadsMerge' },
  { step: 'csv' },
];

const find = (figures: readonly Figure[], figure: string, scale: string): Figure | undefined =>
  figures.find((f) => f.figure === figure && f.scale === scale);

const ms = (f: Figure | undefined): string =>
  f ? `${f.median.toFixed(f.median < 10 ? 1 : 0)} (${f.min.toFixed(0)}–${f.max.toFixed(0)})` : '–';
const ratio = (a: number | undefined, b: number | undefined): string =>
  a === undefined || b === undefined || !Number.isFinite(a / b) ? '–' : (a / b).toFixed(2);

const printTable = (rows: string[][]): void => {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((row) => row[c].length)));
  for (const row of rows)
    console.log(
      row.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  '),
    );
  console.log('');
};

const scaleTable = (figures: readonly Figure[], scale: string): void => {
  const floor = find(figures, 'floor', scale);
  const rows = [['step', 'ours ms (min–max)', '×floor', 'DuckDB ms (min–max)', 'ours/DuckDB']];
  rows.push(['floor (touch every cell)', ms(floor), '1.00', '', '']);
  for (const { step, peer } of STEPS) {
    const ours = find(figures, step, scale);
    const theirs = peer ? find(figures, peer, scale) : undefined;
    const label = peer === 'duckdb.ingest' ? 'parse  | DuckDB: ingest' : step;
    rows.push([
      label,
      ms(ours),
      ratio(ours?.median, floor?.median),
      ms(theirs),
      ratio(ours?.median, theirs?.median),
    ]);
  }
  const pipeline = find(figures, 'pipeline', scale);
  rows.push([
    'pipeline (parse→group→table→leads→CSV)',
    ms(pipeline),
    ratio(pipeline?.median, floor?.median),
    '',
    '',
  ]);
  const parse = find(figures, 'parse', scale);
  const union = find(figures, 'union4', scale);
  const total = find(figures, 'duckdb.total', scale);
  const oursTotal = parse && union ? parse.median + union.median : undefined;
  rows.push([
    'parse + union4 | DuckDB: ingest + union4',
    oursTotal === undefined ? '–' : oursTotal.toFixed(0),
    '',
    ms(total),
    ratio(oursTotal, total?.median),
  ]);
  console.log(
    `Scale ${scale}: median of ${find(figures, 'parse', scale)?.runs ?? '?'} runs after one warm-up (floor: ${floor?.runs ?? '?'})`,
  );
  printTable(rows);
  const counts = [['count', 'ours', 'DuckDB', 'same people']];
  for (const name of [...SELECTION_NAMES.map((n) => `select.${n}`), 'members']) {
    const ours = find(figures, `count.${name}`, scale)?.median;
    const theirs = find(figures, `count.duckdb.${name}`, scale)?.median;
    const agree = find(figures, `agree.${name}`, scale)?.median;
    const differ = find(figures, `differ.${name}`, scale)?.median;
    const same = agree === undefined ? '–' : agree === 1 ? '✓' : `✗ ${differ ?? '?'} differ`;
    counts.push([`${name}${ours === theirs ? '' : '  ≠'}`, String(ours ?? '–'), String(theirs ?? '–'), same]);
  }
  printTable(counts);
  const heap = ['heap.input', 'heap.peakUsed', 'heap.peakCommitted', 'rss.peak'].map((name) => {
    const f = find(figures, name, scale);
    return [name, f ? `${f.median.toFixed(0)} MB` : '–'];
  });
  printTable([['memory (one pipeline run)', ''], ...heap]);
};

const adapterTable = (figures: readonly Figure[]): void => {
  const adapter = figures.filter((f) => f.figure.startsWith('excel.') && f.figure.endsWith('.syncs'));
  if (adapter.length === 0) return;
  const rows = [
    ['Office adapter (fake Excel)', 'syncs', 'requests', 'largest request KB', 'largest response KB', 'ms'],
  ];
  for (const f of adapter) {
    const base = f.figure.slice(0, -'.syncs'.length);
    const value = (name: string) => find(figures, `${base}.${name}`, f.scale)?.median.toFixed(0) ?? '–';
    rows.push([
      `${base.slice('excel.'.length)} (${f.scale})`,
      value('syncs'),
      value('requests'),
      value('largestRequest'),
      value('largestResponse'),
      value('time'),
    ]);
  }
  printTable(rows);
};

interface Target {
  text: string;
  met: boolean | null;
  value: string;
}

const MB_PER_GB = 1024;

/** Issue 19's targets ("Done when"), each with the figure measured beside it. */
const targets = (figures: readonly Figure[]): Target[] => {
  const value = (figure: string, scale: string) => find(figures, figure, scale)?.median;
  const measured = (actual: number | undefined): actual is number =>
    actual !== undefined && !Number.isNaN(actual);
  const check = (text: string, actual: number | undefined, limit: number, unit: string): Target => ({
    text,
    met: measured(actual) ? actual <= limit : null,
    value: actual === undefined ? 'not measured' : `${actual.toFixed(actual < 10 ? 2 : 0)} ${unit}`,
  });
  /** ours ÷ theirs ≤ 1, with both medians beside the ratio. */
  const versus = (text: string, ours: number | undefined, theirs: number | undefined): Target => {
    const both = measured(ours) && measured(theirs);
    return {
      text,
      met: both ? ours / theirs <= 1 : null,
      value: both
        ? `${(ours / theirs).toFixed(2)} (${ours.toFixed(0)} / ${theirs.toFixed(0)} ms)`
        : 'not measured',
    };
  };
  const list: Target[] = [];
  for (const scale of ['M', 'L'])
    list.push(
      versus(`union4 ≤ DuckDB's union4 at ${scale}`, value('union4', scale), value('duckdb.union4', scale)),
    );
  const ingest = value('duckdb.ingest', 'L');
  const union = value('duckdb.union4', 'L');
  list.push(
    versus(
      'pipeline at L ≤ DuckDB ingest + union4 at L',
      value('pipeline', 'L'),
      ingest === undefined || union === undefined ? undefined : ingest + union,
    ),
  );
  list.push(check('pipeline at M ≤ 1.0 s', value('pipeline', 'M'), 1000, 'ms'));
  list.push(check('pipeline at L ≤ 4 s', value('pipeline', 'L'), 4000, 'ms'));
  const floor = value('floor', 'M');
  const byFloor = STEPS.filter(({ step }) => step !== 'parse')
    .map(({ step }) => ({ step, r: floor ? (value(step, 'M') ?? NaN) / floor : NaN }))
    .filter(({ r }) => Number.isFinite(r));
  const worst = byFloor.length ? byFloor.reduce((a, b) => (b.r > a.r ? b : a)) : undefined;
  list.push({
    ...check('every step but parse ≤ 3× floor at M', worst?.r, 3, '×'),
    value: worst ? `worst ${worst.step} ${worst.r.toFixed(1)}×` : 'not measured',
  });
  const parse = floor ? (value('parse', 'M') ?? NaN) / floor : undefined;
  list.push({
    ...check('parse ≤ 6× floor at M', parse, 6, '×'),
    value: parse !== undefined && Number.isFinite(parse) ? `${parse.toFixed(1)}×` : 'not measured',
  });
  list.push(check('peak heap at L ≤ 1 GB', value('heap.peakUsed', 'L'), MB_PER_GB, 'MB'));
  list.push(sameMembers(figures));
  const full = figures.find((f) => f.figure === 'excel.read.Vollständig.syncs');
  if (full) {
    const request = value('excel.read.Vollständig.largestRequest', full.scale) ?? NaN;
    const response = value('excel.read.Vollständig.largestResponse', full.scale) ?? NaN;
    list.push(
      check(
        '1,048,576 × 10 read: no request or response above 4 MB',
        Math.max(request, response),
        4096,
        'KB',
      ),
    );
    list.push(
      check(
        '1,048,576 × 10 read: syncs per block, none per row (≤ 1 per 1,000 rows)',
        full.median,
        1049,
        'syncs',
      ),
    );
  }
  for (const [scale, seconds] of [
    ['M', 20],
    ['C200', 30],
  ] as const) {
    const exit = value('cli.exitCode', scale);
    const failed = measured(exit) && exit !== 0;
    const wall = check(`command line at ${scale} ≤ ${seconds} s`, value('cli.wall', scale), seconds, 's');
    const rss = check(`command line at ${scale} ≤ 1 GB RSS`, value('cli.peakRss', scale), MB_PER_GB, 'MB');
    list.push(...[wall, rss].map((t) => (failed ? { ...t, met: false, value: `exit ${exit}` } : t)));
  }
  list.push(...paneTargets(figures));
  return list;
};

/** The pane at 300,000 contacts (`pane.*` figures of test/e2e/paneBench.ts, filed under the contact count). */
const paneTargets = (figures: readonly Figure[]): Target[] => {
  const scale = '300000';
  const worstOf = (names: string[]) => {
    const found = names
      .map((name) => ({ name, f: find(figures, `pane.${name}`, scale) }))
      .filter((x): x is { name: string; f: Figure } => x.f !== undefined && !Number.isNaN(x.f.median));
    return found.length ? found.reduce((a, b) => (b.f.median > a.f.median ? b : a)) : undefined;
  };
  const target = (text: string, names: string[], limit: number): Target => {
    const worst = worstOf(names);
    return worst
      ? { text, met: worst.f.median <= limit, value: `${worst.f.median.toFixed(0)} ms (${worst.name})` }
      : { text, met: null, value: 'not measured' };
  };
  return [
    target('task pane at 300,000 contacts: first usable screen ≤ 2 s', ['firstUsableScreenMs'], 2000),
    target(
      'task pane at 300,000 contacts: keystroke → filtered list ≤ 100 ms',
      ['filterTypingToListMs', 'filterKeystrokesToListMs'],
      100,
    ),
    target(
      'task pane at 300,000 contacts: longest main-thread task ≤ 100 ms',
      ['longestTaskLoadingMs', 'longestTaskFilteringMs', 'longestTaskSelectingMs', 'longestTaskRemovalMs'],
      100,
    ),
  ];
};

/** Same selections' rows and same members (key and rows) as DuckDB: met once S, M and L all agree. */
const sameMembers = (figures: readonly Figure[]): Target => {
  const text = 'member sets agree with DuckDB at every scale';
  const agree = figures.filter((f) => f.figure.startsWith('agree.'));
  if (agree.length === 0) return { text, met: null, value: 'not measured' };
  const differing = agree.filter((f) => f.median !== 1);
  if (differing.length)
    return {
      text,
      met: false,
      value: `differ: ${differing.map((f) => `${f.figure.slice(6)} at ${f.scale}`).join(', ')}`,
    };
  const scales = [...new Set(agree.map((f) => f.scale))];
  const missing = ['S', 'M', 'L'].filter((scale) => !scales.includes(scale));
  const same = `same at ${scales.join(', ')} (${agree.length} sets)`;
  return missing.length
    ? { text, met: null, value: `${same}; ${missing.join(', ')} not measured` }
    : { text, met: true, value: same };
};

export const printReport = (figures: readonly Figure[], seconds: number): void => {
  console.log('');
  for (const scale of ['tiny', 'S', 'M', 'L']) if (find(figures, 'floor', scale)) scaleTable(figures, scale);
  adapterTable(figures);
  const cli = figures.filter((f) => f.figure.startsWith('cli.'));
  if (cli.length)
    printTable([
      ['command line (kampagne run)', ''],
      ...cli.map((f) => [`${f.figure} (${f.scale})`, `${f.median.toFixed(1)} ${f.unit}`]),
    ]);
  const pane = figures.filter((f) => f.figure.startsWith('pane.'));
  if (pane.length)
    printTable([
      ['task pane in chromium (contacts)', ''],
      ...pane.map((f) => [`${f.figure} (${f.scale})`, `${f.median.toFixed(0)} ${f.unit}`]),
    ]);
  const cpuSeconds = figures
    .filter((f) => f.figure.startsWith('cpu.') || f.figure === 'cli.cpu')
    .reduce((sum, f) => sum + f.median, 0);
  const failed = figures.filter((f) => f.figure.startsWith('failed.'));
  for (const f of failed) console.log(`FAILED: ${f.figure} at ${f.scale}: ${f.unit}`);
  printTable([
    ['target', 'met', 'measured'],
    ...targets(figures).map((t) => [t.text, t.met === null ? '?' : t.met ? '✓' : '✗', t.value]),
  ]);
  console.log(
    `bench/results.json written; total ${seconds.toFixed(0)} s wall, ${cpuSeconds.toFixed(0)} s CPU in the parts`,
  );
};
