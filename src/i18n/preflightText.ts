import { PREFLIGHT_CODES, type PreflightReport } from '../core/outputs/preflight';
import type { LetterRegions } from '../core/outputs/postalOrder';
import type { Translator } from './i18n';

const capitalized = <T extends string>(text: T): Capitalize<T> =>
  (text.charAt(0).toUpperCase() + text.slice(1)) as Capitalize<T>;

/** "PLZ nicht fünfstellig 1, ohne Anrede 7": the pre-flight's findings counted by kind (pane and command line). */
export const preflightCountsText = (report: PreflightReport, { t }: Pick<Translator, 't'>): string =>
  PREFLIGHT_CODES.flatMap((code) => {
    const count = report.counts[code];
    return count ? [t(`preflightCode${capitalized(code)}`, { count })] : [];
  }).join(', ');

/**
 * "Briefe je Leitregion (für Dialogpost): 01 3, 04 5, Ausland 4", the figure Deutsche Post's Dialogpost asks for;
 * null when no letter goes anywhere.
 */
export const letterRegionsText = (
  regions: LetterRegions,
  { t, formatNumber }: Pick<Translator, 't' | 'formatNumber'>,
): string | null => {
  const parts = [
    ...regions.regions.map(({ region, letters }) => `${region} ${formatNumber(letters)}`),
    ...(regions.foreign > 0 ? [t('preflightRegionsForeign', { count: regions.foreign })] : []),
    ...(regions.withoutRegion > 0 ? [t('preflightRegionsWithout', { count: regions.withoutRegion })] : []),
  ];
  return parts.length > 0 ? t('preflightRegions', { regions: parts.join(', ') }) : null;
};
