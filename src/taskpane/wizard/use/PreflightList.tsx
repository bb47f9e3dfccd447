import { Text, makeStyles, tokens } from '@fluentui/react-components';
import { describeProblem } from '../../../core/kernel/problemMessages';
import type { PreflightReport } from '../../../core/outputs/preflight';
import { useI18n } from '../../../i18n/useI18n';

/** A long list helps nobody in a narrow pane: the first members are listed, the rest counted. */
const SHOWN = 50;

const useStyles = makeStyles({
  list: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
  },
  problem: { color: tokens.colorNeutralForeground2, overflowWrap: 'anywhere' },
});

export interface PreflightListProps {
  report: PreflightReport;
}

/** Who would print wrong and why, with sheet and row to find them. */
export function PreflightList({ report }: PreflightListProps) {
  const styles = useStyles();
  const { t, language } = useI18n();
  const rest = report.entries.length - Math.min(report.entries.length, SHOWN);
  return (
    <>
      <ul className={styles.list} aria-label={t('preflightListLabel')} data-testid="preflight-list">
        {report.entries.slice(0, SHOWN).map((entry) => (
          <li key={entry.key}>
            <Text weight="semibold" block>
              {entry.name}
            </Text>
            {entry.problems.map((problem, i) => (
              <Text key={i} size={200} block className={styles.problem}>
                {describeProblem(problem, language)}
              </Text>
            ))}
          </li>
        ))}
      </ul>
      {rest > 0 && <Text size={200}>{t('preflightMore', { count: rest })}</Text>}
    </>
  );
}
