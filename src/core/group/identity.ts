import type { Recipient } from '../kernel/model';

/**
 * Who is the same person, as a cascade:
 * 1. both have an id of the same kind (contact id, or customer number for customer recipients) → the ids decide;
 * 2. else both have an e-mail → the e-mails decide (trimmed, case-insensitive);
 * 3. else the same normalised first+last name at the same customer number or the same company.
 * Distinct contact ids are distinct people even when they share an office mailbox. The relation is not transitive
 * (a record without id may match two people with different ids by e-mail), see targetGroup.ts for what follows.
 */

type IdKind = 'c' | 'k';

export interface IdentityKeys {
  /** "c:<contactId>" or "k:<customerId>" (customer recipients), else null. */
  id: string | null;
  idKind: IdKind | null;
  email: string | null;
  /** "n:<name>|k:<customerId>" and/or "n:<name>|f:<company>". */
  names: string[];
  /** Stable display key of the person, see memberKey. */
  key: string;
}

const NEEDS_NFC = /[^\x00-\x7f]/;
const IRREGULAR_SPACE = /\s\s|[^\S ]/;
/** Trimmed, lower-case, composed umlauts, single spaces; the regex tests keep the common plain case cheap. */
const normaliseText = (text: string): string => {
  let normalised = text.trim().toLowerCase();
  if (NEEDS_NFC.test(normalised)) normalised = normalised.normalize('NFC');
  return IRREGULAR_SPACE.test(normalised) ? normalised.replace(/\s+/g, ' ') : normalised;
};

/** A value without "@" (e.g. "-", "keine") is not an e-mail and must not merge people. */
const emailKey = (email: string): string | null => {
  const normalised = email.trim().toLowerCase();
  return normalised.includes('@') ? normalised : null;
};

const personName = (recipient: Recipient): string =>
  normaliseText(`${recipient.firstName} ${recipient.lastName}`);

/** The normalised fields every identity key is made of. */
interface IdentityParts {
  idKind: IdKind | null;
  contactId: string;
  customerId: string;
  email: string | null;
  name: string;
  company: string;
}

const identityParts = (recipient: Recipient): IdentityParts => {
  const contactId = recipient.contactId.trim();
  const customerId = recipient.customerId.trim();
  const idKind: IdKind | null =
    recipient.kind === 'customer' ? (customerId ? 'k' : null) : contactId ? 'c' : null;
  return {
    idKind,
    contactId,
    customerId,
    email: emailKey(recipient.email),
    name: personName(recipient),
    company: normaliseText(recipient.company),
  };
};

const displayKey = (recipient: Recipient, parts: IdentityParts, id: string | null): string => {
  const { email, name, company, customerId } = parts;
  if (id !== null) return id;
  if (email !== null) return `e:${email}`;
  if (name && (company || customerId)) return `n:${name}|${company || customerId.toLowerCase()}`;
  return `r:${recipient.sheet}!${recipient.row}`;
};

/** A record without id, e-mail and name pair is only itself: its display key then serves as its id. */
const namesNobody = (parts: IdentityParts): boolean =>
  parts.email === null && !(parts.name && (parts.customerId || parts.company));

/** "c:<contactId>" or "k:<customerId>", else null. */
const idKey = ({ idKind, contactId, customerId }: IdentityParts): string | null =>
  idKind === 'c' ? `c:${contactId}` : idKind === 'k' ? `k:${customerId}` : null;

export const identityKeys = (recipient: Recipient): IdentityKeys => {
  const parts = identityParts(recipient);
  const { idKind, customerId, email, name, company } = parts;
  const id = idKey(parts);
  const names: string[] = [];
  if (name && customerId) names.push(`n:${name}|k:${customerId.toLowerCase()}`);
  if (name && company) names.push(`n:${name}|f:${company}`);
  const key = displayKey(recipient, parts, id);
  return { id: id ?? (namesNobody(parts) ? key : null), idKind, email, names, key };
};

/**
 * The person's key: "c:<contactId>", "k:<customerId>" (customer recipients), "e:<email>",
 * "n:<first last>|<company or customerId>", or "r:<sheet>!<row>" for a row that names nobody recognisably.
 */
export const memberKey = (recipient: Recipient): string => identityKeys(recipient).key;

const sameIdentity = (a: IdentityKeys, b: IdentityKeys): boolean => {
  if (a.id !== null && b.id !== null && a.idKind === b.idKind) return a.id === b.id;
  if (a.email !== null && b.email !== null) return a.email === b.email;
  return a.names.some((name) => b.names.includes(name));
};

