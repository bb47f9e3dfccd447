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
import type { ExportCheck } from '../../../core/run/groupUse';
import { letterRegionsText, preflightCountsText } from '../../../i18n/preflightText';
import { useI18n } from '../../../i18n/useI18n';
import { PreflightList } from './PreflightList';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  hint: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
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
  const regionsLine = letterRegions && letterRegionsText(letterRegions, i18n);
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
                counts: preflightCountsText(preflight, i18n),
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
      {regionsLine && <Text className={styles.hint}>{regionsLine}</Text>}
    </div>
  );
}
