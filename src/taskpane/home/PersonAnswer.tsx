import { Button, Link, Text, makeStyles, tokens, useRestoreFocusTarget } from '@fluentui/react-components';
import { formatDay } from '../../core/kernel/formats';
import { CHANNEL_LABELS, GROUP_LABELS } from '../../core/read/contactHistory';
import type { PersonCampaign, PersonFound, PersonRows } from '../../core/run/personRun';
import { PERSON_KIND_KEYS } from '../../i18n/personKinds';
import { useI18n } from '../../i18n/useI18n';

const useStyles = makeStyles({
  person: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    padding: tokens.spacingVerticalS,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  name: { fontWeight: tokens.fontWeightSemibold, overflowWrap: 'anywhere' },
  subheading: {
    fontWeight: tokens.fontWeightSemibold,
    fontSize: tokens.fontSizeBase200,
    marginTop: tokens.spacingVerticalXS,
  },
  list: {
    margin: 0,
    paddingLeft: tokens.spacingHorizontalL,
    display: 'flex',
    flexDirection: 'column',
    gap: '2px',
  },
  rows: { display: 'inline-flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalS },
});

export interface PersonAnswerProps {
  person: PersonFound;
  /** Shows a row in Excel; absent where the workbook is a file. */
  onShowRow?(sheet: string, row: number): void;
  onForget(person: PersonFound): void;
  forgetDisabled: boolean;
}

/** One person found: the campaigns they were in, when and through which channel, and every sheet and row about them. */
export function PersonAnswer({ person, onShowRow, onForget, forgetDisabled }: PersonAnswerProps) {
  const styles = useStyles();
  const { t, language } = useI18n();
  const restoreFocusTarget = useRestoreFocusTarget();

  const campaignLine = ({ campaign, group, uses }: PersonCampaign): string => {
    const days = [...new Set(uses.map((use) => use.day))].map((day) => {
      const channels = uses
        .filter((use) => use.day === day && use.channel)
        .map((use) => CHANNEL_LABELS[language][use.channel!]);
      return `${formatDay(day, language)}${channels.length > 0 ? ` (${channels.join(', ')})` : ''}`;
    });
    return t('personCampaign', {
      campaign,
      group: GROUP_LABELS[language][group],
      uses: days.length > 0 ? days.join(', ') : t('personNoUses'),
    }).trim();
  };

  const rowsItem = ({ sheet, kind, rows }: PersonRows) => (
    <li key={`${kind}|${sheet}`}>
      <span>
        {t(rows.length === 1 ? 'personSheetKind' : 'personSheetKindMany', {
          sheet,
          kind: t(PERSON_KIND_KEYS[kind]),
        })}{' '}
      </span>
      <span className={styles.rows}>
        {rows.map((row) =>
          onShowRow ? (
            <Link
              key={row}
              as="button"
              appearance="subtle"
              inline
              aria-label={t('showRowLabel', { where: t('excludedWhere', { sheet, row }) })}
              onClick={() => onShowRow(sheet, row)}
            >
              {row}
            </Link>
          ) : (
            <span key={row}>{row}</span>
          ),
        )}
      </span>
    </li>
  );

  return (
    <li className={styles.person}>
      <Text className={styles.name}>{person.email ? `${person.name} <${person.email}>` : person.name}</Text>
      <Text className={styles.subheading}>{t('personCampaigns', { count: person.campaigns.length })}</Text>
      {person.campaigns.length > 0 && (
        <ul className={styles.list}>
          {person.campaigns.map((campaign) => (
            <li key={campaign.campaign}>{campaignLine(campaign)}</li>
          ))}
        </ul>
      )}
      <Text className={styles.subheading}>{t('personRows')}</Text>
      <ul className={styles.list}>{person.rows.map(rowsItem)}</ul>
      <div>
        <Button
          size="small"
          disabled={forgetDisabled}
          onClick={() => onForget(person)}
          {...restoreFocusTarget}
        >
          {t('forgetButton')}
        </Button>
      </div>
    </li>
  );
}
