import type { BlockEntry, Contact, Recipient, RowRef, WorkbookData } from '../kernel/model';
import { ForgottenMatcher, type ForgottenToken } from './forgotten';
import {
  hasOwnAddress,
  workbookRecords,
  workbookRecordsSteps,
  type WorkbookRecords,
} from '../select/recipients';
import { codeIn, KeySet } from '../kernel/keySet';
import { keptSteps, ROWS_PER_STEP, runSteps, type Steps } from '../kernel/steps';
import { Buckets } from '../kernel/buckets';
import { mergeRecords } from './mergeFields';
import {
  firstNamesCompatible,
  lastNamesCompatible,
  normaliseCompany,
  normaliseEmail,
  normaliseName,
  normaliseStreet,
} from './normalise';
import { PairCoder } from './pairCoder';
import { UnionFind } from './unionFind';

/**
 * Who is the same person, as a graph over every person record of the workbook: two records are one person
 * when they share
 *  1. a contact number (customer number, for customers standing for themselves) — unless the names are clearly
 *     different and the e-mails too: then the number is a data error, the records stay apart and it is reported;
 *  2. a normalised e-mail address and compatible names (same last name, first names equal or one the initial of the
 *     other);
 *  3. the same normalised first and last name at the same firm: the same customer number, or — where one of them has
 *     none — the same company (two customer numbers are two firms, even of the same name: the branches of a chain);
 * and transitively so. A record that names a person only partly (no first or no last name, or no name at all), and a
 * record at a company without customer number, joins the one person it fits; where it fits several, it stays apart
 * rather than merge them. Unions take the smaller
 * record number as root, so a person is represented by its first record and the result does not depend on the order
 * the edges were found in.
 */

/** What excludes a person for good: an opt-out on any of their records (or their firm's), or the Sperrliste. */
export interface Carrier {
  reason: 'optOut' | 'blocklist';
  sheet: string;
  row: number;
  /** The opt-out column that was set. */
  column?: string;
}

/** How a campaign's channel counts a message (README, "Eine Person, eine Nachricht"). */
export type UnitKind = 'person' | 'address' | 'firm' | 'household';

export interface Units {
  kind: UnitKind;
  /** Per record: the unit's first record. */
  root: Int32Array;
  /** Whether an objection of one person in a unit excludes the whole unit: the message lands in their mailbox too. */
  shared: boolean;
}

const NONE = -1;
const NO_CODE = -1;
/** Up to this size a group's records are compared pair by pair. */
const PAIRWISE_GROUP = 32;

interface RecordCodes {
  /** 2 × id code + (0 contact number, 1 customer number of a customer record); -1 without. */
  id: Int32Array;
  email: Int32Array;
  first: Int32Array;
  last: Int32Array;
  /** The firm by customer number (a contact's, or a customer record's own); -1 without. */
  customer: Int32Array;
  /** The firm by normalised company name (a contact without one takes its customer's); -1 without. */
  company: Int32Array;
}

/** Whether an e-mail cell may start with "mailto:" (after blanks): the cheap test first, it runs per record. */
const mayBeMailto = (email: string): boolean => {
  const first = email.charCodeAt(0) | 0x20;
  return (first === 0x6d || first <= 0x20) && /^\s*mailto:/i.test(email);
};

/** The old key text of names and companies (kept so that stored member keys stay valid). */
const keyText = (text: string): string => text.trim().toLowerCase().normalize('NFC').replace(/\s+/g, ' ');

export class IdentityGraph {
  readonly records: WorkbookRecords;
  /** Per record: its person's first record. Set once, by the build (see steps). */
  person!: Int32Array;
  private codes!: RecordCodes;
  private readonly names: string[] = [];
  private readonly nameCodes = new Map<string, number>();
  private emailCodes!: KeySet;
  /** Per e-mail code its normalised text, per company code its: what forgotten entries are matched by. */
  private readonly emails: string[] = [];
  private readonly companies: string[] = [];
  private readonly fullNames = new PairCoder();
  private byId!: Buckets;
  private byEmail!: Buckets;
  private byCustomer!: Buckets;
  private byCompany!: Buckets;
  /** Records whose plain key ("c:7", "e:info@…") other people share: their key carries the person's first row. */
  private ambiguousKey!: Uint8Array;
  /** Contact numbers (id codes) used by more than one person. */
  readonly sharedIds: number[] = [];
  /** Sized when built: filled at random records, a growing array fell back to slow elements. */
  private keys!: Array<string | undefined>;
  private personLists: Buckets | null = null;
  private byFullName: Buckets | null = null;
  private rowIndex: Map<string, Map<number, number>> | null = null;
  private carriers: Array<Carrier | undefined> | null = null;
  private readonly merged = new Map<number, Recipient>();
  private readonly unitCache = new Map<UnitKind, Units>();
  private readonly unitLists = new Map<UnitKind, Buckets>();
  private readonly unitCarrierCache = new Map<UnitKind, Array<Carrier | undefined>>();

