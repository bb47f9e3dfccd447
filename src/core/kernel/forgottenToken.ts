/** The text of a forgotten person's Sperrliste entry (group/forgotten.ts makes and matches its hashes). */

export const FORGOTTEN_PREFIX = '#DSGVO-17:';

export interface ForgottenToken {
  salt: string;
  /** Hex hashes (128 bits) of the normalised e-mail, name at firm, name at postal code; absent where unknown. */
  email?: string;
  nameFirm?: string;
  namePlace?: string;
  /**
   * The prefilter (group/forgotten.ts, quickHash): 4 hex digits per kind, e-mail, name at firm, name at place, "0000"
   * where the kind is absent. Tokens written before it have none and are matched by hashing every record.
   */
  filter?: string;
}

export const tokenText = (token: ForgottenToken): string =>
  FORGOTTEN_PREFIX +
  [
    `s=${token.salt}`,
    ...(token.email ? [`e=${token.email}`] : []),
    ...(token.nameFirm ? [`n=${token.nameFirm}`] : []),
    ...(token.namePlace ? [`p=${token.namePlace}`] : []),
    ...(token.filter ? [`f=${token.filter}`] : []),
  ].join(';');

/** The token in a Sperrliste cell, or null for any other text. */
export const parseToken = (text: string): ForgottenToken | null => {
  const trimmed = text.trim();
  if (!trimmed.toUpperCase().startsWith(FORGOTTEN_PREFIX.toUpperCase())) return null;
  const parts = new Map(
    trimmed
      .slice(FORGOTTEN_PREFIX.length)
      .split(';')
      .map((part) => {
        const at = part.indexOf('=');
        return [
          part.slice(0, at).trim(),
          part
            .slice(at + 1)
            .trim()
            .toLowerCase(),
        ] as const;
      }),
  );
  const salt = parts.get('s');
  if (!salt) return null;
  const token: ForgottenToken = { salt };
  const hex = (value: string | undefined) => (value && /^[0-9a-f]{8,64}$/.test(value) ? value : undefined);
  const email = hex(parts.get('e'));
  const nameFirm = hex(parts.get('n'));
  const namePlace = hex(parts.get('p'));
  if (email) token.email = email;
  if (nameFirm) token.nameFirm = nameFirm;
  if (namePlace) token.namePlace = namePlace;
  const filter = parts.get('f');
  // A damaged prefilter is ignored, not trusted: the entry is then matched by full hashing, as an old one.
  if (filter && /^[0-9a-f]{12}$/.test(filter)) token.filter = filter;
  return email || nameFirm || namePlace ? token : null;
};
