import { sha256 } from '../kernel/sha256';
import type { ForgottenToken } from '../kernel/forgottenToken';
import { normaliseCompany, normaliseEmail, normaliseName } from './normalise';

export { FORGOTTEN_PREFIX, parseToken, tokenText, type ForgottenToken } from '../kernel/forgottenToken';

/**
 * A person forgotten under Art. 17 DSGVO who objected to advertising (Art. 21) stays on the Sperrliste as salted
 * hashes only: "#DSGVO-17:s=<salt>;e=<hash>;n=<hash>;p=<hash>;f=<prefilter>" in one cell of the entry. No name or
 * address is kept, yet the person is recognised when they turn up again — by the same e-mail (e), the same name at
 * the same firm (n) or the same name at the same postal code (p), normalised as the identity graph compares them.
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
const KINDS = ['e', 'n', 'p'] as const;
type Kind = (typeof KINDS)[number];

const hashed = (salt: string, kind: string, text: string): string =>
  sha256(`${salt}|${kind}|${text}`).slice(0, HASH_HEX);

/**
 * The prefilter: FNV-1a (32 bits, over UTF-16 code units) of the same "salt|kind|text" as the SHA-256 hash, folded to
 * 16 bits. Matching takes it for every record and hashes with SHA-256 only the few whose 16 bits are an entry's
 * (about one record in 65,536 per entry and kind). Stored in the token (f=), it gives nothing away the 128-bit
 * SHA-256 hash beside it does not already: a guess testable against 16 bits is testable against 128, and 16 bits
 * are shared by one in 65,536 of any list of addresses or names, so they single out nobody.
 */
const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
const fnv = (hash: number, text: string): number => {
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), FNV_PRIME);
  return hash;
};
const SPACE = 0x20;
const BAR = 0x7c;
const fnvCode = (hash: number, code: number): number => Math.imul(hash ^ code, FNV_PRIME);
const fold16 = (hash: number): number => (hash ^ (hash >>> 16)) & 0xffff;

const quickHash = (salt: string, kind: Kind, text: string): number =>
  fold16(fnv(fnv(FNV_OFFSET, `${salt}|${kind}|`), text));

/** The normalised texts a person is recognised by, per kind; '' where a part is missing. */
export const recognitionTexts = (person: ForgettablePerson): { e: string; n: string; p: string } => {
  const first = normaliseName(person.firstName);
  const last = normaliseName(person.lastName);
  const named = first !== '' && last !== '';
  const firm = normaliseCompany(person.company);
  const place = person.postalCode.trim();
  return {
    e: recognitionEmail(person.email),
    n: named && firm !== '' ? `${first} ${last}|${firm}` : '',
    p: named && place !== '' ? `${first} ${last}|${place}` : '',
  };
};

/** The e-mail as recognised: normalised, without a leading "mailto:"; '' for none. */
export const recognitionEmail = (email: string): string =>
  normaliseEmail(email.replace(/^mailto:/i, '')) ?? '';

/** The token of a person under a salt; null when nothing could recognise them (no e-mail, no full name with firm or place). */
export const forgottenToken = (person: ForgettablePerson, salt: string): ForgottenToken | null => {
  const texts = recognitionTexts(person);
  const token: ForgottenToken = { salt };
  if (texts.e) token.email = hashed(salt, 'e', texts.e);
  if (texts.n) token.nameFirm = hashed(salt, 'n', texts.n);
  if (texts.p) token.namePlace = hashed(salt, 'p', texts.p);
  if (!(token.email || token.nameFirm || token.namePlace)) return null;
  token.filter = KINDS.map((kind) =>
    texts[kind] ? quickHash(salt, kind, texts[kind]).toString(16).padStart(4, '0') : '0000',
  ).join('');
  return token;
};

interface KindEntries<T> {
  /** Full hash → entry. */
  full: Map<string, T>;
  /** The entries' prefilter values. */
  quick: Set<number>;
  /** Some entry has no prefilter (written before it): every record is hashed in full. */
  unfiltered: boolean;
}

interface SaltEntries<T> {
  salt: string;
  /** FNV state after "salt|kind|", per kind. */
  prefix: Record<Kind, number>;
  kinds: Record<Kind, KindEntries<T>>;
}

