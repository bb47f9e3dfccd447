import { Text, makeStyles, tokens } from '@fluentui/react-components';
import { useI18n } from '../../i18n/useI18n';

const useStyles = makeStyles({
  question: {
    padding: tokens.spacingHorizontalS,
    borderLeft: `${tokens.strokeWidthThick} solid ${tokens.colorPaletteDarkOrangeBorder2}`,
    backgroundColor: tokens.colorPaletteYellowBackground1,
  },
});

export interface MergedHeaderQuestionProps {
  header: string;
  span: number;
}

/**
 * A header merged over several columns whose meanings the data does not tell: the columns are read as "Name",
 * "Name (2)" …, and the field mapping below answers which is which.
 */
export function MergedHeaderQuestion({ header, span }: MergedHeaderQuestionProps) {
  const styles = useStyles();
  const { t } = useI18n();
  const columns = Array.from({ length: span }, (_, i) => (i === 0 ? header : `${header} (${i + 1})`));
  return (
    <Text block className={styles.question} data-testid="merged-header-question">
      {t('mappingMergedHeader', { header, span, columns: columns.join(', ') })}
    </Text>
  );
}
