import { Badge, Button, Tab, TabList, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { WorkbookData } from '../../core/kernel/model';
import { useI18n } from '../../i18n/useI18n';
import type { MessageKey } from '../../i18n/de';
import type { PaneSession } from '../services/paneSession';
import type { WizardActions } from './useWizard';
import { WIZARD_STEPS, nameError, type EditingState, type WizardStep } from './wizardReducer';
import { BasicsStep } from './basics/BasicsStep';
import { RecipientsStep } from './recipients/RecipientsStep';
import { TargetGroupStep } from './targetGroup/TargetGroupStep';
import { UseStep } from './use/UseStep';
import { TestPlanner } from './use/TestPlanner';
import { SaveFailedBar } from './SaveFailedBar';

const STEP_LABEL: Record<WizardStep, MessageKey> = {
  basics: 'stepBasics',
  recipients: 'stepRecipients',
  targetGroup: 'stepTargetGroup',
  use: 'stepUse',
};

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  top: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS },
  name: { flexGrow: 1, fontWeight: tokens.fontWeightSemibold, overflow: 'hidden', textOverflow: 'ellipsis' },
  nav: { display: 'flex', justifyContent: 'space-between' },
  steps: { flexWrap: 'wrap' },
});

export interface CampaignWizardProps {
  state: EditingState;
  data: WorkbookData;
  actions: WizardActions;
  session: PaneSession;
}

export function CampaignWizard({ state, data, actions, session }: CampaignWizardProps) {
  const styles = useStyles();
  const { t } = useI18n();
  const { screen, open } = state;
  const { draft } = open;
  const nameOk = nameError(draft, state.campaigns) === null;
  const busy = open.operation.status === 'running';
  const index = WIZARD_STEPS.indexOf(screen);
  return (
    <div className={styles.root}>
      <div className={styles.top}>
        <Button size="small" onClick={actions.close} disabled={busy}>
          {t('back')}
        </Button>
        <Text className={styles.name}>{draft.name}</Text>
        <Badge appearance="filled" color="brand" aria-live="polite" data-testid="member-count">
          {t('memberCount', { count: open.group.members.length })}
        </Badge>
      </div>
      {open.save.status === 'failed' && (
        <SaveFailedBar message={open.save.message} onRetry={actions.retrySave} />
      )}
      <TabList
        selectedValue={screen}
        onTabSelect={(_, { value }) => actions.goTo(value as WizardStep)}
        aria-label={t('stepsLabel')}
        size="small"
        className={styles.steps}
      >
        {WIZARD_STEPS.map((step) => (
          <Tab key={step} value={step} disabled={busy || (step !== 'basics' && !nameOk)}>
            {t(STEP_LABEL[step])}
          </Tab>
        ))}
      </TabList>
      {screen === 'basics' && (
        <BasicsStep
          draft={draft}
          campaigns={state.campaigns}
          members={open.group.members.length}
          onChange={actions.changeBasics}
        />
      )}
      {screen === 'recipients' && (
        <RecipientsStep open={open} data={data} actions={actions} session={session} />
      )}
      {screen === 'targetGroup' && (
        <TargetGroupStep open={open} data={data} actions={actions} session={session} />
      )}
      {screen === 'use' && <TestPlanner draft={draft} data={data} campaigns={state.campaigns} />}
      {screen === 'use' && (
        <UseStep open={open} csvDelimiter={state.csvDelimiter} actions={actions} session={session} />
      )}
      <div className={styles.nav}>
        {index > 0 ? (
          <Button onClick={() => actions.goTo(WIZARD_STEPS[index - 1])} disabled={busy}>
            {t('back')}
          </Button>
        ) : (
          <span />
        )}
        {index < WIZARD_STEPS.length - 1 && (
          <Button
            appearance="primary"
            onClick={() => actions.goTo(WIZARD_STEPS[index + 1])}
            disabled={busy || !nameOk}
          >
            {t('next')}
          </Button>
        )}
      </div>
    </div>
  );
}
