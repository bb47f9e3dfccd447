import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
} from '@fluentui/react-components';
import { useI18n } from '../../i18n/useI18n';

export interface DeleteCampaignDialogProps {
  name: string;
  onConfirm(): void;
  onCancel(): void;
}

export function DeleteCampaignDialog({ name, onConfirm, onCancel }: DeleteCampaignDialogProps) {
  const { t } = useI18n();
  return (
    <Dialog open modalType="alert" onOpenChange={(_, { open }) => !open && onCancel()}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{t('deleteTitle', { name })}</DialogTitle>
          <DialogContent>{t('deleteBody')}</DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={onConfirm}>
              {t('deleteConfirm')}
            </Button>
            <Button onClick={onCancel}>{t('cancel')}</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
