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
  const counts = [['count', 'ours', 'DuckDB']];
  for (const name of [...SELECTION_NAMES.map((n) => `select.${n}`), 'members']) {
    const ours = find(figures, `count.${name}`, scale)?.median;
    const theirs = find(figures, `count.duckdb.${name}`, scale)?.median;
    counts.push([`${name}${ours === theirs ? '' : '  ≠'}`, String(ours ?? '–'), String(theirs ?? '–')]);
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

const targets = (figures: readonly Figure[]): Target[] => {
  const value = (figure: string, scale: string) => find(figures, figure, scale)?.median;
  const check = (text: string, actual: number | undefined, limit: number, unit: string): Target => ({
    text,
    met: actual === undefined || Number.isNaN(actual) ? null : actual <= limit,
    value: actual === undefined ? 'not measured' : `${actual.toFixed(actual < 10 ? 2 : 0)} ${unit}`,
  });
  const worst = (scale: string, of: (step: string, peer?: string) => number | undefined) => {
    const ratios = STEPS.map(({ step, peer }) => ({ step, r: of(step, peer) })).filter(
      (x): x is { step: string; r: number } => x.r !== undefined && Number.isFinite(x.r),
    );
    return ratios.length ? ratios.reduce((a, b) => (b.r > a.r ? b : a)) : undefined;
  };
  const list: Target[] = [
    check('pipeline at M ≤ 1.5 s', value('pipeline', 'M'), 1500, 'ms'),
    check('pipeline at L ≤ 4 s', value('pipeline', 'L'), 4000, 'ms'),
    check('peak heap at L ≤ 1.5 GB', value('heap.peakUsed', 'L'), 1536, 'MB'),
  ];
  for (const scale of ['M', 'L']) {
    const floor = value('floor', scale);
    const byFloor = worst(scale, (step) => (floor ? (value(step, scale) ?? NaN) / floor : undefined));
    list.push({
      ...check(`every step ≤ 3× floor at ${scale}`, byFloor?.r, 3, '×'),
      value: byFloor ? `worst ${byFloor.step} ${byFloor.r.toFixed(1)}×` : 'not measured',
    });
    const byPeer = worst(scale, (step, peer) =>
      peer ? (value(step, scale) ?? NaN) / (value(peer, scale) ?? NaN) : undefined,
    );
    list.push({
      ...check(`ours/DuckDB ≤ 1.0 on every step at ${scale}`, byPeer?.r, 1, ''),
      value: byPeer ? `worst ${byPeer.step} ${byPeer.r.toFixed(2)}` : 'not measured',
    });
  }
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
  const cli = figures.find((f) => f.figure === 'cli.wall');
  if (cli) {
    list.push(check(`command line at ${cli.scale} ≤ 60 s`, cli.median, 60, 's'));
    list.push(
      check(`command line at ${cli.scale} ≤ 1.5 GB RSS`, value('cli.peakRss', cli.scale), 1536, 'MB'),
    );
  }
  return list;
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
