import { useState } from 'react';
import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { StoredCampaign } from '../../core/campaign/campaign';
import type { MessageKey } from '../../i18n/de';
import type { MappingOverrides, WorkbookData } from '../../core/kernel/model';
import { campaignTypeLabel } from '../../core/campaign/campaignTypes';
import { useI18n } from '../../i18n/useI18n';
import type { PaneSession } from '../services/paneSession';
import type { WizardActions } from '../wizard/useWizard';
import type { HomeFailure, HomeState } from '../wizard/wizardReducer';
import { DeleteCampaignDialog } from './DeleteCampaignDialog';
import { RecognitionSummary } from '../mapping/RecognitionSummary';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  heading: { fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold, margin: 0 },
  actions: { display: 'flex', gap: tokens.spacingHorizontalXS, flexWrap: 'wrap' },
  table: { backgroundColor: tokens.colorNeutralBackground1 },
  number: { textAlign: 'end' },
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
  const { t, language, formatNumber, formatDateTime } = useI18n();
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
        <Table className={styles.table} size="small" aria-label={t('homeTitle')}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{t('columnName')}</TableHeaderCell>
              <TableHeaderCell>{t('columnType')}</TableHeaderCell>
              <TableHeaderCell>{t('columnMembers')}</TableHeaderCell>
              <TableHeaderCell>{t('columnUpdated')}</TableHeaderCell>
              <TableHeaderCell>{t('columnActions')}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {campaigns.map((campaign) => (
              <TableRow key={campaign.id}>
                <TableCell>
                  <Button appearance="transparent" onClick={() => actions.open(campaign.id)}>
                    {campaign.name}
                  </Button>
                </TableCell>
                <TableCell>{campaignTypeLabel(campaign.type, language)}</TableCell>
                <TableCell className={styles.number}>{formatNumber(campaign.memberCount)}</TableCell>
                <TableCell>{formatDateTime(campaign.updatedAt)}</TableCell>
                <TableCell>
                  <div
                    className={styles.actions}
                    role="group"
                    aria-label={t('campaignActions', { name: campaign.name })}
                  >
                    <Button size="small" onClick={() => actions.open(campaign.id)}>
                      {t('openCampaign')}
                    </Button>
                    <Button size="small" onClick={() => void actions.openEvaluation(campaign.id)}>
                      {t('evaluate')}
                    </Button>
                    <Button size="small" onClick={() => void actions.duplicate(campaign.id, t('copySuffix'))}>
                      {t('duplicateCampaign')}
                    </Button>
                    <Button size="small" onClick={() => setToDelete(campaign)}>
                      {t('deleteCampaign')}
                    </Button>
                  </div>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
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
