import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  useRestoreFocusSource,
} from '@fluentui/react-components';
import { useI18n } from '../../i18n/useI18n';

export interface ConfirmDialogProps {
  title: string;
  body: string;
  /** The button that does it, named by what it does ("Löschen", "Eintragen"). */
  confirmLabel: string;
  onConfirm(): void;
  onCancel(): void;
}

/** Asks before something that cannot be undone from the pane: one question, the action or "Abbrechen". */
export function ConfirmDialog({ title, body, confirmLabel, onConfirm, onCancel }: ConfirmDialogProps) {
  const { t } = useI18n();
  // closing gives the focus back to the button marked with useRestoreFocusTarget that opened the dialog
  const restoreFocusSource = useRestoreFocusSource();
  return (
    <Dialog open modalType="alert" onOpenChange={(_, { open }) => !open && onCancel()}>
      <DialogSurface {...restoreFocusSource}>
        <DialogBody>
          <DialogTitle>{title}</DialogTitle>
          <DialogContent>{body}</DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={onConfirm}>
              {confirmLabel}
            </Button>
            <Button onClick={onCancel}>{t('cancel')}</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
