import { sha256 } from '../kernel/sha256';
import type { ForgottenToken } from '../kernel/forgottenToken';
import { normaliseCompany, normaliseEmail, normaliseName } from './normalise';

export { FORGOTTEN_PREFIX, parseToken, tokenText, type ForgottenToken } from '../kernel/forgottenToken';

/**
 * A person forgotten under Art. 17 DSGVO who objected to advertising (Art. 21) stays on the Sperrliste as salted
 * hashes only: "#DSGVO-17:s=<salt>;e=<hash>;n=<hash>;p=<hash>" in one cell of the entry. No name or address is kept,
 * yet the person is recognised when they turn up again — by the same e-mail (e), the same name at the same firm (n)
 * or the same name at the same postal code (p), normalised as the identity graph compares them.
 *
 * The salt travels in the token itself. The workbook's salt (AddinState.forgetSalt) is only the one new tokens take,
 * so that matching costs one set of hashes per record, not one per entry; a workbook whose state sheet was lost, or
 * a Sperrliste copied into another workbook, still recognises every old entry, because each carries its salt. A salt
 * does not hide a known address from someone holding the workbook (they hash it and compare; the entry must stay
 * recognisable to work at all): it keeps the hashes from matching lists of hashed addresses made elsewhere, and
 * the same person's entries in two workbooks from being linked.
 */

/** What a person is recognised by. */
export interface ForgettablePerson {
  email: string;
  firstName: string;
  lastName: string;
  company: string;
  postalCode: string;
}

const HASH_HEX = 32;

const hashed = (salt: string, kind: string, text: string): string =>
  sha256(`${salt}|${kind}|${text}`).slice(0, HASH_HEX);

/** The normalised texts a person is recognised by, per kind; '' where a part is missing. */
export const recognitionTexts = (person: ForgettablePerson): { e: string; n: string; p: string } => {
  const name = `${normaliseName(person.firstName)} ${normaliseName(person.lastName)}`;
  const named = normaliseName(person.firstName) !== '' && normaliseName(person.lastName) !== '';
  const firm = normaliseCompany(person.company);
  const place = person.postalCode.trim();
  return {
    e: normaliseEmail(person.email.replace(/^mailto:/i, '')) ?? '',
    n: named && firm !== '' ? `${name}|${firm}` : '',
    p: named && place !== '' ? `${name}|${place}` : '',
  };
};

/** The token of a person under a salt; null when nothing could recognise them (no e-mail, no full name with firm or place). */
export const forgottenToken = (person: ForgettablePerson, salt: string): ForgottenToken | null => {
  const texts = recognitionTexts(person);
  const token: ForgottenToken = { salt };
  if (texts.e) token.email = hashed(salt, 'e', texts.e);
  if (texts.n) token.nameFirm = hashed(salt, 'n', texts.n);
  if (texts.p) token.namePlace = hashed(salt, 'p', texts.p);
  return token.email || token.nameFirm || token.namePlace ? token : null;
};

/**
 * Recognises people by the tokens: build once per set of entries, then ask per person. Hashes are computed once
 * per salt in use (usually one per workbook) and kind.
 */
export class ForgottenMatcher<T> {
  private readonly bySalt = new Map<string, { e: Map<string, T>; n: Map<string, T>; p: Map<string, T> }>();

  constructor(entries: ReadonlyArray<{ token: ForgottenToken; value: T }>) {
    for (const { token, value } of entries) {
      let maps = this.bySalt.get(token.salt);
      if (!maps) this.bySalt.set(token.salt, (maps = { e: new Map(), n: new Map(), p: new Map() }));
      if (token.email) maps.e.set(token.email.slice(0, HASH_HEX), value);
      if (token.nameFirm) maps.n.set(token.nameFirm.slice(0, HASH_HEX), value);
      if (token.namePlace) maps.p.set(token.namePlace.slice(0, HASH_HEX), value);
    }
  }

  get isEmpty(): boolean {
    return this.bySalt.size === 0;
  }

  /** The entry that names the person, or undefined. */
  match(person: ForgettablePerson): T | undefined {
    if (this.isEmpty) return undefined;
    const texts = recognitionTexts(person);
    for (const [salt, maps] of this.bySalt)
      for (const kind of ['e', 'n', 'p'] as const) {
        if (texts[kind] === '' || maps[kind].size === 0) continue;
        const found = maps[kind].get(hashed(salt, kind, texts[kind]));
        if (found !== undefined) return found;
      }
    return undefined;
  }
}

/** 128 random bits as hex, from the platform's cryptographic generator (Web Crypto in the pane and in Node). */
export const newSalt = (): string => {
  const bytes = new Uint8Array(16);
  globalThis.crypto.getRandomValues(bytes);
  return [...bytes].map((byte) => byte.toString(16).padStart(2, '0')).join('');
};

/** A member key of a forgotten person in a campaign's stored assignment: the count stays, the person goes. */
export const forgottenKey = (key: string, salt: string): string => `x:${hashed(salt, 'k', key).slice(0, 16)}`;
