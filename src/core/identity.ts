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
const classOf = (keys: IdentityKeys): IdClass => (keys.idKind === 'c' ? 0 : keys.idKind === 'k' ? 1 : 2);
/** Another entry's id class can only be compared by e-mail or name when its ids cannot decide. */
const idUndecided = (keys: IdentityKeys, other: IdClass): boolean =>
  keys.idKind === null || other !== classOf(keys);

/**
 * Finds, in O(1) per lookup, an entry that is the same person as the given keys under the cascade above.
 * Per e-mail and name key it keeps the first entry of each id class, which is all a lookup needs.
 */
export class IdentityIndex<T> {
  private readonly byId = new Map<string, T>();
  /** e-mail → first entry per id class. */
  private readonly byEmail = new Map<string, Array<T | undefined>>();
  /** name key → first entry per id class × (without e-mail, with e-mail): slot 2 * class + flag. */
  private readonly byName = new Map<string, Array<T | undefined>>();

  add(keys: IdentityKeys, value: T): void {
    const idClass = classOf(keys);
    if (keys.id !== null && !this.byId.has(keys.id)) this.byId.set(keys.id, value);
    if (keys.email !== null) {
      let slots = this.byEmail.get(keys.email);
      if (!slots) this.byEmail.set(keys.email, (slots = []));
      slots[idClass] ??= value;
    }
    const slot = 2 * idClass + (keys.email === null ? 0 : 1);
    for (const name of keys.names) {
      let slots = this.byName.get(name);
      if (!slots) this.byName.set(name, (slots = []));
      slots[slot] ??= value;
    }
  }

  find(keys: IdentityKeys): T | undefined {
    const byId = keys.id === null ? undefined : this.byId.get(keys.id);
    if (byId !== undefined) return byId;
    const byEmail = keys.email === null ? undefined : this.findByEmail(keys);
    return byEmail ?? this.findByName(keys);
  }

  private findByEmail(keys: IdentityKeys): T | undefined {
    const slots = this.byEmail.get(keys.email as string);
    if (!slots) return undefined;
    for (const idClass of ID_CLASSES) {
      const value = slots[idClass];
      if (value !== undefined && idUndecided(keys, idClass)) return value;
    }
    return undefined;
  }

  private findByName(keys: IdentityKeys): T | undefined {
    const flags: ReadonlyArray<0 | 1> = keys.email === null ? [0, 1] : [0];
    for (const name of keys.names) {
      const slots = this.byName.get(name);
      if (!slots) continue;
      for (const idClass of ID_CLASSES) {
        if (!idUndecided(keys, idClass)) continue;
        for (const flag of flags) {
          const value = slots[2 * idClass + flag];
          if (value !== undefined) return value;
        }
      }
    }
    return undefined;
  }
}
