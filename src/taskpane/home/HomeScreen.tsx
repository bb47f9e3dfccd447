import { useState } from 'react';
import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { StoredCampaign } from '../../core/campaign/campaign';
import type { MessageKey } from '../../i18n/de';
import type { MappingOverrides, WorkbookData } from '../../core/kernel/model';
import { useI18n } from '../../i18n/useI18n';
import type { PaneSession } from '../services/paneSession';
import type { WizardActions } from '../wizard/useWizard';
import type { HomeFailure, HomeState } from '../wizard/wizardReducer';
import { CampaignCard } from './CampaignCard';
import { DeleteCampaignDialog } from './DeleteCampaignDialog';
import { RecognitionSummary } from '../mapping/RecognitionSummary';

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

const FAILURE: Record<HomeFailure['action'], MessageKey> = {
  duplicate: 'duplicateFailed',
  remove: 'removeFailed',
};

export interface HomeScreenProps {
  state: HomeState;
  data: WorkbookData;
  mapping: MappingOverrides | undefined;
  session: PaneSession;
  actions: WizardActions;
}

export function HomeScreen({ state, data, mapping, session, actions }: HomeScreenProps) {
  const styles = useStyles();
  const { t } = useI18n();
  const [toDelete, setToDelete] = useState<StoredCampaign | null>(null);
  const { campaigns, failure } = state;
  return (
    <div className={styles.root}>
      <RecognitionSummary
        data={data}
        mapping={mapping}
        session={session}
        onSaveMapping={actions.saveMapping}
        collapsed={mapping !== undefined && data.problems.every((p) => p.severity !== 'error')}
      />
      <div className={styles.actions}>
        <Button appearance="primary" onClick={actions.create}>
          {t('newCampaign')}
        </Button>
      </div>
      <h2 className={styles.heading}>{t('homeTitle')}</h2>
      {failure && (
        <MessageBar intent="error" data-testid="home-failure">
          <MessageBarBody>{t(FAILURE[failure.action], { message: failure.message })}</MessageBarBody>
          <MessageBarActions>
            <Button size="small" onClick={actions.dismissHomeFailure}>
              {t('close')}
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}
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
              onDuplicate={() => void actions.duplicate(campaign.id, t('copySuffix'))}
              onDelete={() => setToDelete(campaign)}
            />
          ))}
        </ul>
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
