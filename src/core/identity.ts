import type { Recipient } from './model';

/**
 * Who is the same person (issue 2, "Target group"), as a cascade:
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

export const identityKeys = (recipient: Recipient): IdentityKeys => {
  const contactId = recipient.contactId.trim();
  const customerId = recipient.customerId.trim();
  const idKind: IdKind | null =
    recipient.kind === 'customer' ? (customerId ? 'k' : null) : contactId ? 'c' : null;
  const id = idKind === 'c' ? `c:${contactId}` : idKind === 'k' ? `k:${customerId}` : null;
  const email = emailKey(recipient.email);
  const name = personName(recipient);
  const company = normaliseText(recipient.company);
  const names: string[] = [];
  if (name && customerId) names.push(`n:${name}|k:${customerId.toLowerCase()}`);
  if (name && company) names.push(`n:${name}|f:${company}`);
  const key =
    id ??
    (email !== null
      ? `e:${email}`
      : name && (company || customerId)
        ? `n:${name}|${company || customerId.toLowerCase()}`
        : `r:${recipient.sheet}!${recipient.row}`);
  return { id: id ?? (email === null && names.length === 0 ? key : null), idKind, email, names, key };
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

/** Numbers the keys of every recipient met while building one target group; equal keys get equal numbers. */
export class IdentityCoder {
  private readonly ids = new Map<string, number>();
  private readonly emails = new Map<string, number>();
  private readonly names = new Map<string, number>();

  encode(keys: IdentityKeys): IdentityCodes {
    return {
      id: keys.id === null ? -1 : codeIn(this.ids, keys.id),
      idClass: keys.idKind === 'c' ? 0 : keys.idKind === 'k' ? 1 : NO_ID_CLASS,
      email: keys.email === null ? -1 : codeIn(this.emails, keys.email),
      names: keys.names.map((name) => codeIn(this.names, name)),
      key: keys.key,
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
