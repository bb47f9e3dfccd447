import { useI18n } from '../../i18n/useI18n';
import { ConfirmDialog } from '../shell/ConfirmDialog';

export interface DeleteCampaignDialogProps {
  name: string;
  onConfirm(): void;
  onCancel(): void;
}

export function DeleteCampaignDialog({ name, ...answers }: DeleteCampaignDialogProps) {
  const { t } = useI18n();
  return (
    <ConfirmDialog
      title={t('deleteTitle', { name })}
      body={t('deleteBody')}
      confirmLabel={t('deleteConfirm')}
      {...answers}
    />
  );
}