const kindEntries = <T>(): KindEntries<T> => ({ full: new Map(), quick: new Set(), unfiltered: false });

/**
 * Recognises people by the tokens: build once per set of entries, then ask per person. Hashes are computed once
 * per salt in use (usually one per workbook) and kind, SHA-256 only where the prefilter lets a record through.
 */
export class ForgottenMatcher<T> {
  private readonly salts: SaltEntries<T>[] = [];

  constructor(entries: ReadonlyArray<{ token: ForgottenToken; value: T }>) {
    const bySalt = new Map<string, SaltEntries<T>>();
    for (const { token, value } of entries) {
      let salted = bySalt.get(token.salt);
      if (!salted) {
        const prefix = (kind: Kind) => fnv(FNV_OFFSET, `${token.salt}|${kind}|`);
        salted = {
          salt: token.salt,
          prefix: { e: prefix('e'), n: prefix('n'), p: prefix('p') },
          kinds: { e: kindEntries(), n: kindEntries(), p: kindEntries() },
        };
        bySalt.set(token.salt, salted);
        this.salts.push(salted);
      }
      const hashes: Record<Kind, string | undefined> = {
        e: token.email,
        n: token.nameFirm,
        p: token.namePlace,
      };
      KINDS.forEach((kind, i) => {
        const hash = hashes[kind];
        if (!hash) return;
        const entries = salted.kinds[kind];
        entries.full.set(hash.slice(0, HASH_HEX), value);
        if (token.filter) entries.quick.add(parseInt(token.filter.slice(4 * i, 4 * i + 4), 16));
        else entries.unfiltered = true;
      });
    }
  }

  get isEmpty(): boolean {
    return this.salts.length === 0;
  }

  /** The entry that names the person, or undefined. */
  match(person: ForgettablePerson): T | undefined {
    if (this.isEmpty) return undefined;
    return this.matchNormalised(
      recognitionEmail(person.email),
      normaliseName(person.firstName),
      normaliseName(person.lastName),
      normaliseCompany(person.company),
      person.postalCode.trim(),
    );
  }

  /**
   * The same with the parts already normalised as recognitionTexts does (the identity graph has them): e-mail as
   * recognitionEmail, names as normaliseName, firm as normaliseCompany, postal code trimmed; '' where missing.
   */
  matchNormalised(email: string, first: string, last: string, firm: string, place: string): T | undefined {
    const named = first !== '' && last !== '';
    for (const { salt, prefix, kinds } of this.salts) {
      const { e, n, p } = kinds;
      if (email !== '' && e.full.size > 0 && (e.unfiltered || e.quick.has(fold16(fnv(prefix.e, email))))) {
        const found = e.full.get(hashed(salt, 'e', email));
        if (found !== undefined) return found;
      }
      if (!named) continue;
      if (
        firm !== '' &&
        n.full.size > 0 &&
        (n.unfiltered ||
          n.quick.has(fold16(fnv(fnvCode(fnv(fnvCode(fnv(prefix.n, first), SPACE), last), BAR), firm))))
      ) {
        const found = n.full.get(hashed(salt, 'n', `${first} ${last}|${firm}`));
        if (found !== undefined) return found;
      }
      if (
        place !== '' &&
        p.full.size > 0 &&
        (p.unfiltered ||
          p.quick.has(fold16(fnv(fnvCode(fnv(fnvCode(fnv(prefix.p, first), SPACE), last), BAR), place))))
      ) {
        const found = p.full.get(hashed(salt, 'p', `${first} ${last}|${place}`));
        if (found !== undefined) return found;
      }
    }
    return undefined;
  }
}

/**
 * Web Crypto's generator, there in the pane and in Node 20 alike; declared here, as the only platform call of the core,
 * because the core compiles without DOM and Node types (tsconfig.core.json).
 */
declare const crypto: { getRandomValues(array: Uint8Array): Uint8Array };

/** 128 random bits as hex, from the platform's cryptographic generator. */
export const newSalt = (): string => {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return [...bytes].map((byte) => byte.toString(16).padStart(2, '0')).join('');
};

/** A member key of a forgotten person in a campaign's stored assignment: the count stays, the person goes. */
export const forgottenKey = (key: string, salt: string): string => `x:${hashed(salt, 'k', key).slice(0, 16)}`;
