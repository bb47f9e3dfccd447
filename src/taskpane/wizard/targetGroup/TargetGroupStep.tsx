import { useMemo, useState } from 'react';
import { Text, makeStyles, tokens } from '@fluentui/react-components';
import { mergedRowCount, type Member } from '../../../core/group/targetGroupModel';
import type { WorkbookData } from '../../../core/kernel/model';
import { useI18n } from '../../../i18n/useI18n';
import type { PaneSession } from '../../services/paneSession';
import type { WizardActions } from '../useWizard';
import type { OpenCampaign } from '../wizardReducer';
import { RUNNING, outcomeResult } from '../outcomeText';
import { ActionFeedback } from '../../shell/ActionFeedback';
import { ConfirmDialog } from '../../shell/ConfirmDialog';
import { displayName } from '../recipients/recordFilter';
import { ExcludedTab } from './ExcludedTab';
import { GroupTabs, type GroupTab } from './GroupTabs';
import { HistoryTab } from './HistoryTab';
import { MembersTab } from './MembersTab';
import { ProblemsTab } from './ProblemsTab';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
});

export interface TargetGroupStepProps {
  open: OpenCampaign;
  data: WorkbookData;
  actions: WizardActions;
  session: PaneSession;
}

export function TargetGroupStep({ open, data, actions, session }: TargetGroupStepProps) {
  const styles = useStyles();
  const i18n = useI18n();
  const { t } = i18n;
  const [tab, setTab] = useState<GroupTab>('members');
  const [blocking, setBlocking] = useState<Member | null>(null);
  const { draft, group } = open;
  const labels = useMemo(() => session.selectionLabels(draft), [draft, session]);
  const problems = useMemo(() => [...data.problems, ...group.problems], [data.problems, group.problems]);
  const merged = useMemo(() => mergedRowCount(group), [group]);

  return (
    <div className={styles.root}>
      <GroupTabs
        selected={tab}
        onSelect={setTab}
        tabs={[
          { value: 'members', label: t('tabMembers'), count: group.members.length },
          { value: 'excluded', label: t('tabExcluded'), count: group.excluded.length },
          { value: 'problems', label: t('tabProblems'), count: problems.length },
          { value: 'history', label: t('tabHistory'), count: draft.selections.length },
        ]}
      />
      {tab === 'members' && merged > 0 && (
        <Text data-testid="members-merged">
          {merged === 1 ? t('membersMergedOne') : t('membersMerged', { count: merged })}
        </Text>
      )}
      <ActionFeedback
        busy={open.operation.status === 'running' && open.operation.task === 'blocklist'}
        busyLabel={t(RUNNING.blocklist)}
        result={open.outcome?.task === 'blocklist' ? outcomeResult(open.outcome, i18n) : null}
        onRetry={() => void actions.retryTask()}
        onDismiss={actions.dismissOutcome}
        testId="blocklist-outcome"
      />
      {tab === 'members' && (
        <MembersTab
          members={group.members}
          labels={labels}
          onRemove={actions.removeMember}
          onBlock={setBlocking}
        />
      )}
      {blocking && (
        <ConfirmDialog
          title={t('blockTitle', { name: displayName(blocking.recipient) })}
          body={t('blockBody', { name: displayName(blocking.recipient) })}
          confirmLabel={t('blockConfirm')}
          onCancel={() => setBlocking(null)}
          onConfirm={() => {
            setBlocking(null);
            void actions.blockMember(blocking, data);
          }}
        />
      )}
      {tab === 'excluded' && <ExcludedTab excluded={group.excluded} onRestore={actions.restoreMember} />}
      {tab === 'problems' && <ProblemsTab problems={problems} onShow={session.showRow} />}
      {tab === 'history' && (
        <HistoryTab
          labels={labels}
          reports={group.reports}
          count={draft.selections.length}
          onRemove={actions.removeSelection}
        />
      )}
    </div>
  );
}