  /** `built: false` leaves the build to `steps` (see identityGraphSteps). */
  constructor(
    private readonly data: WorkbookData,
    built = true,
  ) {
    this.records = workbookRecords(data);
    if (built) runSteps(this.steps());
  }

  /** Builds the graph in steps (kernel/steps.ts): the pane pauses between them while it finds the duplicates. */
  *steps(): Steps<void> {
    const count = this.records.count;
    this.keys = new Array<string | undefined>(count);
    this.emailCodes = new KeySet(count);
    yield* this.emailCodes.prepare();
    this.codes = yield* this.encode();
    yield;
    this.byId = new Buckets(count);
    this.byEmail = new Buckets(count);
    this.byCustomer = new Buckets(count);
    this.byCompany = new Buckets(count);
    for (let r = count - 1; r >= 0; r--) {
      if (this.codes.id[r] !== NO_CODE) this.byId.add(this.codes.id[r], r);
      if (this.codes.email[r] !== NO_CODE) this.byEmail.add(this.codes.email[r], r);
      if (this.codes.customer[r] !== NO_CODE) this.byCustomer.add(this.codes.customer[r], r);
      if (this.codes.company[r] !== NO_CODE) this.byCompany.add(this.codes.company[r], r);
    }
    const people = new UnionFind(count);
    yield;
    this.joinFullNames(people);
    yield;
    this.joinUncertain(people);
    yield;
    this.person = people.roots();
    this.ambiguousKey = new Uint8Array(count);
    this.findSharedKeys();
  }

  /** The normalised codes of every record, read from the sheets' rows (no recipient is built for this). */
  private *encode(): Steps<RecordCodes> {
    const { records } = this;
    const count = records.count;
    const codes: RecordCodes = {
      id: new Int32Array(count),
      email: new Int32Array(count),
      first: new Int32Array(count),
      last: new Int32Array(count),
      customer: new Int32Array(count),
      company: new Int32Array(count),
    };
    const companies = new Map<string, number>();
    const rawNames = new Map<string, number>();
    const rawCompanies = new Map<string, number>();
    const nameCode = (raw: string): number => {
      let code = rawNames.get(raw);
      if (code === undefined) {
        const name = normaliseName(raw);
        code = name === '' ? NO_CODE : this.nameCode(name);
        rawNames.set(raw, code);
      }
      return code;
    };
    const companyCode = (raw: string): number => {
      let code = rawCompanies.get(raw);
      if (code === undefined) {
        const company = normaliseCompany(raw);
        rawCompanies.set(raw, (code = company === '' ? NO_CODE : codeIn(companies, company)));
        if (code === this.companies.length) this.companies.push(company);
      }
      return code;
    };
    // Read in sheet order once: most contacts name no company of their own and take their firm's, and looking it up
    // per contact, in a customer row far from the last one, was the dearest line of this loop.
    const { customers } = this.data;
    const firmCompanies = new Int32Array(customers.length);
    for (let c = 0; c < customers.length; c++)
      firmCompanies[c] = customers[c].company === '' ? NO_CODE : companyCode(customers[c].company);
    yield;
    for (let r = 0; r < count; r++) {
      if (r % ROWS_PER_STEP === ROWS_PER_STEP - 1) yield;
      const isContact = r < records.contactCount;
      const source = records.source(r);
      const firm = records.firmOf(r);
      const number = records.contactNumberOf(r);
      codes.id[r] = isContact ? (number < 0 ? NO_CODE : 2 * number) : firm < 0 ? NO_CODE : 2 * firm + 1;
      const email = source.email === '' ? null : normaliseEmail(source.email);
      codes.email[r] = email === null ? NO_CODE : this.emailCodes.code(email);
      if (codes.email[r] === this.emails.length) this.emails.push(email as string);
      codes.first[r] = source.firstName === '' ? NO_CODE : nameCode(source.firstName);
      codes.last[r] = source.lastName === '' ? NO_CODE : nameCode(source.lastName);
      codes.customer[r] = firm;
      const customer = records.customerOf[r];
      codes.company[r] =
        isContact && source.company !== ''
          ? companyCode(source.company)
          : customer < 0
            ? NO_CODE
            : firmCompanies[customer];
    }
    return codes;
  }

