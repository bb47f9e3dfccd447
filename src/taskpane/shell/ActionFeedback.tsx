import { Fragment, useRef, type ReactNode } from 'react';
import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useI18n } from '../../i18n/useI18n';
import { useReturnFocus } from './useReturnFocus';

/** What an action ended with, in the user's words. */
export interface ActionResult {
  intent: 'success' | 'warning' | 'error';
  text: string;
  title?: string;
}

export interface ActionFeedbackProps {
  /** Whether the action runs; auto-save runs unseen and leaves it out. */
  busy?: boolean;
  /** What the spinner says while the action runs. */
  busyLabel?: string;
  result: ActionResult | null;
  /** Offered with a failure: runs the action again as it was started. */
  onRetry?(): void;
  onDismiss?(): void;
  /** The action's own further answer (e.g. "Neues Leads-Blatt anlegen"). */
  extra?: ReactNode;
  testId?: string;
}

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  root_empty: { display: 'contents' },
  actions: { flexWrap: 'wrap' },
});

/**
 * How every action of the pane reports: a spinner while it runs, then a message beside it — the core's sentence for
 * a failure with "Erneut versuchen" — that Fluent's announcer reads out (AriaLiveAnnouncer in App), and the keyboard
 * back on the button that started it.
 */
export function ActionFeedback({
  busy = false,
  busyLabel,
  result,
  onRetry,
  onDismiss,
  extra,
  testId,
}: ActionFeedbackProps) {
  const styles = useStyles();
  const { t } = useI18n();
  const root = useRef<HTMLDivElement>(null);
  const bar = useRef<HTMLDivElement>(null);
  useReturnFocus(busy, root, bar);
  const failed = result?.intent === 'error';
  const actions = [
    failed && onRetry && (
      <Button key="retry" size="small" onClick={onRetry}>
        {t('retry')}
      </Button>
    ),
    extra && <Fragment key="extra">{extra}</Fragment>,
    onDismiss && (
      <Button key="dismiss" size="small" appearance="subtle" onClick={onDismiss}>
        {t('close')}
      </Button>
    ),
  ].filter(Boolean);
  return (
    <div ref={root} className={busy || result ? styles.root : styles.root_empty}>
      {busy && <Spinner size="tiny" label={busyLabel} />}
      {!busy && result && (
        // mounted anew for each result (the spinner stands in between), so Fluent announces each one
        <MessageBar ref={bar} tabIndex={-1} intent={result.intent} layout="multiline" data-testid={testId}>
          <MessageBarBody>
            {result.title && <MessageBarTitle>{result.title}</MessageBarTitle>}
            {result.text}
          </MessageBarBody>
          {actions.length > 0 && <MessageBarActions className={styles.actions}>{actions}</MessageBarActions>}
        </MessageBar>
      )}
    </div>
  );
}
