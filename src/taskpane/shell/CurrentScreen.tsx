import type { MappingOverrides, WorkbookData } from '../../core/kernel/model';
import { EvaluationScreen } from '../evaluation/EvaluationScreen';
import { HomeScreen } from '../home/HomeScreen';
import type { PaneSession } from '../services/paneSession';
import { CampaignWizard } from '../wizard/CampaignWizard';
import type { WizardActions } from '../wizard/useWizard';
import type { WizardState } from '../wizard/wizardReducer';

export interface CurrentScreenProps {
  state: WizardState;
  data: WorkbookData;
  mapping: MappingOverrides | undefined;
  actions: WizardActions;
  session: PaneSession;
}

/** The screen the state names, once the workbook is read. */
export function CurrentScreen({ state, data, mapping, actions, session }: CurrentScreenProps) {
  switch (state.screen) {
    case 'home':
      return <HomeScreen state={state} data={data} mapping={mapping} session={session} actions={actions} />;
    case 'evaluation':
      return (
        <EvaluationScreen
          key={state.evaluated}
          campaignId={state.evaluated}
          name={state.campaigns.find((c) => c.id === state.evaluated)?.name ?? ''}
          session={session}
          onBack={actions.close}
        />
      );
    default:
      return <CampaignWizard state={state} data={data} actions={actions} session={session} />;
  }
}
