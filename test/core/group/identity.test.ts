import fc from 'fast-check';
import { identityGraph, identityGraphSteps, type IdentityGraph } from '../../../src/core/group/identity';
import { ROWS_PER_STEP } from '../../../src/core/kernel/steps';
import type { Contact, Customer, WorkbookData } from '../../../src/core/kernel/model';
import { makeContact, makeCustomer, makeWorkbookData, type ContactInput } from '../builders';

describe('identity graph: built in steps', () => {
  /** What the graph says of every record: its person, its key, and the numbers shared by several people. */
  const verdicts = (graph: IdentityGraph) => ({
    person: [...graph.person],
    keys: Array.from({ length: graph.records.count }, (_, record) => graph.keyOf(record)),
    shared: graph.sharedIdGroups(),
  });
  const inSteps = (data: WorkbookData): { graph: IdentityGraph; pauses: number } => {
    const steps = identityGraphSteps(data);
    for (let pauses = 0; ; pauses++) {
      const step = steps.next();
      if (step.done) return { graph: step.value, pauses };
    }
  };

  it('is the graph built at once, on messy rows', () => {
    fc.assert(
      fc.property(fc.array(messyContact, { maxLength: 12 }), (rows) => {
        const contacts = rows.map((fields, i) => tagged(String(i), fields));
        const { graph } = inSteps(workbookOf(contacts));
        expect(verdicts(graph)).toEqual(verdicts(identityGraph(workbookOf(contacts))));
      }),
      { numRuns: 200 },
    );
  });

  it('pauses every few thousand records of a big workbook, and still is the graph built at once', () => {
    const firsts = ['Eva', 'E.', 'Jürgen', 'Juergen', 'Bernd', ''];
    const lasts = ['Lang', 'Lang-Ott', 'Maier', ''];
    const contacts = Array.from({ length: 10_000 }, (_, i) =>
      tagged(String(i), {
        contactId: i % 7 === 0 ? '' : String(i % 4_000),
        customerId: `K${i % 300}`,
        email: i % 3 === 0 ? '' : `p${i % 2_500}@x.de`,
        firstName: firsts[i % firsts.length],
        lastName: lasts[i % lasts.length],
      }),
    );
    const { graph, pauses } = inSteps(workbookOf(contacts));
    expect(pauses).toBeGreaterThanOrEqual(Math.floor(10_000 / ROWS_PER_STEP));
    expect(verdicts(graph)).toEqual(verdicts(identityGraph(workbookOf(contacts))));
  });

  it('gives way to a graph built at once meanwhile: the workbook keeps one graph', () => {
    const data = workbookOf([tagged('1', { email: 'a@x.de', lastName: 'Lang' })]);
    const steps = identityGraphSteps(data);
    steps.next();
    const atOnce = identityGraph(data);
    let step = steps.next();
    while (!step.done) step = steps.next();
    expect(step.value).toBe(atOnce);
    expect(identityGraph(data)).toBe(atOnce);
  });
});

/** The people of a workbook as groups of the contacts' tags (`extra.Tag`), each group and the list sorted. */
const people = (data: WorkbookData): string[][] => {
  const graph = identityGraph(data);
  const groups = new Map<number, string[]>();
  for (let record = 0; record < graph.records.count; record++) {
    const tag = graph.records.recipient(record).extra.Tag;
    const person = graph.person[record];
    groups.set(person, [...(groups.get(person) ?? []), tag]);
  }
  return [...groups.values()].map((tags) => tags.sort()).sort((a, b) => (a.join() < b.join() ? -1 : 1));
};

const tagged = (tag: string, fields: ContactInput): Contact =>
  makeContact({ ...fields, extra: { Tag: tag } });
const workbookOf = (contacts: Contact[], customers: Customer[] = []) =>
  makeWorkbookData({ contacts, customers });

