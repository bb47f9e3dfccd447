import type { Recipient } from '../../../src/core/kernel/model';
import { letterFor, type LetterOptions } from '../../../src/core/outputs/letter';
import { completeRecipient } from './memberBuilders';

/** A person at no firm in Dresden: every case states only what it changes. */
const person = (overrides: Partial<Recipient>): Recipient =>
  completeRecipient({ company: '', title: '', country: '', extra: {}, ...overrides });

const de: LetterOptions = { language: 'de' };
const en: LetterOptions = { language: 'en' };

describe('letterFor: the Briefanrede', () => {
  it.each<[string, Partial<Recipient>, string]>([
    ['woman', { salutation: 'Frau', lastName: 'Schmidt' }, 'Sehr geehrte Frau Schmidt,'],
    ['man', { salutation: 'Herr', lastName: 'Müller' }, 'Sehr geehrter Herr Müller,'],
    [
      '"Herrn" in the Anrede column',
      { salutation: 'Herrn', lastName: 'Öztürk' },
      'Sehr geehrter Herr Öztürk,',
    ],
    ['abbreviations', { salutation: 'Fr.', lastName: 'Lang' }, 'Sehr geehrte Frau Lang,'],
    ['doctor', { salutation: 'Frau', title: 'Dr.', lastName: 'Schmidt' }, 'Sehr geehrte Frau Dr. Schmidt,'],
    [
      '"Dr." once',
      { salutation: 'Herr', title: 'Dr. Dr.', lastName: 'Kraus' },
      'Sehr geehrter Herr Dr. Kraus,',
    ],
    [
      '"Dr." abbreviated',
      { salutation: 'Herr', title: 'Dr.-Ing.', lastName: 'Kraus' },
      'Sehr geehrter Herr Dr. Kraus,',
    ],
    [
      '"Dr. med."',
      { salutation: 'Frau', title: 'Dr. med.', lastName: 'Wolf' },
      'Sehr geehrte Frau Dr. Wolf,',
    ],
    [
      '"Professor" written out',
      { salutation: 'Hr.', title: 'Prof. Dr.', lastName: 'Weber' },
      'Sehr geehrter Herr Professor Weber,',
    ],
    [
      'a woman professor',
      { salutation: 'Frau', title: 'Prof.', lastName: 'Braun' },
      'Sehr geehrte Frau Professorin Braun,',
    ],
    [
      'Dipl.-Ing. never',
      { salutation: 'Herr', title: 'Dipl.-Ing.', lastName: 'Koch' },
      'Sehr geehrter Herr Koch,',
    ],
    ['M.A. never', { salutation: 'Frau', title: 'M.A.', lastName: 'Vogel' }, 'Sehr geehrte Frau Vogel,'],
    [
      'title in the Anrede column',
      { salutation: 'Herr Dr.', lastName: 'Fuchs' },
      'Sehr geehrter Herr Dr. Fuchs,',
    ],
    [
      'nobility particle',
      { salutation: 'Frau', lastName: 'von der Leyen' },
      'Sehr geehrte Frau von der Leyen,',
    ],
    [
      'rank of nobility',
      { salutation: 'Herr', firstName: 'Karl', lastName: 'Freiherr von Stein' },
      'Sehr geehrter Freiherr von Stein,',
    ],
    ['unknown gender', { salutation: '', firstName: 'Anna', lastName: 'Schmidt' }, 'Guten Tag Anna Schmidt,'],
    ['diverse', { salutation: 'Divers', firstName: 'Alex', lastName: 'Kim' }, 'Guten Tag Alex Kim,'],
    [
      'unknown gender, doctor',
      { salutation: '', title: 'Dr.', firstName: 'Alex', lastName: 'Kim' },
      'Guten Tag Dr. Alex Kim,',
    ],
    [
      'family',
      { salutation: 'Familie', firstName: '', lastName: 'Schulze' },
      'Sehr geehrte Familie Schulze,',
    ],
    ['no name', { salutation: 'Frau', firstName: '', lastName: '' }, 'Sehr geehrte Damen und Herren,'],
    [
      'firm record',
      { salutation: 'Firma', firstName: '', lastName: '', company: 'Bau AG' },
      'Sehr geehrte Damen und Herren,',
    ],
  ])('de, %s: %p', (_case, fields, greeting) => {
    expect(letterFor(person(fields), de).greeting).toBe(greeting);
  });

  it.each<[string, Partial<Recipient>, string]>([
    ['woman', { salutation: 'Ms', lastName: 'Smith' }, 'Dear Ms Smith,'],
    ['German Anrede', { salutation: 'Frau', lastName: 'Schmidt' }, 'Dear Ms Schmidt,'],
    ['man', { salutation: 'Mr.', lastName: 'Jones' }, 'Dear Mr Jones,'],
    ['doctor', { salutation: 'Mrs', title: 'Dr.', lastName: 'Smith' }, 'Dear Dr Smith,'],
    ['professor', { salutation: 'Herr', title: 'Prof. Dr.', lastName: 'Weber' }, 'Dear Professor Weber,'],
    ['degree never', { salutation: 'Ms', title: 'MBA', lastName: 'Brown' }, 'Dear Ms Brown,'],
    ['nobility particle', { salutation: 'Mr', lastName: 'van Dyke' }, 'Dear Mr van Dyke,'],
    ['diverse', { salutation: 'Mx', firstName: 'Sam', lastName: 'Lee' }, 'Dear Sam Lee,'],
    [
      'unknown gender, doctor',
      { salutation: '', title: 'Dr.', firstName: 'Sam', lastName: 'Lee' },
      'Dear Dr Lee,',
    ],
    ['family', { salutation: 'Family', firstName: '', lastName: 'Miller' }, 'Dear Miller family,'],
    ['no name', { salutation: '', firstName: '', lastName: '' }, 'Dear Sir or Madam,'],
  ])('en, %s: %p', (_case, fields, greeting) => {
    expect(letterFor(person(fields), en).greeting).toBe(greeting);
  });

  it('greets a name without gender generally when the campaign says so, a diverse person still by name', () => {
    const general: LetterOptions = { language: 'de', neutralGreeting: 'general' };
    expect(letterFor(person({ salutation: '', lastName: 'Schmidt' }), general).greeting).toBe(
      'Sehr geehrte Damen und Herren,',
    );
    expect(
      letterFor(person({ salutation: 'Divers', firstName: 'Alex', lastName: 'Kim' }), general).greeting,
    ).toBe('Guten Tag Alex Kim,');
  });

  it.each<[string, Record<string, string>, Partial<Recipient>, string]>([
    ['wins over the rules', { Briefanrede: 'Liebe Anna,' }, { salutation: 'Frau' }, 'Liebe Anna,'],
    ['under another header', { 'Anrede (Brief)': 'Hallo Team,' }, {}, 'Hallo Team,'],
    ['empty: the rules decide', { Briefanrede: '' }, { salutation: 'Frau' }, 'Sehr geehrte Frau Schmidt,'],
    [
      'holding only "Herr": read as the Anrede',
      { Briefanrede: 'Herr' },
      { salutation: '' },
      'Sehr geehrter Herr Schmidt,',
    ],
  ])("the user's own Briefanrede column %s", (_case, extra, fields, greeting) => {
    expect(letterFor(person({ extra, lastName: 'Schmidt', ...fields }), de).greeting).toBe(greeting);
  });

  it.each<[Partial<Recipient>, boolean]>([
    [{ salutation: '', lastName: 'Schmidt' }, true],
    [{ salutation: 'Frau', lastName: 'Schmidt' }, false],
    [{ salutation: 'Divers', lastName: 'Schmidt' }, false],
    [{ salutation: '', firstName: '', lastName: '' }, false],
    [{ salutation: '', lastName: 'Schmidt', extra: { Briefanrede: 'Liebe Anna,' } }, false],
  ])('says whether a named person lacks the Anrede: %p → %p', (fields, missing) => {
    expect(letterFor(person(fields), de).salutationMissing).toBe(missing);
  });
});

