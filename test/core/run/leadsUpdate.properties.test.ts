import fc from 'fast-check';
import type { CampaignDefinition } from '../../../src/core/campaign/campaign';
import type { CellValue } from '../../../src/core/kernel/sheetTable';
import { isoToDay } from '../../../src/core/kernel/values';
import { leadIdFor } from '../../../src/core/outputs/leads';
import { LEAD_HEADERS } from '../../../src/core/outputs/leadsSheet';
import { runCampaign } from '../../../src/core/run/campaignRun';
import { MemoryWorkbook } from '../../../src/memory/memoryWorkbook';

/**
 * Whatever the sales team does between two runs — statuses, notes, their own column, corrected contact details,
 * deleted rows, sorted rows — and however the source data changes, a re-run loses no human edit and duplicates no
 * lead; a lead people deleted stays deleted, and contact details nobody touched follow the source.
 */

const DE = LEAD_HEADERS.de;
const COPIED = {
  firstName: 'Vorname',
  lastName: 'Nachname',
  company: 'Firma',
  email: 'E-Mail',
  phone: 'Telefon',
};
type Copied = keyof typeof COPIED;
const COPIED_FIELDS = Object.keys(COPIED) as Copied[];
const LEAD_COLUMN: Record<Copied, string> = {
  firstName: DE.firstName,
  lastName: DE.lastName,
  company: DE.company,
  email: DE.email,
  phone: DE.phone,
};
const OWN = 'Eigene Spalte';

const campaign: CampaignDefinition = { name: 'Hausmesse', type: 'event', selections: [{ from: 'contacts' }] };

type Contact = Record<Copied, string> & { id: string };

const contactOf = (n: number): Contact => ({
  id: `C${n}`,
  firstName: `Vorname${n}`,
  lastName: `Nachname${n}`,
  company: `Firma ${n} GmbH`,
  email: `p${n}@example.de`,
  phone: `030 ${1000 + n}`,
});

const contactsSheet = (contacts: Contact[]) => ({
  name: 'Kontakte',
  rows: [
    ['Kontakt-Nr.', ...COPIED_FIELDS.map((field) => COPIED[field])],
    ...contacts.map((c) => [c.id, ...COPIED_FIELDS.map((field) => c[field])]),
  ],
});

// trimmed as the parser reads source cells
const text = fc.stringMatching(/^[A-Za-z0-9äöüß]([A-Za-z0-9äöüß .-]{0,7}[A-Za-z0-9äöüß])?$/);

type Edit =
  | { kind: 'status'; at: number; value: string }
  | { kind: 'note'; at: number; value: string }
  | { kind: 'own'; at: number; value: string }
  | { kind: 'correct'; at: number; field: Copied; value: string }
  | { kind: 'delete'; at: number }
  | { kind: 'sort'; seed: number }
  | { kind: 'source'; contact: number; field: Copied; value: string }
  | { kind: 'join'; contact: number }
  | { kind: 'leave'; contact: number };

const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({
    kind: fc.constant('status' as const),
    at: fc.nat(),
    value: fc.constantFrom('Kontaktiert', 'Gewonnen', 'Verloren'),
  }),
  fc.record({ kind: fc.constant('note' as const), at: fc.nat(), value: text }),
  fc.record({ kind: fc.constant('own' as const), at: fc.nat(), value: text }),
  fc.record({
    kind: fc.constant('correct' as const),
    at: fc.nat(),
    field: fc.constantFrom(...COPIED_FIELDS),
    value: text,
  }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('sort' as const), seed: fc.nat() }),
  fc.record({
    kind: fc.constant('source' as const),
    contact: fc.nat(),
    field: fc.constantFrom(...COPIED_FIELDS),
    value: text,
  }),
  fc.record({ kind: fc.constant('join' as const), contact: fc.integer({ min: 1, max: 20 }) }),
  fc.record({ kind: fc.constant('leave' as const), contact: fc.nat() }),
);

/** What people did to one lead, as the test remembers it. */
interface Expected {
  cells: Map<string, string>;
  deleted: boolean;
}

class Scenario {
  readonly wb: MemoryWorkbook;
  readonly contacts: Contact[];
  readonly expected = new Map<string, Expected>();
  /** Lead id → contact id, from the members of each run. */
  readonly contactOfLead = new Map<string, string>();
  private day = 1;

  constructor(size: number) {
    this.contacts = Array.from({ length: size }, (_, i) => contactOf(i + 1));
    this.wb = new MemoryWorkbook([contactsSheet(this.contacts)]);
  }

