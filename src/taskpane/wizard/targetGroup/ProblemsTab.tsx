import { Text, mergeClasses } from '@fluentui/react-components';
import type { Problem } from '../../../core/kernel/problems';
import { describeProblem } from '../../../core/kernel/problemMessages';
import { useI18n } from '../../../i18n/useI18n';
import { useNarrowStyles } from '../../shell/narrowStyles';
import { VirtualList } from '../VirtualList';

export interface ProblemsTabProps {
  /** The workbook's data problems and those the selections met. */
  problems: readonly Problem[];
}

/** Each note as a two-line item: where (sheet and row), then what; the whole note on hover. */
export function ProblemsTab({ problems }: ProblemsTabProps) {
  const styles = useNarrowStyles();
  const { t, language } = useI18n();
  if (problems.length === 0) return <Text>{t('problemsEmpty')}</Text>;
  return (
    <VirtualList
      count={problems.length}
      label={t('tabProblems')}
      rowHeight={48}
      renderRow={(index) => {
        const problem = problems[index];
        const where =
          problem.row === undefined
            ? (problem.sheet ?? '')
            : t('excludedWhere', { sheet: problem.sheet ?? '', row: problem.row });
        const what = describeProblem(problem, language);
        return (
          <span className={styles.twoLines} title={`${where}\n${what}`}>
            <span className={mergeClasses(styles.oneLine, styles.secondary)}>{where}</span>
            <span className={styles.oneLine}>{what}</span>
          </span>
        );
      }}
    />
  );
}