describe('letterFor: the address lines (DIN 5008)', () => {
  it.each<[string, Partial<Recipient>, string[]]>([
    [
      'private person: "Frau" and the name on one line, no country for domestic mail',
      {
        salutation: 'Frau',
        title: 'Dr.',
        firstName: 'Anna',
        lastName: 'Schmidt',
        street: 'Hauptstraße 1',
        postalCode: '01067',
        city: 'Dresden',
        country: 'DE',
      },
      ['Frau Dr. Anna Schmidt', 'Hauptstraße 1', '01067 Dresden'],
    ],
    [
      'a man in the accusative, all prefix titles as written',
      {
        salutation: 'Herr',
        title: 'Prof. Dr.',
        firstName: 'Karl',
        lastName: 'Weber',
        country: 'Deutschland',
      },
      ['Herrn Prof. Dr. Karl Weber', 'Hauptstraße 1', '01067 Dresden'],
    ],
    [
      'Dipl.-Ing. before, M.A. after the name',
      { salutation: 'Frau', title: 'Dipl.-Ing. M.A.', firstName: 'Eva', lastName: 'Roth' },
      ['Frau Dipl.-Ing. Eva Roth M.A.', 'Hauptstraße 1', '01067 Dresden'],
    ],
    [
      'a person at a firm: the firm first',
      { company: 'Schmidt Bau GmbH', salutation: 'Frau', firstName: 'Anna', lastName: 'Schmidt' },
      ['Schmidt Bau GmbH', 'Frau Anna Schmidt', 'Hauptstraße 1', '01067 Dresden'],
    ],
    [
      'a firm without a person',
      { company: 'Elbtal Metallbau GmbH', salutation: '', firstName: '', lastName: '' },
      ['Elbtal Metallbau GmbH', 'Hauptstraße 1', '01067 Dresden'],
    ],
    [
      'nobility: particle and rank stay in the name',
      { salutation: 'Herr', firstName: 'Karl', lastName: 'Freiherr von Stein' },
      ['Herrn Karl Freiherr von Stein', 'Hauptstraße 1', '01067 Dresden'],
    ],
    [
      'unknown gender and diverse: the name without "Herrn"/"Frau"',
      { salutation: 'Divers', firstName: 'Alex', lastName: 'Kim' },
      ['Alex Kim', 'Hauptstraße 1', '01067 Dresden'],
    ],
    [
      'family',
      { salutation: 'Familie', firstName: '', lastName: 'Schulze' },
      ['Familie Schulze', 'Hauptstraße 1', '01067 Dresden'],
    ],
    [
      'department and c/o below the person',
      {
        company: 'Stadtwerke Gera',
        salutation: 'Herr',
        firstName: 'Uwe',
        lastName: 'Lang',
        extra: { Abteilung: 'Einkauf', 'c/o': 'Technologiezentrum' },
      },
      [
        'Stadtwerke Gera',
        'Herrn Uwe Lang',
        'Einkauf',
        'c/o Technologiezentrum',
        'Hauptstraße 1',
        '01067 Dresden',
      ],
    ],
    [
      'an Adresszusatz as written',
      { extra: { Adresszusatz: 'bei Müller' } },
      ['Frau Anna Schmidt', 'bei Müller', 'Hauptstraße 1', '01067 Dresden'],
    ],
    [
      'Postfach instead of a street',
      { street: '', postalCode: '01001', extra: { Postfach: '10 02 34' } },
      ['Frau Anna Schmidt', 'Postfach 10 02 34', '01001 Dresden'],
    ],
    [
      'a Postfach already in the street column',
      { street: 'Postfach 12 34 56', postalCode: '01001' },
      ['Frau Anna Schmidt', 'Postfach 12 34 56', '01001 Dresden'],
    ],
    [
      'Austria: the country in German capitals',
      { city: 'Wien', postalCode: '1010', street: 'Graben 1', country: 'AT' },
      ['Frau Anna Schmidt', 'Graben 1', '1010 Wien', 'ÖSTERREICH'],
    ],
    [
      'Switzerland by its German name, the town as the Swiss write it',
      { city: 'Zürich', postalCode: '8001', country: 'Schweiz' },
      ['Frau Anna Schmidt', 'Hauptstraße 1', '8001 Zürich', 'SCHWEIZ'],
    ],
    [
      'Britain: post town in capitals, then the postcode',
      { street: '10 Downing Street', city: 'London', postalCode: 'SW1A 2AA', country: 'UK' },
      ['Frau Anna Schmidt', '10 Downing Street', 'LONDON', 'SW1A 2AA', 'VEREINIGTES KÖNIGREICH'],
    ],
    [
      'United States: the ZIP code after the town',
      { street: '1 Main St', city: 'Springfield IL', postalCode: '62701', country: 'USA' },
      ['Frau Anna Schmidt', '1 Main St', 'Springfield IL 62701', 'VEREINIGTE STAATEN'],
    ],
    [
      'an unknown country as written, in capitals',
      { city: 'Reykjavík', postalCode: '101', country: 'Island' },
      ['Frau Anna Schmidt', 'Hauptstraße 1', '101 Reykjavík', 'ISLAND'],
    ],
    [
      'seven lines: the department gives way',
      {
        company: 'Lakeside Ltd',
        salutation: 'Herr',
        firstName: 'Tom',
        lastName: 'Hill',
        street: '5 High St',
        city: 'York',
        postalCode: 'YO1 7HH',
        country: 'GB',
        extra: { Department: 'Sales' },
      },
      ['Lakeside Ltd', 'Herrn Tom Hill', '5 High St', 'YORK', 'YO1 7HH', 'VEREINIGTES KÖNIGREICH'],
    ],
    [
      'still seven: the British town and postcode share a line',
      {
        company: 'Lakeside Ltd',
        salutation: 'Herr',
        firstName: 'Tom',
        lastName: 'Hill',
        street: '5 High St',
        city: 'York',
        postalCode: 'YO1 7HH',
        country: 'GB',
        extra: { 'c/o': 'Regus' },
      },
      ['Lakeside Ltd', 'Herrn Tom Hill', 'c/o Regus', '5 High St', 'YORK YO1 7HH', 'VEREINIGTES KÖNIGREICH'],
    ],
  ])('de, %s', (_case, fields, lines) => {
    expect(letterFor(person(fields), de).addressLines).toEqual(lines);
  });

  it.each<[string, Partial<Recipient>, string[]]>([
    [
      'courtesy title, no "Herrn"',
      { salutation: 'Herr', firstName: 'Karl', lastName: 'Weber', company: 'Weber KG' },
      ['Weber KG', 'Mr Karl Weber', 'Hauptstraße 1', '01067 Dresden'],
    ],
    [
      'doctor instead of Ms, degree after the name',
      { salutation: 'Frau', title: 'Dr. M.A.', firstName: 'Anna', lastName: 'Schmidt' },
      ['Dr Anna Schmidt M.A.', 'Hauptstraße 1', '01067 Dresden'],
    ],
    [
      'professor written out',
      { salutation: 'Herr', title: 'Prof. Dr.', firstName: 'Karl', lastName: 'Weber' },
      ['Professor Karl Weber', 'Hauptstraße 1', '01067 Dresden'],
    ],
    [
      'the country in English capitals',
      { city: 'Wien', postalCode: '1010', country: 'Österreich' },
      ['Ms Anna Schmidt', 'Hauptstraße 1', '1010 Wien', 'AUSTRIA'],
    ],
    [
      'PO Box',
      { street: '', extra: { 'PO Box': '1234' } },
      ['Ms Anna Schmidt', 'PO Box 1234', '01067 Dresden'],
    ],
  ])('en, %s', (_case, fields, lines) => {
    expect(letterFor(person(fields), en).addressLines).toEqual(lines);
  });

  it.each<[LetterOptions, string[]]>([
    [{ language: 'de', addressee: 'person' }, ['Schmidt Bau GmbH', 'Frau Anna Schmidt']],
    [{ language: 'de', addressee: 'company' }, ['Schmidt Bau GmbH', 'z. Hd. Frau Anna Schmidt']],
    [{ language: 'en', addressee: 'company' }, ['Schmidt Bau GmbH', 'Attn: Ms Anna Schmidt']],
  ])('writes to the person or to the firm for their attention: %p', (options, firstLines) => {
    const lines = letterFor(person({ company: 'Schmidt Bau GmbH' }), options).addressLines;
    expect(lines.slice(0, 2)).toEqual(firstLines);
  });

  it('writes "z. Hd." only where there is a firm and a person', () => {
    const options: LetterOptions = { language: 'de', addressee: 'company' };
    expect(letterFor(person({}), options).addressLines[0]).toBe('Frau Anna Schmidt');
    expect(
      letterFor(person({ company: 'Bau AG', firstName: '', lastName: '', salutation: '' }), options)
        .addressLines[0],
    ).toBe('Bau AG');
  });
});
