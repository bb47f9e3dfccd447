import { Button, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { SelectionReport } from '../../../core/group/targetGroupModel';
import { useI18n } from '../../../i18n/useI18n';
import { selectionOutcomeText } from '../selectionOutcome';

const useStyles = makeStyles({
  history: {
    margin: 0,
    paddingLeft: tokens.spacingHorizontalL,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
  },
  item: { display: 'flex', flexDirection: 'column', alignItems: 'flex-start', gap: tokens.spacingVerticalXS },
  report: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
});

export interface HistoryTabProps {
  /** The label of each selection, by index. */
  labels: readonly string[];
  reports: readonly SelectionReport[];
  /** How many selections the campaign has. */
  count: number;
  onRemove(index: number): void;
}

/** The campaign's selections in the order they ran, each with what it added. */
export function HistoryTab({ labels, reports, count, onRemove }: HistoryTabProps) {
  const styles = useStyles();
  const i18n = useI18n();
  const { t } = i18n;
  if (count === 0) return <Text>{t('historyEmpty')}</Text>;
  return (
    <ol className={styles.history}>
      {Array.from({ length: count }, (_, index) => {
        const report = reports.find((r) => r.selectionIndex === index);
        return (
          <li key={index} className={styles.item}>
            <Text>{labels[index]}</Text>
            {report && <Text className={styles.report}>{selectionOutcomeText(report, i18n)}</Text>}
            <Button
              size="small"
              onClick={() => onRemove(index)}
              aria-label={`${t('removeSelection')}: ${labels[index]}`}
            >
              {t('removeSelection')}
            </Button>
          </li>
        );
      })}
    </ol>
  );
}