  private nameCode(name: string): number {
    const code = codeIn(this.nameCodes, name);
    if (code === this.names.length) this.names.push(name);
    return code;
  }

  private isFullNamed(record: number): boolean {
    return this.codes.first[record] !== NO_CODE && this.codes.last[record] !== NO_CODE;
  }

  private fullNameOf(record: number): number {
    return this.fullNames.code(this.codes.first[record], this.codes.last[record]);
  }

  private namesFit(a: number, b: number): boolean {
    const { first, last } = this.codes;
    const firsts = first[a] === first[b] || first[a] === NO_CODE || first[b] === NO_CODE;
    const lasts = last[a] === last[b] || last[a] === NO_CODE || last[b] === NO_CODE;
    return (
      (firsts || firstNamesCompatible(this.names[first[a]], this.names[first[b]])) &&
      (lasts || lastNamesCompatible(this.names[last[a]], this.names[last[b]]))
    );
  }

  /** Edges between records that name a person fully: number, e-mail and name at the firm (see above). */
  private joinFullNames(people: UnionFind): void {
    const { codes, records, byId, byEmail, byCustomer } = this;
    for (let r = 0; r < records.count; r++) {
      if (byId.first(codes.id[r]) === r && byId.isShared(codes.id[r]))
        this.joinWithin(people, byId, codes.id[r], 'number');
      if (byEmail.first(codes.email[r]) === r && byEmail.isShared(codes.email[r]))
        this.joinWithin(people, byEmail, codes.email[r], 'email');
      if (byCustomer.first(codes.customer[r]) === r && byCustomer.isShared(codes.customer[r]))
        this.joinWithin(people, byCustomer, codes.customer[r], 'firm');
    }
  }

  /** Whether two fully named records of one group are one person, by what the group shares. */
  private sameInGroup(a: number, b: number, shared: 'number' | 'email' | 'firm'): boolean {
    const { first, last, email } = this.codes;
    if (shared === 'firm') return first[a] === first[b] && last[a] === last[b];
    if (shared === 'number' && email[a] !== NO_CODE && email[a] === email[b]) return true;
    return this.namesFit(a, b);
  }

  /**
   * Pairs of fully named records in one group that are one person. A big group (a firm with hundreds of contacts, a
   * mailbox many rows share) is compared within its last names only, so the work stays near linear.
   */
  private joinWithin(people: UnionFind, buckets: Buckets, code: number, shared: 'number' | 'email' | 'firm') {
    const { next } = buckets;
    const group: number[] = [];
    for (let r = buckets.first(code); r !== NONE; r = next[r]) if (this.isFullNamed(r)) group.push(r);
    const parts = group.length <= PAIRWISE_GROUP ? [group] : this.byLastName(group);
    for (const part of parts)
      for (let i = 0; i < part.length; i++)
        for (let j = i + 1; j < part.length; j++)
          if (this.sameInGroup(part[i], part[j], shared)) people.union(part[i], part[j]);
  }

  private byLastName(group: readonly number[]): number[][] {
    const parts = new Map<number, number[]>();
    for (const r of group) {
      const part = parts.get(this.codes.last[r]);
      if (part) part.push(r);
      else parts.set(this.codes.last[r], [r]);
    }
    return [...parts.values()];
  }

  /** Partly named, or at a company without customer number: the evidence may fit more than one person. */
  private isUncertain(record: number): boolean {
    const { customer, company } = this.codes;
    return !this.isFullNamed(record) || (customer[record] === NO_CODE && company[record] !== NO_CODE);
  }

