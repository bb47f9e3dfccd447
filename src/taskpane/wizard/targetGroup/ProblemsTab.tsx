import { useState } from 'react';
import { Link, Text, mergeClasses } from '@fluentui/react-components';
import type { Problem } from '../../../core/kernel/problems';
import { describeProblem } from '../../../core/kernel/problemMessages';
import { useI18n } from '../../../i18n/useI18n';
import { failureText } from '../../services/problemText';
import { ActionFeedback } from '../../shell/ActionFeedback';
import { useNarrowStyles } from '../../shell/narrowStyles';
import { VirtualList } from '../VirtualList';

export interface ProblemsTabProps {
  /** The workbook's data problems and those the selections met. */
  problems: readonly Problem[];
  /** Shows a row in Excel; absent where nobody looks at the workbook. */
  onShow?(sheet: string, row: number): Promise<void>;
}

/** Each note as a two-line item: where (sheet and row, a link that shows the row in Excel), then what. */
export function ProblemsTab({ problems, onShow }: ProblemsTabProps) {
  const styles = useNarrowStyles();
  const { t, language } = useI18n();
  const [failure, setFailure] = useState<string | null>(null);
  if (problems.length === 0) return <Text>{t('problemsEmpty')}</Text>;
  const show = (sheet: string, row: number) => {
    setFailure(null);
    onShow?.(sheet, row).catch((error: unknown) => setFailure(failureText(error, language)));
  };
  return (
    <>
      <ActionFeedback
        result={failure ? { intent: 'error', title: t('rowNotShown'), text: failure } : null}
        onDismiss={() => setFailure(null)}
        testId="show-row-failed"
      />
      <VirtualList
        count={problems.length}
        label={t('tabProblems')}
        rowHeight={48}
        renderRow={(index) => {
          const problem = problems[index];
          const { sheet, row } = problem;
          const where = row === undefined ? (sheet ?? '') : t('excludedWhere', { sheet: sheet ?? '', row });
          // the first line names sheet and row; said again, they pushed the message itself out of a 320 px row
          const what = describeProblem(
            row === undefined ? problem : { ...problem, sheet: undefined, row: undefined },
            language,
          );
          return (
            <span className={styles.twoLines} title={`${where}\n${what}`}>
              {onShow && sheet !== undefined && row !== undefined ? (
                // subtle: the brand-coloured link lacked contrast on the active row in the dark theme (axe)
                <Link
                  as="button"
                  appearance="subtle"
                  inline
                  tabIndex={-1}
                  className={styles.oneLine}
                  aria-label={t('showRowLabel', { where })}
                  onClick={() => show(sheet, row)}
                >
                  {where}
                </Link>
              ) : (
                <span className={mergeClasses(styles.oneLine, styles.secondary)}>{where}</span>
              )}
              <span className={styles.oneLine}>{what}</span>
            </span>
          );
        }}
      />
    </>
  );
}
