/**
 * Focused timing of the steps after parsing (selections, target group, target table, CSV, leads) at scale M,
 * for profiling: `npx tsx --cpu-prof --cpu-prof-dir=/tmp/prof bench/group.profile.ts`.
 *   PROFILE_RUNS=5 (default) measured runs per step after one warm-up; PROFILE_STEPS=group,csv,leads to pick steps.
 * Every "cold" run uses a fresh copy of the WorkbookData, so the per-workbook indexes are rebuilt.
 */
import type { CampaignDefinition } from '../src/core/campaign/campaign';
import { mergeLeads } from '../src/core/outputs/leads';
import type { SheetTable } from '../src/core/kernel/sheetTable';
import type { CampaignLeads } from '../src/core/state/state';
import { toCsv } from '../src/core/outputs/csv';
import { targetGroupTable } from '../src/core/outputs/targetTable';
import { parseWorkbook } from '../src/core/read/parseWorkbook';
import { describeSelection } from '../src/core/select/selectionLabels';
import { buildTargetGroup } from '../src/core/group/targetGroup';
import { isoToDay } from '../src/core/kernel/values';
import { syntheticWorkbook } from '../src/sample/syntheticWorkbook';

const RUNS = Number(process.env.PROFILE_RUNS ?? 5);
const STEPS = new Set((process.env.PROFILE_STEPS ?? 'group,table,csv,leads').split(','));
const today = isoToDay('2026-05-31') as number;

const time = <T>(step: string, run: () => T): T => {
  let result = run();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    result = run();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  const heap = process.memoryUsage().heapUsed / 2 ** 20;
  console.log(
    `${step.padEnd(28)} median ${times[times.length >> 1].toFixed(1).padStart(7)} ms  min ${times[0].toFixed(1).padStart(7)} ms  heap ${heap.toFixed(0)} MB`,
  );
  return result;
};

const parsed = parseWorkbook(syntheticWorkbook());
if (!parsed.ok) throw new Error('parse failed');
const data = parsed.value;
const campaign: CampaignDefinition = {
  name: 'Frühjahr 2026',
  type: 'email',
  selections: [
    {
      from: 'contacts',
      filter: [
        { column: 'Position', op: 'in', value: ['Einkauf', 'Geschäftsführung'] },
        { column: 'E-Mail', op: 'isNotEmpty' },
      ],
    },
    {
      from: 'customers',
      filter: [
        { column: 'Branche', op: 'equals', value: 'Bau' },
        { column: 'PLZ', op: 'gte', value: '01000' },
        { column: 'PLZ', op: 'lte', value: '09999' },
      ],
    },
    {
      from: 'purchasedArticles',
      articles: ['A-1001', 'A-1002', 'Artikel 17'],
      since: '2026-01-01',
      minQuantity: 5,
    },
    { from: 'inactiveCustomers', months: 3, asOf: '2026-05-31' },
  ],
};
const runGroup = () => buildTargetGroup({ ...data }, campaign, { today });
const group = STEPS.has('group') ? time('target group (cold)', runGroup) : runGroup();
console.log(`  ${group.members.length} members, ${group.excluded.length} excluded`);
const labels = campaign.selections.map((s, i) => describeSelection(s, i, 'de'));
const makeTable = () => targetGroupTable(group, campaign, labels);
const table = STEPS.has('table') ? time('target table', makeTable) : makeTable();
if (STEPS.has('csv')) time('CSV text', () => toCsv(table));
if (STEPS.has('leads')) {
  const ref = { id: 'bench-campaign', name: campaign.name };
  const merge = (existing: SheetTable | null, now: string, previous?: CampaignLeads) =>
    mergeLeads({ existing, campaign: ref, members: group.members, now, lang: 'de', previous });
  const first = time('leads merge (new)', () => merge(null, '2026-05-31T10:00:00Z'));
  const sheet = { name: 'Leads', rows: [first.table!.headers, ...first.table!.rows] };
  time('leads merge (re-run)', () => merge(sheet, '2026-06-01T10:00:00Z', first.record));
}