  /**
   * Uncertain records (see isUncertain) join the one person, as found by the edges of joinFullNames, that they share
   * a number, an e-mail or — with the name they have — a firm with. Fitting nobody or several, they join only records
   * just like them. Every decision rests on those edges alone, so none depends on row order.
   */
  private joinUncertain(people: UnionFind): void {
    const { codes, records } = this;
    const joins: number[] = [];
    const names = new PairCoder();
    const alike = new PairCoder();
    const firstAlike: number[] = [];
    const joinAlike = (key: number, record: number): void => {
      const pair = alike.code(key, names.code(codes.first[record] + 1, codes.last[record] + 1));
      if (pair < firstAlike.length) joins.push(firstAlike[pair], record);
      else firstAlike.push(record);
    };
    const fits = new Set<number>();
    for (let r = 0; r < records.count; r++) {
      if (!this.isUncertain(r)) continue;
      const named = codes.first[r] !== NO_CODE || codes.last[r] !== NO_CODE;
      fits.clear();
      if (!this.isFullNamed(r)) {
        this.collectFits(people, r, this.byId, codes.id[r], fits);
        this.collectFits(people, r, this.byEmail, codes.email[r], fits);
      }
      if (named) this.collectFits(people, r, this.byCustomer, codes.customer[r], fits);
      if (named) this.collectFits(people, r, this.byCompany, codes.company[r], fits);
      if (fits.size === 1) {
        joins.push(fits.values().next().value as number, r);
        continue;
      }
      // Four key spaces kept apart: id codes ×4, e-mail ×4 + 1, customer number ×4 + 2, company ×4 + 3.
      if (codes.id[r] !== NO_CODE) joinAlike(4 * codes.id[r], r);
      if (codes.email[r] !== NO_CODE) joinAlike(4 * codes.email[r] + 1, r);
      if (named && codes.customer[r] !== NO_CODE) joinAlike(4 * codes.customer[r] + 2, r);
      if (named && codes.company[r] !== NO_CODE) joinAlike(4 * codes.company[r] + 3, r);
    }
    for (let i = 0; i < joins.length; i += 2) people.union(joins[i], joins[i + 1]);
  }

  /** Two records at one firm: the same customer number, or one without and the same company. */
  private sameFirm(a: number, b: number): boolean {
    const { customer, company } = this.codes;
    if (customer[a] !== NO_CODE && customer[b] !== NO_CODE) return customer[a] === customer[b];
    return company[a] !== NO_CODE && company[a] === company[b];
  }

  /**
   * The persons (roots) of the fully named records in the group whose names fit the record's (and, in the group of a
   * firm, that are at the record's firm); stops at two.
   */
  private collectFits(people: UnionFind, record: number, buckets: Buckets, code: number, fits: Set<number>) {
    if (code === NO_CODE) return;
    const firms = buckets === this.byCustomer || buckets === this.byCompany;
    for (let other = buckets.first(code); other !== NONE && fits.size < 2; other = buckets.next[other]) {
      if (other === record || !this.isFullNamed(other) || !this.namesFit(record, other)) continue;
      if (!firms || this.sameFirm(record, other)) fits.add(people.find(other));
    }
  }

  /** Numbers, e-mails and name keys that name more than one person (see keyOf). */
  private findSharedKeys(): void {
    const { codes, records, person } = this;
    // Made once, not per record: a closure per record was most of what this step allocated.
    const everyRecord = (): boolean => true;
    const withoutNumber = (other: number): boolean => codes.id[other] === NO_CODE;
    for (let r = 0; r < records.count; r++) {
      if (
        codes.id[r] !== NO_CODE &&
        this.byId.first(codes.id[r]) === r &&
        this.markShared(this.byId, codes.id[r], everyRecord)
      )
        this.sharedIds.push(codes.id[r]);
      if (codes.email[r] !== NO_CODE && this.byEmail.first(codes.email[r]) === r)
        this.markShared(this.byEmail, codes.email[r], withoutNumber);
    }
    const nameKeys = new Map<string, number>();
    const nameKeyed: number[] = [];
    for (let r = 0; r < records.count; r++) {
      if (codes.id[r] !== NO_CODE || codes.email[r] !== NO_CODE) continue;
      const key = this.plainKey(r);
      if (!key.startsWith('n:')) continue;
      const owner = nameKeys.get(key);
      if (owner === undefined) nameKeys.set(key, person[r]);
      else if (owner !== person[r]) nameKeys.set(key, NONE);
      nameKeyed.push(r);
    }
    for (const r of nameKeyed) if (nameKeys.get(this.plainKey(r)) === NONE) this.ambiguousKey[r] = 1;
  }

