import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
} from '@fluentui/react-components';
import { useI18n } from '../../i18n/useI18n';

export interface SaveFailedBarProps {
  message: string;
  onRetry(): void;
}

/** The open campaign's last changes are not in the workbook: says why, and offers to try again. */
export function SaveFailedBar({ message, onRetry }: SaveFailedBarProps) {
  const { t } = useI18n();
  return (
    <MessageBar intent="error" data-testid="save-failed">
      <MessageBarBody>
        <MessageBarTitle>{t('notSaved')}</MessageBarTitle>
        {message}
      </MessageBarBody>
      <MessageBarActions>
        <Button size="small" onClick={onRetry}>
          {t('retry')}
        </Button>
      </MessageBarActions>
    </MessageBar>
  );
}
