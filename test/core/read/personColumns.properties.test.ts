import fc from 'fast-check';
import type { CampaignDefinition, SelectionDefinition } from '../../../src/core/campaign/campaign';
import { buildTargetGroup } from '../../../src/core/group/targetGroup';
import type { TargetGroup } from '../../../src/core/group/targetGroupModel';
import type { WorkbookData } from '../../../src/core/kernel/model';
import type { CellValue } from '../../../src/core/kernel/sheetTable';
import { runSteps } from '../../../src/core/kernel/steps';
import { parseWorkbook } from '../../../src/core/read/parseWorkbook';
import { personColumnsOfSteps, personColumnsSteps } from '../../../src/core/read/personColumns';
import { makeContact, makeCustomer } from '../builders';
import { sheet } from '../sheetBuilders';

/**
 * The parser makes the contacts' firm and number codes (PersonColumns) from the lookups its checks make anyway; the
 * engine groups records by them. On messy sheets they must be the codes derived from the parsed records' strings,
 * and a target group built on them the group built on derived ones: customer numbers in other case, spacing and
 * with leading zeros, as numbers, unknown to the customers sheet, duplicated; contact numbers twice; blank, totals
 * and #N/A rows; and rows appended after parsing (the parser's codes then no longer describe the records).
 */

const pick = <T>(values: readonly T[]) => fc.constantFrom(...values);

const CUSTOMER_CELLS: CellValue[] = ['K-1', 'k-1 ', ' K-2', 'K-3', 1001, '001001', '  ', '#N/A', 'Summe'];
const CONTACT_CUSTOMER_CELLS: CellValue[] = [
  'K-1',
  'K-1',
  'k-1',
  ' K-2 ',
  1001,
  '1001',
  '01001',
  'K-9',
  'k-9',
  '',
  null,
];
const CONTACT_NUMBERS: CellValue[] = ['P1', 'P1', ' P2', 'p2', 7, '7', '', null, '#N/A'];
const FIRST = ['Anna', 'anna', 'Jürgen', 'Özlem', ''];
const LAST = ['Groß', 'GROSS', 'Weiß', 'Lang', ''];
const EMAILS = ['anna@firma.de', 'ANNA@firma.de ', 'info@firma.de', 'j.gross@web.de', ''];

const customerRow = fc
  .tuple(pick(CUSTOMER_CELLS), pick(['Müller GmbH', 'müller gmbh', 'Bäckerei Groß', '']))
  .map(([id, company]): CellValue[] => [id, company, 'Hauptstr. 1', '01067', 'Dresden', '']);

const contactRow = fc
  .tuple(pick(CONTACT_NUMBERS), pick(CONTACT_CUSTOMER_CELLS), pick(FIRST), pick(LAST), pick(EMAILS))
  .map(([number, customer, first, last, email]): CellValue[] => [number, customer, first, last, email, '']);

const BLANK_ROW: CellValue[] = [null, null, null, null, null, null];

const parsedArbitrary: fc.Arbitrary<WorkbookData> = fc
  .record({
    customers: fc.array(customerRow, { maxLength: 6 }),
    contacts: fc.array(
      fc.oneof({ weight: 8, arbitrary: contactRow }, { weight: 1, arbitrary: fc.constant(BLANK_ROW) }),
      {
        maxLength: 12,
      },
    ),
  })
  .map(({ customers, contacts }) => {
    const parsed = parseWorkbook([
      sheet('Kunden', [['Kunden-Nr.', 'Firma', 'Straße', 'PLZ', 'Ort', 'Werbesperre'], ...customers]),
      sheet('Kontakte', [
        ['Kontakt-Nr.', 'Kunden-Nr.', 'Vorname', 'Nachname', 'E-Mail', 'Werbesperre'],
        ...contacts,
      ]),
    ]);
    if (!parsed.ok || !parsed.value.mapping.customers || !parsed.value.mapping.contacts)
      throw new Error('the generated sheets were not recognised');
    return parsed.value;
  });

const withRowsAppended: fc.Arbitrary<WorkbookData> = fc
  .tuple(parsedArbitrary, pick(['K-1', 'k-9', '', ' 1001']), pick(['P1', 'P3', '']))
  .map(([data, customerId, contactId]) => {
    (data.contacts ?? []).push(makeContact({ contactId, customerId, firstName: 'Eva', lastName: 'Lang' }));
    data.customers.push(makeCustomer({ customerId: 'K-9', company: 'Neu AG' }));
    return data;
  });

const withoutParserColumns = (data: WorkbookData): WorkbookData => ({ ...data, personColumns: undefined });

const SELECTIONS: SelectionDefinition[] = [{ from: 'contacts' }, { from: 'customers' }];
const campaign = (type: CampaignDefinition['type']): CampaignDefinition => ({
  name: 'Herbst',
  type,
  selections: SELECTIONS,
});

/** Who the group holds and leaves out, and under which keys: what a letter, a lead and a later re-run rest on. */
const outcome = (group: TargetGroup) => ({
  members: group.members.map((member) => ({
    key: member.key,
    rows: member.rows ?? [],
    recipient: member.recipient,
  })),
  excluded: group.excluded.map((exclusion) => [
    exclusion.reason,
    exclusion.recipient.sheet,
    exclusion.recipient.row,
  ]),
  problems: group.problems,
});

describe("the parser's person columns", () => {
  it('are the columns derived from the parsed records', () => {
    fc.assert(
      fc.property(parsedArbitrary, (data) => {
        expect(data.personColumns).toBeDefined();
        expect(data.personColumns).toEqual(runSteps(personColumnsSteps(data.contacts ?? [], data.customers)));
      }),
      { numRuns: 300 },
    );
  });

  it('give the target group that columns derived from the records give', () => {
    fc.assert(
      fc.property(parsedArbitrary, pick(['email', 'letter'] as const), (data, type) => {
        const options = { today: 20_000 };
        expect(outcome(buildTargetGroup(data, campaign(type), options))).toEqual(
          outcome(buildTargetGroup(withoutParserColumns(data), campaign(type), options)),
        );
      }),
      { numRuns: 200 },
    );
  });

  it('give way to derived columns when rows were appended after parsing', () => {
    fc.assert(
      fc.property(withRowsAppended, (data) => {
        const columns = runSteps(personColumnsOfSteps(data));
        expect(columns).not.toBe(data.personColumns);
        expect(columns).toEqual(runSteps(personColumnsSteps(data.contacts ?? [], data.customers)));
        const group = buildTargetGroup(data, campaign('event'), { today: 20_000 });
        expect(group.members.some((member) => member.recipient.firstName === 'Eva')).toBe(true);
      }),
      { numRuns: 100 },
    );
  });
});