  /** Marks the group's records (those `counts`) when they belong to more than one person; true if so. */
  private markShared(buckets: Buckets, code: number, counts: (record: number) => boolean): boolean {
    let owner = NONE;
    let shared = false;
    for (let r = buckets.first(code); r !== NONE; r = buckets.next[r]) {
      if (!counts(r)) continue;
      if (owner === NONE) owner = this.person[r];
      else if (this.person[r] !== owner) shared = true;
    }
    if (shared)
      for (let r = buckets.first(code); r !== NONE; r = buckets.next[r])
        if (counts(r)) this.ambiguousKey[r] = 1;
    return shared;
  }

  /** "c:<contact number>", "k:<customer number>", "e:<e-mail>", "n:<first last>|<company or customer number>", "r:<sheet>!<row>". */
  private plainKey(record: number): string {
    const recipient = this.records.recipient(record);
    const { codes } = this;
    if (codes.id[record] !== NO_CODE)
      return record < this.records.contactCount
        ? `c:${recipient.contactId.trim()}`
        : `k:${recipient.customerId.trim()}`;
    if (codes.email[record] !== NO_CODE) return `e:${recipient.email.trim().toLowerCase()}`;
    const name = keyText(`${recipient.firstName} ${recipient.lastName}`);
    const firm = keyText(recipient.company) || recipient.customerId.trim().toLowerCase();
    if (name && firm) return `n:${name}|${firm}`;
    return `r:${recipient.sheet}!${recipient.row}`;
  }

  /**
   * A record's stable key: its plain key, or — where other people share that number, e-mail or name — the plain key
   * with the sheet and row of the person's first record ("c:7|r:Kontakte!12"), so that no two people share a key.
   */
  keyOf(record: number): string {
    let key = this.keys[record];
    if (key === undefined) {
      key = this.plainKey(record);
      if (this.ambiguousKey[record] === 1) {
        const first = this.records.recipient(this.person[record]);
        key = `${key}|r:${first.sheet}!${first.row}`;
      }
      this.keys[record] = key;
    }
    return key;
  }

  private personListsOf(): Buckets {
    return (this.personLists ??= this.listsBy(this.person));
  }

  /** The records of a person, in sheet order. */
  recordsOf(person: number): number[] {
    return this.walk(this.personListsOf(), person);
  }

  /** Whether the person is only this one record (most are): nothing to merge. */
  isSingle(person: number): boolean {
    const lists = this.personListsOf();
    return lists.first(person) === person && lists.next[person] === NONE;
  }

  /** The person as one recipient, its records merged field by field (see mergeFields.ts). */
  personRecipient(person: number): Recipient {
    if (this.isSingle(person)) return this.records.recipient(person);
    let merged = this.merged.get(person);
    if (merged === undefined) {
      merged = mergeRecords(this.recordsOf(person).map((r) => this.records.recipient(r)));
      this.merged.set(person, merged);
    }
    return merged;
  }

  /** What excludes the person for good, or undefined. */
  carrierOf(person: number): Carrier | undefined {
    return (this.carriers ??= this.findCarriers())[person];
  }

  private findCarriers(): Array<Carrier | undefined> {
    const carriers = new Array<Carrier | undefined>(this.records.count);
    for (let r = 0; r < this.records.count; r++) {
      const person = this.person[r];
      if (carriers[person] === undefined) carriers[person] = this.optOutOf(r);
    }
    const forgotten: { token: ForgottenToken; value: Carrier }[] = [];
    for (const blocklist of this.data.blocklists ?? []) {
      for (const entry of blocklist.entries) {
        const carrier: Carrier = { reason: 'blocklist', sheet: entry.sheet, row: entry.row };
        if (entry.forgotten) forgotten.push({ token: entry.forgotten, value: carrier });
        else for (const r of this.blockedBy(entry)) carriers[this.person[r]] ??= carrier;
      }
    }
    if (forgotten.length > 0) {
      const matcher = new ForgottenMatcher(forgotten);
      for (let r = 0; r < this.records.count; r++) {
        const person = this.person[r];
        if (carriers[person] !== undefined) continue;
        const carrier = this.matchForgotten(matcher, r);
        if (carrier) carriers[person] = carrier;
      }
    }
    return carriers;
  }

