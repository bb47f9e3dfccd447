import { Suspense, createElement, lazy, useEffect, type ComponentType } from 'react';
import { Spinner } from '@fluentui/react-components';
import type { MappingOverrides, WorkbookData } from '../../core/kernel/model';
import { HomeScreen } from '../home/HomeScreen';
import type { PaneSession } from '../services/paneSession';
import type { WizardActions } from '../wizard/useWizard';
import type { WizardState } from '../wizard/wizardReducer';

export interface CurrentScreenProps {
  state: WizardState;
  /** null while the user's sheets are being read. */
  data: WorkbookData | null;
  mapping: MappingOverrides | undefined;
  actions: WizardActions;
  session: PaneSession;
}

/**
 * A screen in its own script, loaded when first needed; once loaded it renders at once. The pane asks for both right
 * after the home screen shows, so that opening a campaign does not wait for the download.
 */
function laterScreen<P extends object>(load: () => Promise<ComponentType<P>>) {
  let loaded: ComponentType<P> | undefined;
  let loading: Promise<ComponentType<P>> | undefined;
  const preload = () => (loading ??= load().then((component) => (loaded = component)));
  const Lazy = lazy(() => preload().then((component) => ({ default: component })));
  const Screen = (props: P) => createElement(loaded ?? Lazy, props);
  return { Screen, preload };
}

const wizard = laterScreen(() => import('../wizard/CampaignWizard').then((m) => m.CampaignWizard));
const evaluation = laterScreen(() =>
  import('../evaluation/EvaluationScreen').then((m) => m.EvaluationScreen),
);
const CampaignWizard = wizard.Screen;
const EvaluationScreen = evaluation.Screen;

/** The screen the state names, once the add-in's state is read. */
export function CurrentScreen(props: CurrentScreenProps) {
  useEffect(() => {
    void wizard.preload();
    void evaluation.preload();
  }, []);
  return (
    <Suspense fallback={<Spinner />}>
      <Screen {...props} />
    </Suspense>
  );
}

function Screen({ state, data, mapping, actions, session }: CurrentScreenProps) {
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
