import {
  Button,
  Card,
  Field,
  MessageBar,
  MessageBarBody,
  Select,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { CsvDelimiter } from '../../../core/outputs/csv';
import { useI18n } from '../../../i18n/useI18n';
import type { PaneSession } from '../../services/paneSession';
import type { WizardActions } from '../useWizard';
import type { OpenCampaign, Task } from '../wizardReducer';
import { RUNNING, outcomeResult } from '../outcomeText';
import { ActionFeedback } from '../../shell/ActionFeedback';
import { CsvExportCheck } from './CsvExportCheck';
import { useExportCheck } from './useExportCheck';
import { WordTemplateCard } from './WordTemplateCard';
import { LeadsQuestion } from './LeadsQuestion';

const DELIMITERS: Array<{
  value: CsvDelimiter;
  key: 'delimiterSemicolon' | 'delimiterComma' | 'delimiterTab';
}> = [
  { value: ';', key: 'delimiterSemicolon' },
  { value: ',', key: 'delimiterComma' },
  { value: '\t', key: 'delimiterTab' },
];

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  card: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  hint: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
});

export interface UseStepProps {
  open: OpenCampaign;
  csvDelimiter: CsvDelimiter;
  actions: WizardActions;
  session: PaneSession;
}

export function UseStep({ open, csvDelimiter, actions, session }: UseStepProps) {
  const styles = useStyles();
  const i18n = useI18n();
  const { t } = i18n;
  const busy = open.operation.status === 'running';
  const empty = open.group.members.length === 0;
  const disabled = busy || empty;
  const check = useExportCheck(session, open.draft, open.group);
  /** Each use reports in its own card, beside its button. */
  const feedback = (task: Exclude<Task, 'blocklist'>) => (
    <ActionFeedback
      busy={open.operation.status === 'running' && open.operation.task === task}
      busyLabel={t(RUNNING[task])}
      result={open.outcome?.task === task ? outcomeResult(open.outcome, i18n) : null}
      onRetry={() => void actions.retryTask()}
      extra={open.outcome && <LeadsQuestion outcome={open.outcome} busy={busy} actions={actions} />}
      testId="use-outcome"
    />
  );
  return (
    <div className={styles.root}>
      {empty && (
        <MessageBar intent="warning">
          <MessageBarBody>{t('useEmptyGroup')}</MessageBarBody>
        </MessageBar>
      )}
      <Card className={styles.card}>
        <Button appearance="primary" disabled={disabled} onClick={() => void actions.writeTargetSheet()}>
          {t('useTargetSheet')}
        </Button>
        <Text className={styles.hint}>{t('useTargetSheetHint')}</Text>
        {feedback('targetSheet')}
      </Card>
      <Card className={styles.card}>
        <Button disabled={disabled} onClick={() => void actions.writeLeads()}>
          {t('useLeads')}
        </Button>
        <Text className={styles.hint}>{t('useLeadsHint')}</Text>
        {feedback('leads')}
      </Card>
      <Card className={styles.card}>
        <Field label={t('csvDelimiter')}>
          <Select
            value={csvDelimiter}
            disabled={busy}
            onChange={(_, { value }) => actions.changeCsvDelimiter(value as CsvDelimiter)}
          >
            {DELIMITERS.map(({ value, key }) => (
              <option key={key} value={value}>
                {t(key)}
              </option>
            ))}
          </Select>
        </Field>
        {!empty ? (
          <CsvExportCheck check={check} disabled={disabled} onExport={() => void actions.exportCsv()} />
        ) : (
          <Button disabled={disabled} onClick={() => void actions.exportCsv()}>
            {t('useCsv')}
          </Button>
        )}
        <Text className={styles.hint}>{t('useCsvHint')}</Text>
        {feedback('csv')}
      </Card>
      <WordTemplateCard language={open.draft.language ?? i18n.language} />
      <Card className={styles.card}>
        <Button disabled={busy} onClick={() => void actions.openEvaluation(open.draft.id)}>
          {t('evaluateUse')}
        </Button>
        <Text className={styles.hint}>{t('evaluateUseHint')}</Text>
      </Card>
    </div>
  );
}