  /**
   * A record against the forgotten entries, with the names, firm and e-mail normalised once in encode (no recipient
   * is built): the same texts as recognitionTexts of the record's recipient. The two cases where encode read
   * something else — an e-mail written "mailto:…", a company of blanks the recipient takes its firm's for — go the
   * recipient's way.
   */
  private matchForgotten<T>(matcher: ForgottenMatcher<T>, record: number): T | undefined {
    const { codes } = this;
    const source = this.records.source(record);
    const customer = this.records.customer(record);
    if (
      (codes.email[record] !== NO_CODE && mayBeMailto(source.email)) ||
      (codes.company[record] === NO_CODE && source.company !== '' && customer !== undefined)
    )
      return matcher.match(this.records.recipient(record));
    const email = codes.email[record] === NO_CODE ? '' : this.emails[codes.email[record]];
    if (!this.isFullNamed(record)) return matcher.matchNormalised(email, '', '', '', '');
    const isContact = record < this.records.contactCount;
    const { postalCode } = isContact && customer && !hasOwnAddress(source as Contact) ? customer : source;
    return matcher.matchNormalised(
      email,
      this.names[codes.first[record]],
      this.names[codes.last[record]],
      codes.company[record] === NO_CODE ? '' : this.companies[codes.company[record]],
      postalCode === '' ? '' : postalCode.trim(),
    );
  }

  /** A contact's own opt-out, else its firm's (the customer row carries it). */
  private optOutOf(record: number): Carrier | undefined {
    const source = this.records.source(record);
    const customer = this.records.customer(record);
    const carrier =
      source.optOut !== null
        ? source
        : customer !== undefined && customer.optOut !== null
          ? customer
          : undefined;
    if (carrier === undefined) return undefined;
    return { reason: 'optOut', sheet: carrier.sheet, row: carrier.row, column: carrier.optOut ?? undefined };
  }

  /** The records a Sperrliste entry names: same e-mail, or same name at the same postal code (and street, if given). */
  private blockedBy(entry: BlockEntry): number[] {
    const found: number[] = [];
    const email = normaliseEmail(entry.email);
    const emailCode = email === null ? -1 : this.emailCodes.indexOf(email);
    if (emailCode >= 0)
      for (let r = this.byEmail.first(emailCode); r !== NONE; r = this.byEmail.next[r]) found.push(r);
    const first = this.nameCodes.get(normaliseName(entry.firstName));
    const last = this.nameCodes.get(normaliseName(entry.lastName));
    const place = entry.postalCode.trim() || normaliseCompany(entry.city);
    if (first === undefined || last === undefined || place === '') return found;
    const street = normaliseStreet(entry.street);
    const byName = (this.byFullName ??= this.fullNameLists());
    for (let r = byName.first(this.fullNames.code(first, last)); r !== NONE; r = byName.next[r]) {
      const recipient = this.records.recipient(r);
      const samePlace = entry.postalCode.trim()
        ? recipient.postalCode.trim() === place
        : normaliseCompany(recipient.city) === place;
      if (samePlace && (street === '' || normaliseStreet(recipient.street) === street)) found.push(r);
    }
    return found;
  }

  private fullNameLists(): Buckets {
    const lists = new Buckets(this.records.count);
    for (let r = this.records.count - 1; r >= 0; r--)
      if (this.isFullNamed(r)) lists.add(this.fullNameOf(r), r);
    return lists;
  }

  /** The units of a channel: persons, joined by e-mail address, firm or household. */
  units(kind: UnitKind): Units {
    let units = this.unitCache.get(kind);
    if (units === undefined) {
      units = { kind, root: this.unitRoots(kind), shared: kind === 'address' || kind === 'household' };
      this.unitCache.set(kind, units);
    }
    return units;
  }

  private unitRoots(kind: UnitKind): Int32Array {
    if (kind === 'person') return this.person;
    const units = new UnionFind(this.records.count, this.person);
    const joined =
      kind === 'address'
        ? [this.byEmail]
        : kind === 'firm'
          ? [this.byCustomer, this.byCompany]
          : [this.byHousehold()];
    for (const buckets of joined) {
      for (let r = 0; r < this.records.count; r++) {
        const next = buckets.next[r];
        if (next !== NONE) units.union(r, next);
      }
    }
    return units.roots();
  }

