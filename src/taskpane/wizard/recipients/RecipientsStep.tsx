import { useContext, useMemo, useState } from 'react';
import { createPortal } from 'react-dom';
import {
  Button,
  MessageBar,
  MessageBarBody,
  Spinner,
  Switch,
  Tab,
  TabList,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { SelectionMode } from '../../../core/campaign/campaign';
import { excludedCount } from '../../../core/group/targetGroupModel';
import type { SheetRole, WorkbookData } from '../../../core/kernel/model';
import { useI18n } from '../../../i18n/useI18n';
import type { MessageKey } from '../../../i18n/de';
import type { Translator } from '../../../i18n/i18n';
import type { PaneSession } from '../../services/paneSession';
import type { WizardActions } from '../useWizard';
import type { OpenCampaign, RecipientMethod } from '../wizardReducer';
import { selectionOutcomeText } from '../selectionOutcome';
import { StepFooterSlot } from '../stepFooter';
import { RecordPicker } from './RecordPicker';
import { ArticlePicker } from './ArticlePicker';
import { InactiveCustomersForm } from './InactiveCustomersForm';
import { HistorySelectionForm } from './HistorySelectionForm';
import { historyCampaigns } from '../../../core/group/historySelections';
import { problemsText } from '../../services/problemText';
import { useSelectionPreview, type SelectionPreview } from './useSelectionPreview';

const METHODS: Array<{ method: RecipientMethod; label: MessageKey }> = [
  { method: 'contacts', label: 'methodContacts' },
  { method: 'customers', label: 'methodCustomers' },
  { method: 'purchasedArticles', label: 'methodArticles' },
  { method: 'inactiveCustomers', label: 'methodInactive' },
  { method: 'history', label: 'methodHistory' },
];

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  apply: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
  preview: { flexGrow: 1, flexBasis: '140px', minWidth: 0 },
});

export interface RecipientsStepProps {
  open: OpenCampaign;
  data: WorkbookData;
  actions: WizardActions;
  session: PaneSession;
}

const missingRole = (method: RecipientMethod, data: WorkbookData): SheetRole | null => {
  if (method === 'contacts' && data.contacts === null) return 'contacts';
  if ((method === 'purchasedArticles' || method === 'inactiveCustomers') && data.sales.length === 0)
    return 'sales';
  return null;
};

const previewText = (preview: SelectionPreview, { t }: Pick<Translator, 't'>): string => {
  switch (preview.status) {
    case 'nothingSelected':
      return t('previewNothingSelected');
    case 'working':
      return t('working');
    case 'failed':
      return t('previewFailed', { message: preview.message });
    case 'ready': {
      const { added, alreadyIn, merged, removed } = preview.report;
      if (removed !== undefined) return t('previewWouldRemove', { removed });
      const excluded = excludedCount(preview.report);
      return (
        t('previewWouldAdd', { added, alreadyIn }) +
        (merged > 0 ? `, ${t('appliedMerged', { count: merged })}` : '') +
        (excluded > 0 ? t('previewExcluded', { excluded }) : '')
      );
    }
  }
};

export function RecipientsStep({ open, data, actions, session }: RecipientsStepProps) {
  const styles = useStyles();
  const i18n = useI18n();
  const { t } = i18n;
  const { draft, group, method, lastApplied } = open;
  const [mode, setMode] = useState<SelectionMode>('add');
  const { selection, choose, preview, applying, apply } = useSelectionPreview(
    session,
    data,
    draft,
    group,
    actions.applySelection,
    mode,
  );
  const missing = missingRole(method, data);
  const usedCampaigns = useMemo(() => historyCampaigns(data.history), [data.history]);
  const noHistory = method === 'history' && usedCampaigns.length === 0;
  const unreadableHistory = data.problems.filter((problem) => problem.code === 'historyUnreadable');
  const pickerKey = `${method}-${draft.selections.length}`;
  const running = applying.status === 'running';
  const footer = useContext(StepFooterSlot);
  const applyRow = (
    <div className={styles.apply}>
      <Text className={styles.preview} aria-live="polite" data-testid="selection-preview">
        {previewText(preview, i18n)}
      </Text>
      {running && <Spinner size="tiny" aria-label={t('working')} />}
      <Button appearance="primary" disabled={!selection || running} onClick={() => void apply()}>
        {mode === 'remove' ? t('applyRemoval') : t('applySelection')}
      </Button>
    </div>
  );

  return (
    <div className={styles.root}>
      <TabList
        selectedValue={method}
        onTabSelect={(_, { value }) => actions.changeMethod(value as RecipientMethod)}
        aria-label={t('methodLabel')}
        size="small"
        vertical
      >
        {METHODS.map(({ method: m, label }) => (
          <Tab key={m} value={m}>
            {t(label)}
          </Tab>
        ))}
      </TabList>
      <Switch
        checked={mode === 'remove'}
        onChange={(_, { checked }) => setMode(checked ? 'remove' : 'add')}
        label={t('selectionModeRemove')}
      />
      {missing || noHistory ? (
        <MessageBar intent="info">
          <MessageBarBody>
            {missing
              ? t('methodUnavailable', { role: i18n.role(missing) })
              : unreadableHistory.length > 0
                ? problemsText(unreadableHistory, i18n.language)
                : t('historyMissing')}
          </MessageBarBody>
        </MessageBar>
      ) : (
        <>
          {method === 'contacts' && (
            <RecordPicker key={pickerKey} from="contacts" data={data} onChange={choose} />
          )}
          {method === 'customers' && (
            <RecordPicker key={pickerKey} from="customers" data={data} onChange={choose} />
          )}
          {method === 'purchasedArticles' && (
            <ArticlePicker key={pickerKey} articles={data.articles} onChange={choose} />
          )}
          {method === 'inactiveCustomers' && (
            <InactiveCustomersForm key={pickerKey} today={session.todayIso()} onChange={choose} />
          )}
          {method === 'history' && (
            <HistorySelectionForm key={pickerKey} campaigns={usedCampaigns} onChange={choose} />
          )}
          {footer ? createPortal(applyRow, footer) : applyRow}
          {applying.status === 'failed' && (
            <MessageBar intent="error" data-testid="apply-failed">
              <MessageBarBody>{t('applyFailed', { message: applying.message })}</MessageBarBody>
            </MessageBar>
          )}
        </>
      )}
      {lastApplied && (
        <MessageBar intent="success" data-testid="applied-result">
          <MessageBarBody>{selectionOutcomeText(lastApplied, i18n)}</MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}
