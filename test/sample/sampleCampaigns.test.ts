import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { validateCampaignDefinition } from '../../src/core/campaign/campaignDefinition';
import { runCampaign } from '../../src/core/run/campaignRun';
import { daysFromCivil } from '../../src/core/kernel/values';
import { MemoryWorkbook } from '../../src/memory/memoryWorkbook';
import { sampleWorkbookTables } from '../../src/sample/sampleWorkbook';

const DIR = path.join(__dirname, '..', '..', 'samples', 'kampagnen');
const files = readdirSync(DIR).filter((name) => name.endsWith('.json'));

describe('the example campaigns in samples/kampagnen', () => {
  it('include the seed example and one of each selection kind', () => {
    const selections = files.flatMap(
      (file) => JSON.parse(readFileSync(path.join(DIR, file), 'utf8')).selections,
    );
    expect(new Set(selections.map((s: { from: string }) => s.from))).toEqual(
      new Set(['inactiveCustomers', 'contacts', 'customers', 'purchasedArticles']),
    );
    expect(files).toContain('sonderangebote-inaktive-kunden.json');
  });

  it.each(files)('%s is valid and finds people in the sample workbook', async (file) => {
    const definition = validateCampaignDefinition(JSON.parse(readFileSync(path.join(DIR, file), 'utf8')));
    if (!definition.ok) throw new Error(JSON.stringify(definition.error));
    const run = await runCampaign(new MemoryWorkbook(sampleWorkbookTables()), definition.value, {
      today: daysFromCivil(2026, 11, 15),
      now: '2026-11-15T09:00:00.000Z',
      leads: true,
    });
    if (!run.ok) throw new Error(JSON.stringify(run.error));
    expect(run.value.group.members.length).toBeGreaterThan(10);
    expect(run.value.group.reports.every((report) => report.added > 0)).toBe(true);
    // Held-back members (a control group) get no lead.
    expect(run.value.leads?.created).toBe(run.value.group.members.length - run.value.control.length);
  });
});