  /** Same street, postal code and last name. */
  private byHousehold(): Buckets {
    const households = new Map<string, number>();
    const buckets = new Buckets(this.records.count);
    for (let r = this.records.count - 1; r >= 0; r--) {
      if (this.codes.last[r] === NO_CODE) continue;
      const { street, postalCode } = this.records.recipient(r);
      const place = normaliseStreet(street);
      if (place === '' || postalCode.trim() === '') continue;
      buckets.add(codeIn(households, `${place}\u0000${postalCode.trim()}\u0000${this.codes.last[r]}`), r);
    }
    return buckets;
  }

  private unitListsOf(units: Units): Buckets {
    let lists = this.unitLists.get(units.kind);
    if (lists === undefined) this.unitLists.set(units.kind, (lists = this.listsBy(units.root)));
    return lists;
  }

  /** The records of a unit, in sheet order. */
  recordsOfUnit(units: Units, unit: number): number[] {
    return this.walk(this.unitListsOf(units), unit);
  }

  /** The smallest key of the unit's records: it stays the unit's key when rows are added in sheet order later. */
  unitKey(units: Units, unit: number): string {
    const lists = this.unitListsOf(units);
    let smallest = this.keyOf(unit);
    for (let r = lists.next[unit]; r !== NONE; r = lists.next[r]) {
      const key = this.keyOf(r);
      if (key < smallest) smallest = key;
    }
    return smallest;
  }

  /**
   * Per unit (its first record): what excludes everyone in it, for channels where one person's objection holds for the
   * unit — the first opt-out of its people, else the first Sperrliste entry.
   */
  unitCarriers(units: Units): Array<Carrier | undefined> {
    let carriers = this.unitCarrierCache.get(units.kind);
    if (carriers === undefined) {
      carriers = new Array<Carrier | undefined>(this.records.count);
      for (let r = 0; r < this.records.count; r++) {
        const carrier = this.carrierOf(this.person[r]);
        const unit = units.root[r];
        if (
          carrier !== undefined &&
          (carriers[unit] === undefined ||
            (carrier.reason === 'optOut' && carriers[unit].reason !== 'optOut'))
        )
          carriers[unit] = carrier;
      }
      this.unitCarrierCache.set(units.kind, carriers);
    }
    return carriers;
  }

  private listsBy(roots: Int32Array): Buckets {
    const lists = new Buckets(this.records.count);
    for (let r = this.records.count - 1; r >= 0; r--) lists.add(roots[r], r);
    return lists;
  }

  private walk(lists: Buckets, root: number): number[] {
    const records: number[] = [];
    for (let r = lists.first(root); r !== NONE; r = lists.next[r]) records.push(r);
    return records;
  }

  /** The record read from this sheet row, or -1 (a row of another workbook). */
  recordAt({ sheet, row }: RowRef): number {
    if (this.rowIndex === null) {
      this.rowIndex = new Map();
      for (let r = 0; r < this.records.count; r++) {
        const source = this.records.source(r);
        let rows = this.rowIndex.get(source.sheet);
        if (rows === undefined) this.rowIndex.set(source.sheet, (rows = new Map()));
        rows.set(source.row, r);
      }
    }
    return this.rowIndex.get(sheet)?.get(row) ?? NONE;
  }

  /** Groups of records sharing a contact number that belong to different people. */
  sharedIdGroups(): number[][] {
    return this.sharedIds.map((code) => this.walk(this.byId, code));
  }
}

const graphs = new WeakMap<WorkbookData, IdentityGraph>();

/** The workbook's identity graph, built once per parsed workbook. */
export const identityGraph = (data: WorkbookData): IdentityGraph => {
  let graph = graphs.get(data);
  if (graph === undefined) graphs.set(data, (graph = new IdentityGraph(data)));
  return graph;
};

/** identityGraph in steps; a graph built at once meanwhile (identityGraph) is the one kept (see keptSteps). */
export const identityGraphSteps = (data: WorkbookData): Steps<IdentityGraph> =>
  keptSteps(graphs, data, function* () {
    yield* workbookRecordsSteps(data);
    const graph = new IdentityGraph(data, false);
    yield* graph.steps();
    return graph;
  });
