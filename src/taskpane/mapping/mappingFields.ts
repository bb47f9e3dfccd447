import type { Field, MappingOverrides, SheetRole, WorkbookMapping } from '../../core/kernel/model';

const PERSON: Field[] = [
  'salutation',
  'firstName',
  'lastName',
  'fullName',
  'company',
  'street',
  'postalCode',
  'city',
  'country',
  'email',
  'phone',
];

/** The fields the mapping dialog offers per sheet role, in the order a user reads them. */
export const MAPPING_FIELDS: Record<SheetRole, Field[]> = {
  contacts: ['contactId', 'customerId', ...PERSON],
  customers: ['customerId', ...PERSON],
  sales: ['date', 'customerId', 'articleNo', 'articleName', 'quantity', 'amount'],
  articles: ['articleNo', 'articleName', 'category'],
};

/** The mapping recognised (or confirmed) so far, as sheet and header names: the dialog's starting point. */
export const overridesFromMapping = (
  mapping: WorkbookMapping,
  stored: MappingOverrides | undefined,
): MappingOverrides => {
  const sheets: NonNullable<MappingOverrides['sheets']> = { ...stored?.sheets };
  const columns: NonNullable<MappingOverrides['columns']> = {};
  for (const role of Object.keys(MAPPING_FIELDS) as SheetRole[]) {
    const recognised = mapping[role];
    if (recognised && !sheets[role]) sheets[role] = recognised.sheet;
    const byField: Partial<Record<Field, string>> = {};
    for (const [field, index] of Object.entries(recognised?.columns ?? {}) as Array<[Field, number]>) {
      const header = recognised?.headers[index];
      if (header) byField[field] = header;
    }
    columns[role] = { ...byField, ...stored?.columns?.[role] };
  }
  return { sheets, columns };
};
