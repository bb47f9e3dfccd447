import { useMemo, useState } from 'react';
import { Badge, Button, Tab, TabList, Text, makeStyles, tokens } from '@fluentui/react-components';
import { consentColumns } from '../../core/group/consent';
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
import { ActionFeedback } from '../shell/ActionFeedback';
import { StepFooterSlot } from './stepFooter';

const STEP_LABEL: Record<WizardStep, MessageKey> = {
  basics: 'stepBasics',
  recipients: 'stepRecipients',
  targetGroup: 'stepTargetGroup',
  use: 'stepUse',
};

const STEP_SHORT: Record<WizardStep, MessageKey> = {
  basics: 'stepShortBasics',
  recipients: 'stepShortRecipients',
  targetGroup: 'stepShortTargetGroup',
  use: 'stepShortUse',
};

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minHeight: '100%' },
  // the name has a line of its own: beside the button and the count it kept five letters at 320 px
  top: {
    display: 'grid',
    gridTemplateColumns: 'auto minmax(0, 1fr) auto',
    gridTemplateAreas: '"back . count" "name name name"',
    alignItems: 'center',
    gap: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
  },
  name: {
    gridArea: 'name',
    minWidth: 0,
    fontWeight: tokens.fontWeightSemibold,
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    whiteSpace: 'nowrap',
  },
  count: { gridArea: 'count', whiteSpace: 'nowrap' },
  overview: { gridArea: 'back', whiteSpace: 'nowrap' },
  stepLine: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  stepTitle: { fontWeight: tokens.fontWeightSemibold },
  body: { flexGrow: 1, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  // stays at the pane's bottom edge while the step scrolls under it
  footer: {
    position: 'sticky',
    bottom: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    margin: `0 calc(-1 * ${tokens.spacingHorizontalM})`,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    backgroundColor: tokens.colorNeutralBackground1,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    zIndex: 1,
  },
  nav: { display: 'flex', justifyContent: 'space-between', gap: tokens.spacingHorizontalS },
});

export interface CampaignWizardProps {
  state: EditingState;
  /** null while the user's sheets are being read: step 1 works, steps 2–4 wait for the data. */
  data: WorkbookData | null;
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
  const [footerSlot, setFooterSlot] = useState<HTMLElement | null>(null);
  const emailConsentColumns = useMemo(() => (data ? consentColumns(data).email : []), [data]);
  return (
    <div className={styles.root}>
      <div className={styles.top}>
        <Button size="small" className={styles.overview} onClick={actions.close} disabled={busy}>
          {t('toOverview')}
        </Button>
        <Text className={styles.name} title={draft.name}>
          {draft.name}
        </Text>
        <Badge
          appearance="filled"
          color="brand"
          aria-live="polite"
          className={styles.count}
          data-testid="member-count"
        >
          {t('memberCount', { count: open.group.members.length })}
        </Badge>
      </div>
      {/* auto-save runs unseen; only its failure speaks: the last changes are not in the workbook yet */}
      <ActionFeedback
        result={
          open.save.status === 'failed'
            ? { intent: 'error', title: t('notSaved'), text: open.save.message }
            : null
        }
        onRetry={actions.retrySave}
        testId="save-failed"
      />
      <div className={styles.stepLine}>
        {/* numbers only, so that four steps fit 320 px; the step's name is beside them and in each tab's label */}
        <TabList
          selectedValue={screen}
          onTabSelect={(_, { value }) => actions.goTo(value as WizardStep)}
          aria-label={t('stepsLabel')}
          size="small"
        >
          {WIZARD_STEPS.map((step, i) => (
            <Tab
              key={step}
              value={step}
              aria-label={t(STEP_LABEL[step])}
              title={t(STEP_LABEL[step])}
              disabled={busy || (step !== 'basics' && !nameOk)}
            >
              {i + 1}
            </Tab>
          ))}
        </TabList>
        <Text className={styles.stepTitle} data-testid="step-title">
          {t('stepOf', { step: index + 1, total: WIZARD_STEPS.length, name: t(STEP_SHORT[screen]) })}
        </Text>
      </div>
      <StepFooterSlot.Provider value={footerSlot}>
        <div className={styles.body}>
          {screen === 'basics' && (
            <BasicsStep
              draft={draft}
              campaigns={state.campaigns}
              members={open.group.members.length}
              emailConsentColumns={emailConsentColumns}
              workbookLimit={state.contactLimit}
              onChange={actions.changeBasics}
              onSaveWorkbookLimit={actions.saveWorkbookContactLimit}
            />
          )}
          {/* without data, steps 2–4 stay empty under the pane's "Arbeitsmappe wird gelesen …" */}
          {screen === 'recipients' && data && (
            <RecipientsStep open={open} data={data} actions={actions} session={session} />
          )}
          {screen === 'targetGroup' && data && (
            <TargetGroupStep open={open} data={data} actions={actions} session={session} />
          )}
          {screen === 'use' && data && <TestPlanner draft={draft} data={data} campaigns={state.campaigns} />}
          {screen === 'use' && data && (
            <UseStep open={open} csvDelimiter={state.csvDelimiter} actions={actions} session={session} />
          )}
        </div>
      </StepFooterSlot.Provider>
      <footer className={styles.footer}>
        <div ref={setFooterSlot} />
        <div className={styles.nav}>
          {index > 0 ? (
            <Button onClick={() => actions.goTo(WIZARD_STEPS[index - 1])} disabled={busy}>
              {t('backToStep', { step: index })}
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
      </footer>
    </div>
  );
}
