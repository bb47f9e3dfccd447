import {
  Button,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import { PREFLIGHT_CODES, type PreflightReport } from '../../core/outputs/preflight';
import type { LetterRegions } from '../../core/outputs/postalOrder';
import type { ExportCheck } from '../../core/run/groupUse';
import type { Translator } from '../../i18n/i18n';
import { useI18n } from '../../i18n/useI18n';
import { PreflightList } from './PreflightList';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  hint: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
});

const capitalized = <T extends string>(text: T): Capitalize<T> =>
  (text.charAt(0).toUpperCase() + text.slice(1)) as Capitalize<T>;

const countsText = (report: PreflightReport, { t }: Translator): string =>
  PREFLIGHT_CODES.flatMap((code) => {
    const count = report.counts[code];
    return count ? [t(`preflightCode${capitalized(code)}`, { count })] : [];
  }).join(', ');

const regionsText = (regions: LetterRegions, { t, formatNumber }: Translator): string =>
  t('preflightRegions', {
    regions: [
      ...regions.regions.map(({ region, letters }) => `${region} ${formatNumber(letters)}`),
      ...(regions.foreign > 0 ? [t('preflightRegionsForeign', { count: regions.foreign })] : []),
      ...(regions.withoutRegion > 0 ? [t('preflightRegionsWithout', { count: regions.withoutRegion })] : []),
    ].join(', '),
  });

export interface CsvExportCheckProps {
  check: ExportCheck;
  disabled: boolean;
  onExport(): void;
}

/**
 * The CSV export behind its pre-flight: a clean target group exports at once; otherwise the pane says how many
 * letters would print wrong and why, and the user reviews the recipients or exports anyway.
 */
export function CsvExportCheck({ check, disabled, onExport }: CsvExportCheckProps) {
  const styles = useStyles();
  const i18n = useI18n();
  const { t } = i18n;
  const [reviewing, setReviewing] = useState(false);
  const { preflight, letterRegions } = check;
  const flagged = preflight.entries.length;
  return (
    <div className={styles.root} data-testid="preflight">
      {flagged === 0 ? (
        <>
          <Text className={styles.hint}>{t('preflightClean', { checked: preflight.checked })}</Text>
          <Button disabled={disabled} onClick={onExport}>
            {t('useCsv')}
          </Button>
        </>
      ) : (
        <>
          <MessageBar intent="warning" layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>{t('preflightTitle')}</MessageBarTitle>
              {t('preflightFlagged', {
                flagged,
                checked: preflight.checked,
                counts: countsText(preflight, i18n),
              })}
            </MessageBarBody>
          </MessageBar>
          <div className={styles.actions}>
            <Button disabled={disabled} onClick={onExport}>
              {t('preflightExportAnyway')}
            </Button>
            <Button aria-expanded={reviewing} onClick={() => setReviewing((open) => !open)}>
              {reviewing ? t('preflightHide') : t('preflightReview')}
            </Button>
          </div>
          {reviewing && <PreflightList report={preflight} />}
        </>
      )}
      {letterRegions && letterRegions.regions.length + letterRegions.foreign > 0 && (
        <Text className={styles.hint}>{regionsText(letterRegions, i18n)}</Text>
      )}
    </div>
  );
}
