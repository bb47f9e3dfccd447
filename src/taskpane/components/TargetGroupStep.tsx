import { useMemo, useState } from 'react';
import {
  Button,
  Tab,
  TabList,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  makeStyles,
  mergeClasses,
  tokens,
} from '@fluentui/react-components';
import type { WorkbookData } from '../../core/kernel/model';
import { describeProblem } from '../../core/kernel/problemMessages';
import { useI18n } from '../../i18n/useI18n';
import type { PaneSession } from '../services/paneSession';
import type { WizardActions } from '../state/useWizard';
import type { WizardState } from '../state/wizardReducer';
import { displayName } from '../state/recordFilter';
import { REASON_LABEL, reportText } from '../state/reportText';
import { mergedRowCount } from '../../core/group/targetGroupModel';
import { VirtualList } from './VirtualList';

type GroupTab = 'members' | 'excluded' | 'problems' | 'history';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  text: { flexGrow: 1, overflow: 'hidden', textOverflow: 'ellipsis' },
  person: { flexGrow: 1, minWidth: 0, display: 'flex', flexDirection: 'column' },
  line: { overflow: 'hidden', textOverflow: 'ellipsis' },
  source: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  history: {
    margin: 0,
    paddingLeft: tokens.spacingHorizontalL,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
  },
  problems: { maxHeight: '320px', overflowY: 'auto', backgroundColor: tokens.colorNeutralBackground1 },
});

export interface TargetGroupStepProps {
  state: WizardState;
  data: WorkbookData;
  actions: WizardActions;
  session: PaneSession;
}

export function TargetGroupStep({ state, data, actions, session }: TargetGroupStepProps) {
  const styles = useStyles();
  const i18n = useI18n();
  const { t, language, formatNumber } = i18n;
  const [tab, setTab] = useState<GroupTab>('members');
  const { draft, group } = state;
  const labels = useMemo(() => (draft ? session.selectionLabels(draft) : []), [draft, session]);
  const problems = useMemo(() => [...data.problems, ...group.problems], [data.problems, group.problems]);
  const merged = useMemo(() => mergedRowCount(group), [group]);
  if (!draft) return null;

  return (
    <div className={styles.root}>
      <TabList selectedValue={tab} onTabSelect={(_, { value }) => setTab(value as GroupTab)} size="small">
        <Tab value="members">
          {`${t('tabMembers')} (${formatNumber(group.members.length)}${merged > 0 ? ` · ${t('membersMerged', { count: merged })}` : ''})`}
        </Tab>
        <Tab value="excluded">{`${t('tabExcluded')} (${formatNumber(group.excluded.length)})`}</Tab>
        <Tab value="problems">{`${t('tabProblems')} (${formatNumber(problems.length)})`}</Tab>
        <Tab value="history">{`${t('tabHistory')} (${formatNumber(draft.selections.length)})`}</Tab>
      </TabList>

      {tab === 'members' &&
        (group.members.length === 0 ? (
          <Text>{t('membersEmpty')}</Text>
        ) : (
          <VirtualList
            count={group.members.length}
            label={t('tabMembers')}
            rowHeight={48}
            renderRow={(index) => {
              const member = group.members[index];
              const name = displayName(member.recipient);
              return (
                <>
                  <span className={styles.person}>
                    <span className={styles.line}>
                      {name} · {member.recipient.email || member.recipient.city}
                    </span>
                    <span className={mergeClasses(styles.line, styles.source)}>
                      {t('columnSource')}: {labels[member.selectionIndex] ?? ''}
                    </span>
                  </span>
                  <Button
                    size="small"
                    aria-label={t('removeMemberLabel', { name })}
                    onClick={() => actions.removeMember(member.key)}
                  >
                    {t('removeMember')}
                  </Button>
                </>
              );
            }}
          />
        ))}

      {tab === 'excluded' &&
        (group.excluded.length === 0 ? (
          <Text>{t('excludedEmpty')}</Text>
        ) : (
          <VirtualList
            count={group.excluded.length}
            label={t('tabExcluded')}
            rowHeight={48}
            renderRow={(index) => {
              const exclusion = group.excluded[index];
              const name = displayName(exclusion.recipient);
              return (
                <>
                  <span className={styles.person}>
                    <span className={styles.line}>
                      {name} · <strong>{t(REASON_LABEL[exclusion.reason])}</strong>
                    </span>
                    <span className={mergeClasses(styles.line, styles.source)}>
                      {t('excludedWhere', { sheet: exclusion.recipient.sheet, row: exclusion.recipient.row })}
                      {exclusion.carrier &&
                        ` · ${t('excludedCarrier', { sheet: exclusion.carrier.sheet, row: exclusion.carrier.row })}`}
                    </span>
                  </span>
                  {exclusion.reason === 'removedByUser' && (
                    <Button
                      size="small"
                      aria-label={t('restoreMemberLabel', { name })}
                      onClick={() => actions.restoreMember(exclusion.key)}
                    >
                      {t('restoreMember')}
                    </Button>
                  )}
                </>
              );
            }}
          />
        ))}

      {tab === 'problems' &&
        (problems.length === 0 ? (
          <Text>{t('problemsEmpty')}</Text>
        ) : (
          <div className={styles.problems}>
            <Table size="extra-small" aria-label={t('tabProblems')}>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell>{t('columnSheet')}</TableHeaderCell>
                  <TableHeaderCell>{t('columnRow')}</TableHeaderCell>
                  <TableHeaderCell>{t('columnWhat')}</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {problems.map((problem, i) => (
                  <TableRow key={i}>
                    <TableCell>{problem.sheet ?? ''}</TableCell>
                    <TableCell>{problem.row ?? ''}</TableCell>
                    <TableCell>{describeProblem(problem, language)}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
        ))}

      {tab === 'history' &&
        (draft.selections.length === 0 ? (
          <Text>{t('historyEmpty')}</Text>
        ) : (
          <ol className={styles.history}>
            {draft.selections.map((_, index) => {
              const report = group.reports.find((r) => r.selectionIndex === index);
              return (
                <li key={index}>
                  <Text>{labels[index]}</Text>
                  {report && <Text className={styles.source}> — {reportText(report, i18n)}</Text>}{' '}
                  <Button
                    size="small"
                    onClick={() => actions.removeSelection(index)}
                    aria-label={`${t('removeSelection')}: ${labels[index]}`}
                  >
                    {t('removeSelection')}
                  </Button>
                </li>
              );
            })}
          </ol>
        ))}
    </div>
  );
}
