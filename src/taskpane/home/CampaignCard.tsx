import { useId } from 'react';
import { Button, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { StoredCampaign } from '../../core/campaign/campaign';
import { campaignTypeLabel } from '../../core/campaign/campaignTypes';
import { refreshBaseline } from '../../core/run/refresh';
import { useI18n } from '../../i18n/useI18n';
import { MoreMenu } from '../shell/MoreMenu';
import { useNarrowStyles } from '../shell/narrowStyles';

const useStyles = makeStyles({
  card: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`,
    backgroundColor: tokens.colorNeutralBackground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  name: { fontWeight: tokens.fontWeightSemibold },
});

export interface CampaignCardProps {
  campaign: StoredCampaign;
  onOpen(): void;
  onEvaluate(): void;
  onDuplicate(): void;
  onDelete(): void;
  /** "Aktualisieren": offered for a campaign that was used (only then is there a group to compare with). */
  onRefresh(): void;
  /** Opening and refreshing build the group from the user's sheets: they wait until those are read. */
  workbookRead: boolean;
}

/** One campaign on the home screen: its name, then type · recipients · last change; Öffnen, and the rest in ⋯. */
export function CampaignCard({
  campaign,
  onOpen,
  onEvaluate,
  onDuplicate,
  onDelete,
  onRefresh,
  workbookRead,
}: CampaignCardProps) {
  const styles = useStyles();
  const narrow = useNarrowStyles();
  const { t, language, formatDateTime } = useI18n();
  const nameId = useId();
  const facts = [
    campaignTypeLabel(campaign.type, language),
    t('memberCount', { count: campaign.memberCount }),
    formatDateTime(campaign.updatedAt),
  ].join(' · ');
  return (
    <li className={styles.card} aria-labelledby={nameId}>
      <span className={narrow.twoLines} title={`${campaign.name}\n${facts}`}>
        <span id={nameId} className={mergeClasses(narrow.oneLine, styles.name)}>
          {campaign.name}
        </span>
        <span className={mergeClasses(narrow.oneLine, narrow.secondary)}>{facts}</span>
      </span>
      <Button size="small" className={narrow.noShrink} onClick={onOpen} disabled={!workbookRead}>
        {t('openCampaign')}
      </Button>
      <MoreMenu
        label={t('campaignActions', { name: campaign.name })}
        actions={[
          ...(workbookRead && refreshBaseline(campaign) !== null
            ? [{ label: t('refreshAction'), onClick: onRefresh }]
            : []),
          { label: t('evaluate'), onClick: onEvaluate },
          { label: t('duplicateCampaign'), onClick: onDuplicate },
          { label: t('deleteCampaign'), onClick: onDelete },
        ]}
      />
    </li>
  );
}
