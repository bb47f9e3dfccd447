import type { CampaignDefinition, SelectionDefinition } from '../../../src/core/campaign/campaign';
import type { Problem } from '../../../src/core/kernel/problems';
import { checkCampaignAgainstData } from '../../../src/core/select/readiness';
import { makeContact, makeCustomer, makeWorkbookData, type WorkbookInput } from '../builders';

const campaign = (selections: SelectionDefinition[]): CampaignDefinition => ({
  name: 'Herbst',
  type: 'letter',
  selections,
});
const base: WorkbookInput = {
  contacts: [makeContact({ contactId: 'A1' })],
  customers: [makeCustomer({ customerId: 'K1' })],
};

describe('checkCampaignAgainstData', () => {
  it.each<[string, WorkbookInput, SelectionDefinition, Problem[]]>([
    [
      'contacts selection on a workbook with contacts',
      base,
      { from: 'contacts', filter: [{ column: 'Ort', op: 'equals', value: 'Köln' }] },
      [],
    ],
    [
      'contacts selection without contacts sheet',
      { ...base, contacts: null },
      { from: 'contacts' },
      [{ code: 'sheetRoleNotFound', severity: 'error', detail: 'contacts' }],
    ],
    [
      'customers selection without customers sheet',
      { ...base, without: ['customers'] },
      { from: 'customers' },
      [{ code: 'sheetRoleNotFound', severity: 'error', detail: 'customers' }],
    ],
    [
      'filter on an unknown column',
      base,
      { from: 'customers', filter: [{ column: 'Umsatzklasse', op: 'equals', value: 'A' }] },
      [
        {
          code: 'columnNotFound',
          severity: 'error',
          sheet: 'Kunden',
          column: 'Umsatzklasse',
        },
      ],
    ],
    [
      'articles without sales sheet',
      { ...base, without: ['sales'] },
      { from: 'purchasedArticles', articles: ['A-1'] },
      [{ code: 'sheetRoleNotFound', severity: 'error', detail: 'sales' }],
    ],
    [
      'inactive customers without customers and sales',
      { ...base, without: ['customers', 'sales'] },
      { from: 'inactiveCustomers', months: 3 },
      [
        { code: 'sheetRoleNotFound', severity: 'error', detail: 'customers' },
        { code: 'sheetRoleNotFound', severity: 'error', detail: 'sales' },
      ],
    ],
    ['sales on a workbook with all columns', base, { from: 'inactiveCustomers', months: 3 }, []],
  ])('%s', (_, input, selection, problems) => {
    expect(checkCampaignAgainstData(campaign([selection]), makeWorkbookData(input))).toEqual(problems);
  });

  it('names the missing sales columns and the sheet', () => {
    const data = makeWorkbookData(base);
    const sales = data.mapping.sales!;
    data.mapping.sales = { ...sales, columns: { quantity: 4 } };
    expect(
      checkCampaignAgainstData(
        campaign([
          { from: 'inactiveCustomers', months: 3 },
          { from: 'purchasedArticles', articles: ['Kalk'] },
        ]),
        data,
      ),
    ).toEqual([
      {
        code: 'requiredColumnMissing',
        severity: 'error',
        sheet: 'Umsätze',
        detail: 'customerId',
      },
      {
        code: 'requiredColumnMissing',
        severity: 'error',
        sheet: 'Umsätze',
        detail: 'date',
      },
      {
        code: 'requiredColumnMissing',
        severity: 'error',
        sheet: 'Umsätze',
        detail: 'customerId',
      },
      {
        code: 'requiredColumnMissing',
        severity: 'error',
        sheet: 'Umsätze',
        detail: 'date',
      },
      {
        code: 'requiredColumnMissing',
        severity: 'error',
        sheet: 'Umsätze',
        detail: 'articleNo',
      },
    ]);
  });
});