describe('identity graph: who is the same person', () => {
  it.each<[string, ContactInput, ContactInput, boolean]>([
    [
      'same contact number, another e-mail',
      { contactId: '1', firstName: 'Anna', lastName: 'Schmidt', email: 'a@x.de' },
      { contactId: '1', firstName: 'Anna', lastName: 'Schmidt', email: 'anna@privat.de' },
      true,
    ],
    [
      'same contact number and e-mail, the name changed (marriage)',
      { contactId: '1', firstName: 'Anna', lastName: 'Schmidt', email: 'a@x.de' },
      { contactId: '1', firstName: 'Anna', lastName: 'Weber', email: 'A@x.de' },
      true,
    ],
    [
      'same contact number, clearly different names and e-mails: a data error, kept apart',
      { contactId: '7', firstName: 'Anna', lastName: 'Schmidt', email: 'anna@x.de' },
      { contactId: '7', firstName: 'Bernd', lastName: 'Maier', email: 'bernd@x.de' },
      false,
    ],
    [
      'other numbers, the same e-mail in other case and spaces, the same name',
      { contactId: '1', firstName: 'Anna', lastName: 'Schmidt', email: 'anna@alpha.de' },
      { contactId: '2', firstName: 'anna', lastName: 'SCHMIDT', email: ' ANNA@alpha.de ' },
      true,
    ],
    [
      'the same e-mail, an initial for the first name',
      { firstName: 'Anna', lastName: 'Schmidt', email: 'anna@alpha.de' },
      { firstName: 'A.', lastName: 'Schmidt', email: 'anna@alpha.de' },
      true,
    ],
    [
      'two people behind one office mailbox',
      { contactId: '1', firstName: 'Anna', lastName: 'Schmidt', email: 'info@alpha.de' },
      { contactId: '2', firstName: 'Bernd', lastName: 'Maier', email: 'info@alpha.de' },
      false,
    ],
    [
      'the same name at the same customer number',
      { contactId: '1', customerId: 'K1', firstName: 'Eva', lastName: 'Lang' },
      { contactId: '2', customerId: ' k1', firstName: 'Eva', lastName: 'Lang' },
      true,
    ],
    [
      'the same name at the same company, written differently',
      { firstName: 'Jürgen', lastName: 'Groß', company: 'Bäckerei Größe GmbH' },
      { firstName: 'Juergen', lastName: 'Gross', company: 'BAECKEREI GROESSE  GMBH' },
      true,
    ],
    [
      'titles and degrees apart',
      { firstName: 'Dr. Anna', lastName: 'Schmidt', company: 'ACME' },
      { firstName: 'Anna', lastName: 'Schmidt, M.A.', company: 'ACME' },
      true,
    ],
    [
      'the same name at another firm',
      { firstName: 'Eva', lastName: 'Lang', customerId: 'K1', company: 'ACME' },
      { firstName: 'Eva', lastName: 'Lang', customerId: 'K2', company: 'Beta' },
      false,
    ],
    [
      'the same name at two customer numbers of one chain: two branches, two people',
      { firstName: 'Thomas', lastName: 'Müller', customerId: 'K1', company: 'Edeka' },
      { firstName: 'Thomas', lastName: 'Müller', customerId: 'K2', company: 'Edeka' },
      false,
    ],
    [
      'a row without customer number at the company joins the one person of that name there',
      { firstName: 'Thomas', lastName: 'Müller', customerId: 'K1', company: 'Edeka' },
      { firstName: 'Thomas', lastName: 'Mueller', company: 'EDEKA' },
      true,
    ],
    [
      'a row with only the e-mail joins the one person there',
      { contactId: '1', firstName: 'Anna', lastName: 'Schmidt', email: 'anna@alpha.de' },
      { email: 'Anna@Alpha.de' },
      true,
    ],
    [
      'a last name alone at the firm joins the one person of that name there',
      { firstName: 'Anna', lastName: 'Schmidt', customerId: 'K1' },
      { lastName: 'Schmidt', customerId: 'K1' },
      true,
    ],
  ])('%s: %p', (_, a, b, same) => {
    const groups = people(workbookOf([tagged('a', a), tagged('b', b)]));
    expect(groups).toEqual(same ? [['a', 'b']] : [['a'], ['b']]);
  });

  it('is transitive: a number, an e-mail and a name at the firm chain rows into one person', () => {
    const groups = people(
      workbookOf([
        tagged('a', { contactId: '1', firstName: 'Anna', lastName: 'Schmidt', email: 'anna@alpha.de' }),
        tagged('b', {
          contactId: '2',
          firstName: 'Anna',
          lastName: 'Schmidt',
          email: 'ANNA@alpha.de',
          customerId: 'K1',
        }),
        tagged('c', { firstName: 'Anna', lastName: 'Schmidt', customerId: 'k1', phone: '0221 1' }),
        tagged('d', { contactId: '2', firstName: 'A.', lastName: 'Schmidt', email: 'schmidt@privat.de' }),
      ]),
    );
    expect(groups).toEqual([['a', 'b', 'c', 'd']]);
  });

  it('a row that fits two people merges neither: the mailbox of two stays two, the row stays itself', () => {
    const groups = people(
      workbookOf([
        tagged('anna', { contactId: '1', firstName: 'Anna', lastName: 'Schmidt', email: 'info@alpha.de' }),
        tagged('bernd', { contactId: '2', firstName: 'Bernd', lastName: 'Maier', email: 'info@alpha.de' }),
        tagged('nobody', { email: 'info@alpha.de' }),
      ]),
    );
    expect(groups).toEqual([['anna'], ['bernd'], ['nobody']]);
  });

  it('a row without customer number at a chain with one such name in two branches stays apart', () => {
    const groups = people(
      workbookOf([
        tagged('k1', { firstName: 'Thomas', lastName: 'Müller', customerId: 'K1', company: 'Edeka' }),
        tagged('k2', { firstName: 'Thomas', lastName: 'Müller', customerId: 'K2', company: 'Edeka' }),
        tagged('none', { firstName: 'Thomas', lastName: 'Müller', company: 'Edeka' }),
        tagged('again', { firstName: 'Thomas', lastName: 'Müller', company: 'Edeka', phone: '1' }),
      ]),
    );
    expect(groups).toEqual([['again', 'none'], ['k1'], ['k2']]);
  });

  it('three people with one number stay three, and the number is reported as shared', () => {
    const data = workbookOf([
      tagged('a', { contactId: '7', firstName: 'Anna', lastName: 'Schmidt' }),
      tagged('b', { contactId: '7', firstName: 'Bernd', lastName: 'Maier' }),
      tagged('c', { contactId: '7', firstName: 'Carla', lastName: 'Vogt' }),
    ]);
    expect(people(data)).toEqual([['a'], ['b'], ['c']]);
    expect(identityGraph(data).sharedIdGroups()).toEqual([[0, 1, 2]]);
  });

  it('a customer standing for itself and a contact of another firm are one person by e-mail and name', () => {
    const customer = makeCustomer({
      customerId: 'K9',
      firstName: 'Eva',
      lastName: 'Lang',
      email: 'eva@lang.de',
      extra: { Tag: 'customer' },
    });
    const groups = people(
      workbookOf(
        [tagged('contact', { contactId: '1', firstName: 'Eva', lastName: 'Lang', email: 'Eva@Lang.de' })],
        [customer],
      ),
    );
    expect(groups).toEqual([['contact', 'customer']]);
  });
});

