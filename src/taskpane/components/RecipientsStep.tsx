import { useCallback, useEffect, useState } from 'react';
import {
  Button,
  MessageBar,
  MessageBarBody,
  Spinner,
  Tab,
  TabList,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { SelectionDefinition } from '../../core/campaign/campaign';
import type { WorkbookData } from '../../core/kernel/model';
import type { TargetGroup } from '../../core/group/targetGroupModel';
import { useI18n } from '../../i18n/useI18n';
import type { MessageKey } from '../../i18n/de';
import { todayIso, type PaneSession } from '../services/paneSession';
import type { WizardActions } from '../state/useWizard';
import type { RecipientMethod, WizardState } from '../state/wizardReducer';
import { excludedTotal, reportText } from '../state/reportText';
import { RecordPicker } from './RecordPicker';
import { ArticlePicker } from './ArticlePicker';
import { InactiveCustomersForm } from './InactiveCustomersForm';

const PREVIEW_DELAY_MS = 250;

/** The group a selection would give, computed once for the preview and reused when the user applies it. */
interface Previewed {
  selection: SelectionDefinition;
  base: TargetGroup;
  result: TargetGroup;
}

const METHODS: Array<{ method: RecipientMethod; label: MessageKey }> = [
  { method: 'contacts', label: 'methodContacts' },
  { method: 'customers', label: 'methodCustomers' },
  { method: 'purchasedArticles', label: 'methodArticles' },
  { method: 'inactiveCustomers', label: 'methodInactive' },
];

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  apply: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
  preview: { flexGrow: 1 },
});

export interface RecipientsStepProps {
  state: WizardState;
  data: WorkbookData;
  actions: WizardActions;
  session: PaneSession;
}

const missingRole = (method: RecipientMethod, data: WorkbookData): MessageKey | null => {
  if (method === 'contacts' && data.contacts === null) return 'roleContacts';
  if ((method === 'purchasedArticles' || method === 'inactiveCustomers') && data.sales.length === 0)
    return 'roleSales';
  return null;
};

export function RecipientsStep({ state, data, actions, session }: RecipientsStepProps) {
  const styles = useStyles();
  const i18n = useI18n();
  const { t } = i18n;
  const { draft, group, method, lastApplied } = state;
  const [selection, setSelection] = useState<SelectionDefinition | null>(null);
  const [previewed, setPreviewed] = useState<Previewed | null>(null);
  const [applying, setApplying] = useState(false);
  const onChange = useCallback((next: SelectionDefinition | null) => setSelection(next), []);

  useEffect(() => {
    setPreviewed(null);
    if (!selection || !draft) return;
    let current = true;
    const timer = setTimeout(() => {
      void session.previewSelection(group, data, draft, selection).then((result) => {
        if (current) setPreviewed({ selection, base: group, result });
      });
    }, PREVIEW_DELAY_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [data, draft, group, selection, session]);

  if (!draft) return null;
  const current =
    previewed && previewed.selection === selection && previewed.base === group ? previewed : null;
  const preview = current ? current.result.reports[current.result.reports.length - 1] : null;
  const missing = missingRole(method, data);
  const apply = async () => {
    if (!selection) return;
    setApplying(true);
    await actions.applySelection(selection, current?.result);
    setApplying(false);
    setSelection(null);
  };
  const pickerKey = `${method}-${draft.selections.length}`;

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
      {missing ? (
        <MessageBar intent="info">
          <MessageBarBody>{t('methodUnavailable', { role: t(missing) })}</MessageBarBody>
        </MessageBar>
      ) : (
        <>
          {method === 'contacts' && (
            <RecordPicker key={pickerKey} from="contacts" data={data} onChange={onChange} />
          )}
          {method === 'customers' && (
            <RecordPicker key={pickerKey} from="customers" data={data} onChange={onChange} />
          )}
          {method === 'purchasedArticles' && (
            <ArticlePicker key={pickerKey} articles={data.articles} onChange={onChange} />
          )}
          {method === 'inactiveCustomers' && (
            <InactiveCustomersForm key={pickerKey} today={todayIso()} onChange={onChange} />
          )}
          <div className={styles.apply}>
            <Text className={styles.preview} aria-live="polite" data-testid="selection-preview">
              {!selection
                ? t('previewNothingSelected')
                : preview
                  ? t('previewWouldAdd', { added: preview.added, alreadyIn: preview.alreadyIn }) +
                    (preview.merged > 0 ? `, ${t('appliedMerged', { count: preview.merged })}` : '') +
                    (excludedTotal(preview) > 0
                      ? t('previewExcluded', { excluded: excludedTotal(preview) })
                      : '')
                  : t('working')}
            </Text>
            {applying && <Spinner size="tiny" aria-label={t('working')} />}
            <Button appearance="primary" disabled={!selection || applying} onClick={() => void apply()}>
              {t('applySelection')}
            </Button>
          </div>
        </>
      )}
      {lastApplied && (
        <MessageBar intent="success" data-testid="applied-result">
          <MessageBarBody>{reportText(lastApplied, i18n)}</MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}