export const isSameIdentity = (a: Recipient, b: Recipient): boolean =>
  sameIdentity(identityKeys(a), identityKeys(b));

/** Id class of an entry as a slot number: contact id, customer number, none. */
type IdClass = 0 | 1 | 2;
const ID_CLASSES: readonly IdClass[] = [0, 1, 2];
const NO_ID_CLASS: IdClass = 2;

/**
 * Identity keys as dense numbers given by one IdentityCoder (-1 for a missing key): an index then compares numbers
 * instead of hashing the same strings again for every lookup.
 */
export interface IdentityCodes {
  id: number;
  idClass: IdClass;
  email: number;
  names: number[];
  /** The person's display key, see memberKey. */
  key: string;
}

const codeIn = (codes: Map<string, number>, text: string): number => {
  let code = codes.get(text);
  if (code === undefined) codes.set(text, (code = codes.size));
  return code;
};

const EMPTY_SLOT = -1;

const pairHash = (first: number, second: number): number => {
  const mixed = Math.imul(first ^ Math.imul(second, 0x85ebca6b), 0x9e3779b1);
  return mixed ^ (mixed >>> 15);
};

/**
 * Dense numbers for pairs of non-negative codes, in an open-addressing table of typed arrays: a name pair is then
 * two numbers, not a joined string that would be built and hashed for every record.
 */
class PairCoder {
  private firsts = new Int32Array(1024).fill(EMPTY_SLOT);
  private seconds = new Int32Array(1024);
  private codes = new Int32Array(1024);
  private size = 0;

  code(first: number, second: number): number {
    const mask = this.firsts.length - 1;
    let slot = pairHash(first, second) & mask;
    while (this.firsts[slot] !== EMPTY_SLOT) {
      if (this.firsts[slot] === first && this.seconds[slot] === second) return this.codes[slot];
      slot = (slot + 1) & mask;
    }
    const code = this.size++;
    this.put(slot, first, second, code);
    if (2 * this.size > this.firsts.length) this.grow();
    return code;
  }

  private put(slot: number, first: number, second: number, code: number): void {
    this.firsts[slot] = first;
    this.seconds[slot] = second;
    this.codes[slot] = code;
  }

  private grow(): void {
    const { firsts, seconds, codes } = this;
    this.firsts = new Int32Array(2 * firsts.length).fill(EMPTY_SLOT);
    this.seconds = new Int32Array(2 * firsts.length);
    this.codes = new Int32Array(2 * firsts.length);
    const mask = this.firsts.length - 1;
    for (let old = 0; old < firsts.length; old++) {
      if (firsts[old] === EMPTY_SLOT) continue;
      let slot = pairHash(firsts[old], seconds[old]) & mask;
      while (this.firsts[slot] !== EMPTY_SLOT) slot = (slot + 1) & mask;
      this.put(slot, firsts[old], seconds[old], codes[old]);
    }
  }
}

/**
 * Numbers the keys of every recipient it meets (in one group build, or in one workbook's applied selections); equal
 * keys get equal numbers. Ids of the three classes are numbered apart (id code = 3 × number + class); a name pair is
 * (name, 2 × customer number) or (name, 2 × company + 1).
 */
export class IdentityCoder {
  private readonly ids: [Map<string, number>, Map<string, number>, Map<string, number>] = [
    new Map(),
    new Map(),
    new Map(),
  ];
  private readonly emails = new Map<string, number>();
  private readonly names = new Map<string, number>();
  private readonly customerIds = new Map<string, number>();
  private readonly companies = new Map<string, number>();
  private readonly pairs = new PairCoder();
  private readonly known = new WeakMap<Recipient, IdentityCodes>();

  /** Remembers the codes of each recipient object: a group's members are keyed again for every selection applied. */
  encodeKnown(recipient: Recipient): IdentityCodes {
    let codes = this.known.get(recipient);
    if (codes === undefined) this.known.set(recipient, (codes = this.encode(recipient)));
    return codes;
  }

  encode(recipient: Recipient): IdentityCodes {
    const parts = identityParts(recipient);
    const { idKind, contactId, customerId, email, name, company } = parts;
    const key = displayKey(recipient, parts, idKey(parts));
    const idClass: IdClass = idKind === 'c' ? 0 : idKind === 'k' ? 1 : NO_ID_CLASS;
    const idText = idKind === 'c' ? contactId : idKind === 'k' ? customerId : namesNobody(parts) ? key : null;
    const names: number[] = [];
    if (name && (customerId || company)) {
      const nameCode = codeIn(this.names, name);
      if (customerId)
        names.push(this.pairs.code(nameCode, 2 * codeIn(this.customerIds, customerId.toLowerCase())));
      if (company) names.push(this.pairs.code(nameCode, 2 * codeIn(this.companies, company) + 1));
    }
    return {
      id: idText === null ? -1 : 3 * codeIn(this.ids[idClass], idText) + idClass,
      idClass,
      email: email === null ? -1 : codeIn(this.emails, email),
      names,
      key,
    };
  }
}