describe('identity graph: keys', () => {
  const keysOf = (data: WorkbookData): string[] => {
    const graph = identityGraph(data);
    return Array.from({ length: graph.records.count }, (_, record) => graph.keyOf(record));
  };

  it.each<[string, ContactInput, string]>([
    ['contact number first', { contactId: ' 4711 ', email: 'a@b.de', customerId: 'K1' }, 'c:4711'],
    [
      'e-mail trimmed, lower-cased',
      { customerId: 'K1', email: '  Anna.Schmidt@Example.DE ' },
      'e:anna.schmidt@example.de',
    ],
    [
      'name at company, as before',
      { firstName: ' Jürgen ', lastName: 'Müller', company: 'Bäckerei  Groß GmbH' },
      'n:jürgen müller|bäckerei groß gmbh',
    ],
    [
      'name at customer number when no company',
      { firstName: 'Eva', lastName: 'Lang', customerId: 'K7' },
      'n:eva lang|k7',
    ],
    [
      'a placeholder e-mail is no e-mail',
      { email: '-', firstName: 'Eva', lastName: 'Lang', company: 'ACME' },
      'n:eva lang|acme',
    ],
  ])('%s', (_, fields, key) => {
    expect(keysOf(workbookOf([makeContact(fields)]))).toEqual([key]);
  });

  it('a row that names nobody recognisably is keyed by its row', () => {
    const contact = makeContact({ firstName: 'Eva' });
    expect(keysOf(workbookOf([contact]))).toEqual([`r:Kontakte!${contact.row}`]);
  });

  it('a customer standing for itself is keyed by its number', () => {
    const data = makeWorkbookData({ contacts: null, customers: [makeCustomer({ customerId: 'K-1001' })] });
    expect(keysOf(data)).toEqual(['k:K-1001']);
  });

  it('a number or mailbox of several people gets the row of each person, so no two people share a key', () => {
    const anna = makeContact({ contactId: '7', firstName: 'Anna', lastName: 'Schmidt' });
    const bernd = makeContact({ contactId: '7', firstName: 'Bernd', lastName: 'Maier' });
    const eva = makeContact({ firstName: 'Eva', lastName: 'Lang', email: 'info@x.de' });
    const jan = makeContact({ firstName: 'Jan', lastName: 'Ott', email: 'info@x.de' });
    expect(keysOf(workbookOf([anna, bernd, eva, jan]))).toEqual([
      `c:7|r:Kontakte!${anna.row}`,
      `c:7|r:Kontakte!${bernd.row}`,
      `e:info@x.de|r:Kontakte!${eva.row}`,
      `e:info@x.de|r:Kontakte!${jan.row}`,
    ]);
  });
});

