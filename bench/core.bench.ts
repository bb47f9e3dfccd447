/**
 * Time of each step of the pure core on a large synthetic workbook (100,000 contacts, 20,000 customers,
 * 1,000,000 sales lines), in memory: parse, each selection method, a 4-selection union, target table, CSV, leads.
 *   npm run bench:core            BENCH_RUNS=3 npm run bench:core   (default 5 measured runs after one warm-up)
 * "cold" runs use a fresh copy of the WorkbookData, so the per-workbook sales and recipient indexes are rebuilt.
 */
import type { CampaignDefinition, SelectionDefinition } from '../src/core/campaign';
import type { WorkbookData } from '../src/core/model';
import { mergeLeads } from '../src/core/outputs/leads';
import { toCsv } from '../src/core/outputs/csv';
import { targetGroupTable } from '../src/core/outputs/targetTable';
import { parseWorkbook } from '../src/core/records';
import { describeSelection } from '../src/core/selectionLabels';
import { runSelection } from '../src/core/selections';
import { buildTargetGroup } from '../src/core/targetGroup';
import { isoToDay } from '../src/core/values';
import { DEFAULT_SIZES, syntheticWorkbook } from '../src/sample/syntheticWorkbook';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const today = isoToDay('2026-05-31') as number;
const MB = 1024 * 1024;

interface Row {
  step: string;
  medianMs: number;
  minMs: number;
  heapMb: number;
  result: string;
}
const rows: Row[] = [];

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** One warm-up, then RUNS measured runs; heap is the highest heapUsed seen right after a run (no forced GC). */
const measure = <T>(step: string, run: () => T, describe: (result: T) => string): T => {
  let result = run();
  const times: number[] = [];
  let heap = process.memoryUsage().heapUsed;
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    result = run();
    times.push(performance.now() - started);
    heap = Math.max(heap, process.memoryUsage().heapUsed);
  }
  const row = {
    step,
    medianMs: median(times),
    minMs: Math.min(...times),
    heapMb: heap / MB,
    result: describe(result),
  };
  rows.push(row);
  console.error(`  ${step}: ${row.medianMs.toFixed(1)} ms`);
  return result;
};

const started = performance.now();
const tables = syntheticWorkbook();
console.error(
  `generated ${DEFAULT_SIZES.contacts} contacts, ${DEFAULT_SIZES.customers} customers, ${DEFAULT_SIZES.sales} sales lines in ${(performance.now() - started).toFixed(0)} ms`,
);

const parsed = measure(
  'parse workbook (parseWorkbook)',
  () => parseWorkbook(tables),
  (r) =>
    r.ok
      ? `${r.value.contacts?.length} contacts, ${r.value.customers.length} customers, ${r.value.sales.length} sales, ${r.value.problems.length} problems`
      : 'FAILED',
);
if (!parsed.ok) throw new Error(`parse failed: ${JSON.stringify(parsed.error.slice(0, 3))}`);
const data: WorkbookData = parsed.value;

const selections: Record<string, SelectionDefinition> = {
  contacts: {
    from: 'contacts',
    filter: [
      { column: 'Position', op: 'in', value: ['Einkauf', 'Geschäftsführung'] },
      { column: 'E-Mail', op: 'isNotEmpty' },
    ],
  },
  customers: {
    from: 'customers',
    filter: [
      { column: 'Branche', op: 'equals', value: 'Bau' },
      { column: 'PLZ', op: 'gte', value: '01000' },
      { column: 'PLZ', op: 'lte', value: '09999' },
    ],
  },
  purchasedArticles: {
    from: 'purchasedArticles',
    articles: ['A-1001', 'A-1002', 'Artikel 17'],
    since: '2026-01-01',
    minQuantity: 5,
  },
  inactiveCustomers: { from: 'inactiveCustomers', months: 3, asOf: '2026-05-31' },
};

for (const [name, selection] of Object.entries(selections)) {
  const describe = (r: ReturnType<typeof runSelection>) =>
    `${r.recipients.length} recipients, ${r.problems.length} problems`;
  if (name === 'purchasedArticles' || name === 'inactiveCustomers') {
    measure(
      `selection ${name} (cold: builds sales index)`,
      () => runSelection({ ...data }, selection, { today }),
      describe,
    );
  }
  measure(
    `selection ${name}${name.endsWith('Customers') || name === 'purchasedArticles' ? ' (warm)' : ''}`,
    () => runSelection(data, selection, { today }),
    describe,
  );
}

const campaign: CampaignDefinition = {
  name: 'Frühjahr 2026',
  type: 'email',
  selections: Object.values(selections),
};
const group = measure(
  'target group: 4 selections, dedupe, e-mail rules (cold)',
  () => buildTargetGroup({ ...data }, campaign, { today }),
  (g) =>
    `${g.members.length} members, ${g.excluded.length} excluded, already in ${g.reports.map((r) => r.alreadyIn).join('/')}`,
);
const labels = campaign.selections.map((s, i) => describeSelection(s, i, 'de'));
const table = measure(
  'target table',
  () => targetGroupTable(group, campaign, labels),
  (t) => `${t.rows.length} rows × ${t.headers.length} columns`,
);
measure(
  'CSV text',
  () => toCsv(table),
  (csv) => `${(csv.length / MB).toFixed(1)} MB of text`,
);
const campaignRef = { id: 'bench-campaign', name: campaign.name };
const first = measure(
  'leads merge (new sheet)',
  () => mergeLeads(null, campaignRef, group.members, '2026-05-31T10:00:00Z', 'de'),
  (r) => `${r.created} created`,
);
const leadsSheet = { name: 'Leads', rows: [first.table.headers, ...first.table.rows] };
measure(
  'leads merge (re-run on existing sheet)',
  () => mergeLeads(leadsSheet, campaignRef, group.members, '2026-06-01T10:00:00Z', 'de'),
  (r) => `${r.created} created, ${r.updated} updated, ${r.unchanged} unchanged`,
);

const pad = (text: string, width: number, right = false) =>
  right ? text.padStart(width) : text.padEnd(width);
const widths = [Math.max(...rows.map((r) => r.step.length)), 10, 10, 9];
console.log(`\nCore benchmark: median of ${RUNS} runs after one warm-up (Node ${process.version})\n`);
console.log(
  `${pad('step', widths[0])}  ${pad('median ms', widths[1], true)}  ${pad('min ms', widths[2], true)}  ${pad('heap MB', widths[3], true)}  result`,
);
for (const row of rows) {
  console.log(
    `${pad(row.step, widths[0])}  ${pad(row.medianMs.toFixed(1), widths[1], true)}  ${pad(row.minMs.toFixed(1), widths[2], true)}  ${pad(row.heapMb.toFixed(0), widths[3], true)}  ${row.result}`,
  );
}
