import type { Member } from '../group/targetGroupModel';
import type { Recipient } from '../kernel/model';
import { isDomestic, isGermanPostalCode } from './countries';

/** The Leitregion: the first two digits of a German postal code; null for foreign mail or a broken code. */
const leitregionOf = (recipient: Recipient): string | null =>
  isDomestic(recipient.country) && isGermanPostalCode(recipient.postalCode)
    ? recipient.postalCode.slice(0, 2)
    : null;

/** German letters by postal code, then domestic ones without a valid code, then foreign ones by country. */
const rank = (recipient: Recipient): string => {
  if (leitregionOf(recipient) !== null) return `0${recipient.postalCode}`;
  if (isDomestic(recipient.country)) return `1${recipient.postalCode}`;
  return `2${recipient.country.toUpperCase()}\u0000${recipient.postalCode}`;
};

/** Letters in the order the post sorts them (Dialogpost wants them by postal code); equal codes keep their order. */
export const inPostalOrder = (members: readonly Member[]): Member[] => {
  const ranks = new Map(members.map((member) => [member, rank(member.recipient)]));
  return [...members].sort((a, b) => {
    const [left, right] = [ranks.get(a) ?? '', ranks.get(b) ?? ''];
    return left < right ? -1 : left > right ? 1 : 0;
  });
};

export interface LetterRegions {
  /** Letters per Leitregion ("01" … "99"), ascending: the figure Deutsche Post's Dialogpost asks for. */
  regions: Array<{ region: string; letters: number }>;
  foreign: number;
  /** Domestic letters without a five-digit postal code: the pre-flight lists them. */
  withoutRegion: number;
}

export const lettersByRegion = (members: readonly Member[]): LetterRegions => {
  const counts = new Map<string, number>();
  let foreign = 0;
  let withoutRegion = 0;
  for (const { recipient } of members) {
    const region = leitregionOf(recipient);
    if (region !== null) counts.set(region, (counts.get(region) ?? 0) + 1);
    else if (isDomestic(recipient.country)) withoutRegion++;
    else foreign++;
  }
  const regions = [...counts.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([region, letters]) => ({ region, letters }));
  return { regions, foreign, withoutRegion };
};
