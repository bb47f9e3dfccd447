import { useState } from 'react';
import { Button, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { StoredCampaign } from '../../core/campaign/campaign';
import type { MessageKey } from '../../i18n/de';
import type { MappingOverrides, WorkbookData } from '../../core/kernel/model';
import { useI18n } from '../../i18n/useI18n';
import type { PaneSession } from '../services/paneSession';
import type { WizardActions } from '../wizard/useWizard';
import type { HomeAction, HomeState, HomeTask } from '../wizard/wizardReducer';
import type { Translator } from '../../i18n/i18n';
import { ActionFeedback, type ActionResult } from '../shell/ActionFeedback';
import { CampaignCard } from './CampaignCard';
import { DeleteCampaignDialog } from './DeleteCampaignDialog';
import { RefreshDialog } from './RefreshDialog';
import type { RefreshPreview } from '../services/paneSession';
import { RecognitionSummary } from '../mapping/RecognitionSummary';
import { PersonSearch } from './PersonSearch';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  heading: { fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold, margin: 0 },
  actions: { display: 'flex', gap: tokens.spacingHorizontalXS, flexWrap: 'wrap' },
  cards: {
    listStyle: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
  },
});

const TEXTS: Record<HomeTask['action'], Record<'running' | 'done' | 'failed', MessageKey>> = {
  duplicate: { running: 'duplicating', done: 'duplicated', failed: 'duplicateFailed' },
  remove: { running: 'removing', done: 'removed', failed: 'removeFailed' },
  refresh: { running: 'refreshing', done: 'refreshed', failed: 'refreshFailed' },
};

const homeResult = (action: HomeAction, t: Translator['t']): ActionResult | null => {
  if (action.status === 'done') return { intent: 'success', text: t(TEXTS[action.action].done, action) };
  if (action.status === 'failed')
    return { intent: 'error', title: t(TEXTS[action.action].failed, action), text: action.message };
  return null;
};

export interface HomeScreenProps {
  state: HomeState;
  /** null while the user's sheets are being read: the campaigns show, what needs the data waits. */
  data: WorkbookData | null;
  mapping: MappingOverrides | undefined;
  session: PaneSession;
  actions: WizardActions;
}

export function HomeScreen({ state, data, mapping, session, actions }: HomeScreenProps) {
  const styles = useStyles();
  const { t } = useI18n();
  const [toDelete, setToDelete] = useState<StoredCampaign | null>(null);
  const [searching, setSearching] = useState(false);
  const [toRefresh, setToRefresh] = useState<{ name: string; preview: RefreshPreview } | null>(null);
  const { campaigns, action } = state;
  const duplicate = (id: string) => void actions.duplicate(id, t('copySuffix'));
  const refresh = async (campaign: StoredCampaign) => {
    const preview = await actions.previewRefresh(campaign.id);
    if (preview) setToRefresh({ name: campaign.name, preview });
  };
  return (
    <div className={styles.root}>
      {data && (
        <RecognitionSummary
          data={data}
          mapping={mapping}
          session={session}
          onSaveMapping={actions.saveMapping}
          collapsed={mapping !== undefined && data.problems.every((p) => p.severity !== 'error')}
        />
      )}
      <div className={styles.actions}>
        <Button appearance="primary" onClick={actions.create}>
          {t('newCampaign')}
        </Button>
        <Button
          aria-expanded={searching}
          onClick={() => setSearching((open) => !open)}
          disabled={data === null}
        >
          {t('personSearchOpen')}
        </Button>
      </div>
      {searching && data && <PersonSearch session={session} />}
      <h2 className={styles.heading}>{t('homeTitle')}</h2>
      <ActionFeedback
        busy={action.status === 'running'}
        busyLabel={action.status === 'running' ? t(TEXTS[action.action].running, action) : ''}
        result={homeResult(action, t)}
        onRetry={() => {
          if (action.status !== 'failed') return;
          if (action.action === 'duplicate') duplicate(action.id);
          else if (action.action === 'refresh') {
            const campaign = campaigns.find((c) => c.id === action.id);
            if (campaign) void refresh(campaign);
          } else void actions.remove(action.id);
        }}
        onDismiss={actions.dismissHomeAction}
        testId="home-outcome"
      />
      {campaigns.length === 0 ? (
        <Text>{t('homeEmpty')}</Text>
      ) : (
        <ul className={styles.cards} aria-label={t('homeTitle')}>
          {campaigns.map((campaign) => (
            <CampaignCard
              key={campaign.id}
              campaign={campaign}
              onOpen={() => actions.open(campaign.id)}
              onEvaluate={() => void actions.openEvaluation(campaign.id)}
              onDuplicate={() => duplicate(campaign.id)}
              onDelete={() => setToDelete(campaign)}
              onRefresh={() => void refresh(campaign)}
              workbookRead={data !== null}
            />
          ))}
        </ul>
      )}
      {toRefresh && (
        <RefreshDialog
          name={toRefresh.name}
          preview={toRefresh.preview}
          onCancel={() => setToRefresh(null)}
          onAccept={(declined) => {
            setToRefresh(null);
            void actions.acceptRefresh(toRefresh.preview, declined);
          }}
        />
      )}
      {toDelete && (
        <DeleteCampaignDialog
          name={toDelete.name}
          onCancel={() => setToDelete(null)}
          onConfirm={() => {
            setToDelete(null);
            void actions.remove(toDelete.id);
          }}
        />
      )}
    </div>
  );
}
