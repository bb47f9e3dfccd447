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
import type { CellValue, SheetTable } from '../src/core/kernel/sheetTable';
import { parseWorkbook } from '../src/core/read/parseWorkbook';
import { syntheticWorkbook } from '../src/sample/syntheticWorkbook';

const RUNS = Number(process.env.PROFILE_RUNS ?? 7);
const FORGOTTEN = Number(process.env.FORGOTTEN ?? 3);
const LEGACY = process.env.LEGACY === '1';
const SALT = '0f1e2d3c4b5a69788796a5b4c3d2e1f0';

const sheets = syntheticWorkbook();
const contacts = sheets.find((sheet) => sheet.name === 'Ansprechpartner') ?? sheets[1];
const header = contacts.rows.findIndex((row) => row.some((cell) => cell === 'E-Mail'));
const col = (name: string) => contacts.rows[header].indexOf(name);
const text = (cell: CellValue | undefined) => (cell === null || cell === undefined ? '' : String(cell));

/** People taken from the contacts (so they are found), spread over the sheet, plus one nobody is. */
const forgottenPeople: ForgettablePerson[] = [];
for (let i = 0; i < FORGOTTEN - 1; i++) {
  const row = contacts.rows[header + 1 + Math.floor(((i + 1) * (contacts.rows.length - header - 2)) / FORGOTTEN)];
  forgottenPeople.push({
    email: text(row[col('E-Mail')]),
    firstName: text(row[col('Vorname')]),
    lastName: text(row[col('Nachname')]),
    company: '',
    postalCode: '',
  });
}
if (FORGOTTEN > 0)
  forgottenPeople.push({
    email: 'niemand@nirgendwo.example',
    firstName: 'Nie',
    lastName: 'Mand',
    company: 'Nirgendwo GmbH',
    postalCode: '99999',
  });

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

const time = (label: string, run: () => void): number => {
  run();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) times.push(run());
  times.sort((a, b) => a - b);
  const median = times[times.length >> 1];
  console.log(
    `${label.padEnd(40)} median ${median.toFixed(1).padStart(7)} ms  min ${times[0].toFixed(1).padStart(7)} ms  max ${times[times.length - 1].toFixed(1).padStart(7)} ms`,
  );
  return median;
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
    const started = performance.now();
    blocked = 0;
    for (let person = 0; person < graph.records.count; person++)
      if (graph.carrierOf(person)?.reason === 'blocklist') blocked++;
    return performance.now() - started;
  };
  const median = time(`find carriers, ${hashed ? `${tokens.length} hashed entries` : 'no hashed entry'}`, carriers);
  console.log(`  ${blocked} records blocked by the Sperrliste`);
  return median;
};

console.log(`${LEGACY ? 'legacy tokens (no prefilter field), ' : ''}${tokens.length} hashed: ${tokens[0] ?? ''}`);
const without = measure(false);
const withHashed = measure(true);
console.log(`hashed entries cost ${(withHashed - without).toFixed(1)} ms more per load`);