/** Another entry's id class can only be compared by e-mail or name when its ids cannot decide. */
const idUndecided = (codes: IdentityCodes, other: IdClass): boolean =>
  codes.idClass === NO_ID_CLASS || other !== codes.idClass;

/** Slots per e-mail code: the first entry per id class. */
const EMAIL_SLOTS = 3;
/** Slots per name code: the first entry per id class × (without e-mail, with e-mail), slot 2 * class + flag. */
const NAME_SLOTS = 6;
const WITHOUT_EMAIL: ReadonlyArray<0 | 1> = [0, 1];
const WITH_EMAIL: ReadonlyArray<0 | 1> = [0];

/** The array itself when it holds `size` slots, else a copy at least twice as long (whole blocks stay whole). */
const withRoom = (slots: Int32Array, size: number): Int32Array => {
  if (size <= slots.length) return slots;
  const grown = new Int32Array(Math.max(size, 2 * slots.length));
  grown.set(slots);
  return grown;
};

/**
 * Finds, in O(1) per lookup, an entry that is the same person as the given codes under the cascade above.
 * Per e-mail and name key it keeps the first entry of each id class, which is all a lookup needs.
 * Slots hold 1 + the entry's position in `values`, 0 for none.
 */
export class IdentityIndex<T> {
  private readonly values: T[] = [];
  private byId: Int32Array = new Int32Array(0);
  private byEmail: Int32Array = new Int32Array(0);
  private byName: Int32Array = new Int32Array(0);

  add(codes: IdentityCodes, value: T): void {
    const ref = this.values.push(value);
    if (codes.id >= 0) {
      this.byId = withRoom(this.byId, codes.id + 1);
      if (this.byId[codes.id] === 0) this.byId[codes.id] = ref;
    }
    if (codes.email >= 0) {
      const slot = EMAIL_SLOTS * codes.email + codes.idClass;
      this.byEmail = withRoom(this.byEmail, EMAIL_SLOTS * (codes.email + 1));
      if (this.byEmail[slot] === 0) this.byEmail[slot] = ref;
    }
    const offset = 2 * codes.idClass + (codes.email < 0 ? 0 : 1);
    for (const name of codes.names) {
      const slot = NAME_SLOTS * name + offset;
      this.byName = withRoom(this.byName, NAME_SLOTS * (name + 1));
      if (this.byName[slot] === 0) this.byName[slot] = ref;
    }
  }

  /** Empties the index but keeps its arrays: rebuilding an index then allocates nothing. */
  clear(): void {
    this.values.length = 0;
    this.byId.fill(0);
    this.byEmail.fill(0);
    this.byName.fill(0);
  }

  find(codes: IdentityCodes): T | undefined {
    const ref = this.findRef(codes);
    return ref === 0 ? undefined : this.values[ref - 1];
  }

  private findRef(codes: IdentityCodes): number {
    const byId = codes.id >= 0 && codes.id < this.byId.length ? this.byId[codes.id] : 0;
    if (byId !== 0) return byId;
    const byEmail = codes.email >= 0 ? this.findByEmail(codes) : 0;
    return byEmail !== 0 ? byEmail : this.findByName(codes);
  }

  private findByEmail(codes: IdentityCodes): number {
    const first = EMAIL_SLOTS * codes.email;
    if (first >= this.byEmail.length) return 0;
    for (const idClass of ID_CLASSES) {
      const ref = this.byEmail[first + idClass];
      if (ref !== 0 && idUndecided(codes, idClass)) return ref;
    }
    return 0;
  }

  private findByName(codes: IdentityCodes): number {
    const flags = codes.email < 0 ? WITHOUT_EMAIL : WITH_EMAIL;
    for (const name of codes.names) {
      const first = NAME_SLOTS * name;
      if (first >= this.byName.length) continue;
      for (const idClass of ID_CLASSES) {
        if (!idUndecided(codes, idClass)) continue;
        for (const flag of flags) {
          const ref = this.byName[first + 2 * idClass + flag];
          if (ref !== 0) return ref;
        }
      }
    }
    return 0;
  }
}
