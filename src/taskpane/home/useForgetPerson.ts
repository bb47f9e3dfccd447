import { useState } from 'react';
import type { ForgetPlan } from '../../core/run/forgetRun';
import type { PersonFound } from '../../core/run/personRun';
import { useI18n } from '../../i18n/useI18n';
import type { PaneSession } from '../services/paneSession';
import { failureText, problemsText } from '../services/problemText';
import type { ActionResult } from '../shell/ActionFeedback';

export type Forgetting =
  | { status: 'idle' }
  | { status: 'planning'; person: PersonFound }
  | { status: 'asking'; person: PersonFound; plan: ForgetPlan }
  | { status: 'running'; person: PersonFound }
  | { status: 'done'; result: ActionResult }
  | { status: 'failed'; person: PersonFound; message: string };

/**
 * "Person löschen" (Art. 17 DSGVO) as the pane runs it: first what would go (`ask`), then, confirmed, the erasure of
 * exactly the person shown, by key. `onForgotten` runs once it is done (the search's answer is out of date then).
 */
export function useForgetPerson(session: PaneSession, onForgotten: () => void) {
  const { t, language } = useI18n();
  const [forgetting, setForgetting] = useState<Forgetting>({ status: 'idle' });

  const ask = async (person: PersonFound) => {
    setForgetting({ status: 'planning', person });
    try {
      const plan = await session.planForget({ key: person.keys[0] });
      setForgetting(
        plan.ok
          ? { status: 'asking', person, plan: plan.value }
          : { status: 'failed', person, message: problemsText(plan.error, language) },
      );
    } catch (error) {
      setForgetting({ status: 'failed', person, message: failureText(error, language) });
    }
  };

  const forget = async (person: PersonFound) => {
    setForgetting({ status: 'running', person });
    try {
      const done = await session.forgetPerson({ key: person.keys[0] });
      if (!done.ok) {
        setForgetting({ status: 'failed', person, message: problemsText(done.error, language) });
        return;
      }
      const rows = done.value.done.reduce((sum, d) => sum + d.rows.length, 0);
      const remaining = done.value.remaining.map((r) => r.sheet).join(', ');
      const text = [
        t('forgotten', { name: person.name, rows }),
        remaining ? t('forgottenRemaining', { sheets: remaining }) : '',
      ]
        .filter(Boolean)
        .join(' ');
      setForgetting({ status: 'done', result: { intent: 'success', text } });
      onForgotten();
    } catch (error) {
      setForgetting({ status: 'failed', person, message: failureText(error, language) });
    }
  };

  const result: ActionResult | null =
    forgetting.status === 'done'
      ? forgetting.result
      : forgetting.status === 'failed'
        ? { intent: 'error', title: t('forgetFailedTitle'), text: forgetting.message }
        : null;
  const busy = forgetting.status === 'running' || forgetting.status === 'planning';

  return {
    forgetting,
    busy,
    result,
    ask,
    forget,
    retry: () => forgetting.status === 'failed' && void ask(forgetting.person),
    dismiss: () => setForgetting({ status: 'idle' }),
  };
}

/** What the question says: how much goes, what the Sperrliste keeps, what stays for the user to decide. */
export const forgetBody = (plan: ForgetPlan, t: ReturnType<typeof useI18n>['t']): string => {
  const rows = plan.deletions.reduce((sum, d) => sum + d.rows.length, 0);
  const remaining = plan.remaining.map((r) => r.sheet).join(', ');
  return [
    t('forgetBodyRemoves', { campaigns: plan.campaigns.length, rows }),
    t('forgetBodyBlocklist'),
    remaining ? t('forgetBodyRemaining', { sheets: remaining }) : '',
    t('forgetBodyFinal'),
  ]
    .filter(Boolean)
    .join(' ');
};