  async run(): Promise<void> {
    this.wb.sheets.get('Kontakte')!.table = contactsSheet(this.contacts);
    const day = `2026-06-${String(this.day++).padStart(2, '0')}`;
    const result = await runCampaign(this.wb, campaign, {
      today: isoToDay(day)!,
      now: `${day}T09:00:00.000Z`,
      leads: true,
    });
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    for (const member of result.value.group.members)
      this.contactOfLead.set(leadIdFor(result.value.campaign.id, member.key), member.recipient.contactId);
  }

  get rows(): CellValue[][] {
    return this.wb.sheets.get('Leads')!.table.rows;
  }

  column(header: string): number {
    return this.rows[0].indexOf(header);
  }

  private leadAt(at: number): { row: CellValue[]; id: string } | null {
    const data = this.rows.length - 1;
    if (data === 0) return null;
    const row = this.rows[1 + (at % data)];
    return { row, id: String(row[this.column(DE.leadId)]) };
  }

  private remember(id: string): Expected {
    if (!this.expected.has(id)) this.expected.set(id, { cells: new Map(), deleted: false });
    return this.expected.get(id)!;
  }

  apply(change: Edit): void {
    if (change.kind === 'sort') return this.sort(change.seed);
    if (change.kind === 'source' || change.kind === 'join' || change.kind === 'leave')
      return this.changeSource(change);
    const lead = this.leadAt(change.at);
    if (!lead) return;
    if (change.kind === 'delete') {
      this.rows.splice(this.rows.indexOf(lead.row), 1);
      this.remember(lead.id).deleted = true;
      return;
    }
    const header =
      change.kind === 'status'
        ? DE.status
        : change.kind === 'note'
          ? DE.note
          : change.kind === 'own'
            ? OWN
            : LEAD_COLUMN[change.field];
    // a person's correction never equals what a source could say
    const value = change.kind === 'correct' ? `Hand ${change.value}` : change.value;
    lead.row[this.column(header)] = value;
    this.remember(lead.id).cells.set(header, value);
  }

  private sort(seed: number): void {
    const [header, ...data] = this.rows;
    const keyed = data.map((row, i) => ({ row, key: (i * 7919 + seed) % 104729 }));
    keyed.sort((a, b) => a.key - b.key);
    this.rows.splice(0, this.rows.length, header, ...keyed.map(({ row }) => row));
  }

  private changeSource(change: Extract<Edit, { kind: 'source' | 'join' | 'leave' }>): void {
    if (change.kind === 'join') {
      if (!this.contacts.some((c) => c.id === `C${change.contact + 100}`))
        this.contacts.push(contactOf(change.contact + 100));
      return;
    }
    if (this.contacts.length === 0) return;
    const index = change.contact % this.contacts.length;
    if (change.kind === 'leave') this.contacts.splice(index, 1);
    else this.contacts[index] = { ...this.contacts[index], [change.field]: `Quelle ${change.value}` };
  }

  /** The test's own check of the sheet against everything people did and the source says. */
  check(): void {
    const ids = this.rows.slice(1).map((row) => String(row[this.column(DE.leadId)]));
    expect(new Set(ids).size).toBe(ids.length);
    for (const [id, expected] of this.expected) {
      const row = this.rows.find((r) => r[this.column(DE.leadId)] === id);
      if (expected.deleted) {
        expect(row).toBeUndefined();
        continue;
      }
      expect(row).toBeDefined();
      for (const [header, value] of expected.cells) expect(row![this.column(header)]).toBe(value);
    }
    const current = new Map(this.contacts.map((c) => [c.id, c]));
    for (const row of this.rows.slice(1)) {
      const id = String(row[this.column(DE.leadId)]);
      const contact = current.get(this.contactOfLead.get(id) ?? '');
      if (!contact) continue;
      for (const field of COPIED_FIELDS) {
        const header = LEAD_COLUMN[field];
        if (!this.expected.get(id)?.cells.has(header)) expect(row[this.column(header)]).toBe(contact[field]);
      }
    }
    for (const contact of this.contacts) {
      const lead = [...this.contactOfLead].find(([, contactId]) => contactId === contact.id)?.[0];
      const deleted = lead !== undefined && this.expected.get(lead)?.deleted;
      expect(ids.filter((id) => id === lead)).toHaveLength(deleted ? 0 : 1);
    }
  }
}

describe('updating the leads after people worked on them (property)', () => {
  it('loses no human edit and duplicates no lead, over two rounds of random edits and source changes', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 12 }),
        fc.array(edit, { maxLength: 15 }),
        fc.array(edit, { maxLength: 15 }),
        async (size, firstRound, secondRound) => {
          const scenario = new Scenario(size);
          await scenario.run();
          scenario.rows[0].push(OWN);
          for (const round of [firstRound, secondRound]) {
            for (const change of round) scenario.apply(change);
            await scenario.run();
            scenario.check();
          }
        },
      ),
      { numRuns: 150 },
    );
  }, 300_000);
});