/** Messy rows from small pools, so that numbers, e-mails, names and firms collide across rows. */
const messyContact = fc.record({
  contactId: fc.constantFrom('', '', '1', '2'),
  customerId: fc.constantFrom('', 'K1', 'k1 ', 'K2'),
  email: fc.constantFrom('', '', 'a@x.de', 'A@x.de ', 'b@x.de', 'info@x.de', '-'),
  firstName: fc.constantFrom('', 'Eva', 'E.', 'Jürgen', 'Juergen', 'Bernd'),
  lastName: fc.constantFrom('', 'Lang', 'Lang-Ott', 'Maier'),
  company: fc.constantFrom('', 'ACME', 'acme gmbh', 'Müller GmbH'),
});

describe('identity graph: properties', () => {
  it('does not depend on the order of the rows', () => {
    fc.assert(
      fc.property(
        fc.array(messyContact, { maxLength: 12 }).chain((rows) =>
          fc.tuple(
            fc.constant(rows),
            fc.shuffledSubarray(
              rows.map((_, i) => i),
              { minLength: rows.length },
            ),
          ),
        ),
        ([rows, order]) => {
          const contacts = rows.map((fields, i) => tagged(String(i), fields));
          const shuffled = order.map((i) => tagged(String(i), rows[i]));
          expect(people(workbookOf(shuffled))).toEqual(people(workbookOf(contacts)));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('never puts two rows with clearly different names and e-mails together by their number alone', () => {
    fc.assert(
      fc.property(fc.array(messyContact, { maxLength: 12 }), (rows) => {
        const data = workbookOf(rows.map((fields, i) => tagged(String(i), fields)));
        const graph = identityGraph(data);
        for (const group of graph.sharedIdGroups()) {
          const persons = new Set(group.map((record) => graph.person[record]));
          expect(persons.size).toBeGreaterThan(1);
        }
      }),
      { numRuns: 200 },
    );
  });
});
