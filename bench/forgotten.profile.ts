/**
 * What forgotten people (hashed Sperrliste entries, DSGVO Art. 17) cost on every load: the synthetic workbook at
 * scale M (100,000 contacts) with a Sperrliste of plain entries, once without and once with hashed entries, and the
 * time of finding who is blocked (`IdentityGraph.carrierOf` → findCarriers, run on every target group and preview).
 *   npx tsx bench/forgotten.profile.ts
 *   PROFILE_RUNS=7 (default) measured runs after one warm-up; FORGOTTEN=3 hashed entries (default);
 *   LEGACY=1 writes the hashed entries as old tokens (without the prefilter field);
 *   for a profile: npx tsx --cpu-prof --cpu-prof-dir=/tmp/prof bench/forgotten.profile.ts
 * Every run builds a fresh IdentityGraph on a fresh copy of the parsed data, and only findCarriers is timed.
 */
import { forgottenToken, tokenText, type ForgettablePerson } from '../src/core/group/forgotten';
import { IdentityGraph } from '../src/core/group/identity';
import type { SheetTable } from '../src/core/kernel/sheetTable';
import { parseWorkbook } from '../src/core/read/parseWorkbook';
import { syntheticWorkbook } from '../src/sample/syntheticWorkbook';

const RUNS = Number(process.env.PROFILE_RUNS ?? 7);
const FORGOTTEN = Number(process.env.FORGOTTEN ?? 3);
const LEGACY = process.env.LEGACY === '1';
const SALT = '0f1e2d3c4b5a69788796a5b4c3d2e1f0';

const sheets = syntheticWorkbook();

/**
 * People as the records give them (e-mail, names, firm, postal code: all three kinds of hash), spread over the
 * contacts and the customers standing for themselves, plus one who is nowhere.
 */
const forgottenPeople: ForgettablePerson[] = [];
{
  const parsed = parseWorkbook(sheets);
  if (!parsed.ok) throw new Error('parse failed');
  const { records } = new IdentityGraph(parsed.value);
  for (let i = 1; i < FORGOTTEN; i++)
    forgottenPeople.push(records.recipient(Math.floor((i * records.count) / FORGOTTEN)));
  if (FORGOTTEN > 0)
    forgottenPeople.push({
      email: 'niemand@nirgendwo.example',
      firstName: 'Nie',
      lastName: 'Mand',
      company: 'Nirgendwo GmbH',
      postalCode: '99999',
    });
}

const tokens = forgottenPeople.map((person) => {
  const token = forgottenToken(person, SALT)!;
  if (LEGACY) delete (token as { filter?: unknown }).filter;
  return tokenText(token);
});

const blocklist = (hashed: boolean): SheetTable => ({
  name: 'Sperrliste',
  rows: [
    ['E-Mail', 'Vorname', 'Nachname', 'PLZ', 'Gesperrt seit'],
    ['widerspruch@kunde7.de', '', '', '', '2026-01-02'],
    ['', 'Erika', 'Mustermann', '50667', '2026-02-03'],
    ...(hashed ? tokens.map((token) => [token, '', '', '', '2026-03-04']) : []),
  ],
});

/** Wall time (the figure) and the process's CPU time over the same span: wall far above CPU means a busy machine. */
const time = (label: string, run: () => { wall: number; cpu: number }): number => {
  run();
  const walls: number[] = [];
  const cpus: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const { wall, cpu } = run();
    walls.push(wall);
    cpus.push(cpu);
  }
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1];
  const ms = (value: number) => value.toFixed(1).padStart(7);
  console.log(
    `${label.padEnd(36)} median ${ms(median(walls))} ms  min ${ms(Math.min(...walls))}  max ${ms(Math.max(...walls))}  cpu median ${ms(median(cpus))} ms`,
  );
  return median(walls);
};

const measure = (hashed: boolean) => {
  const parsed = parseWorkbook([...sheets, blocklist(hashed)]);
  if (!parsed.ok) throw new Error('parse failed');
  const data = parsed.value;
  const entries = data.blocklists?.flatMap((list) => list.entries) ?? [];
  if (entries.filter((entry) => entry.forgotten).length !== (hashed ? tokens.length : 0))
    throw new Error('hashed entries not read');
  let blocked = 0;
  const carriers = () => {
    const graph = new IdentityGraph({ ...data });
    const cpu = process.cpuUsage();
    const started = performance.now();
    blocked = 0;
    for (let person = 0; person < graph.records.count; person++)
      if (graph.carrierOf(person)?.reason === 'blocklist') blocked++;
    const wall = performance.now() - started;
    const used = process.cpuUsage(cpu);
    return { wall, cpu: (used.user + used.system) / 1000 };
  };
  const median = time(
    `find carriers, ${hashed ? `${tokens.length} hashed entries` : 'no hashed entry'}`,
    carriers,
  );
  console.log(`  ${blocked} records blocked by the Sperrliste`);
  return median;
};

console.log(
  `${LEGACY ? 'legacy tokens (no prefilter field), ' : ''}${tokens.length} hashed: ${tokens[0] ?? ''}`,
);
const without = measure(false);
const withHashed = measure(true);
console.log(`hashed entries cost ${(withHashed - without).toFixed(1)} ms more per load`);
