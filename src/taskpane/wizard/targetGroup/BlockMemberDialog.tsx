import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
} from '@fluentui/react-components';
import { useI18n } from '../../../i18n/useI18n';

export interface BlockMemberDialogProps {
  name: string;
  onConfirm(): void;
  onCancel(): void;
}

/** An entry on the Sperrliste outlives the campaign and the contact row: it is asked for, never done by a click. */
export function BlockMemberDialog({ name, onConfirm, onCancel }: BlockMemberDialogProps) {
  const { t } = useI18n();
  return (
    <Dialog open modalType="alert" onOpenChange={(_, { open }) => !open && onCancel()}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{t('blockTitle', { name })}</DialogTitle>
          <DialogContent>{t('blockBody', { name })}</DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={onConfirm}>
              {t('blockConfirm')}
            </Button>
            <Button onClick={onCancel}>{t('cancel')}</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
