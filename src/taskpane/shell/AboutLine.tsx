import { Link, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useI18n } from '../../i18n/useI18n';
import { APP_VERSION } from '../appVersion';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalS,
    marginTop: tokens.spacingVerticalL,
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground3,
  },
});

/**
 * The version and the privacy and help pages that ship next to taskpane.html. They open in a browser window, so the
 * pane and its unsaved step stay where they are.
 */
export function AboutLine() {
  const styles = useStyles();
  const { t, language } = useI18n();
  const section = language === 'en' ? '#en' : '';
  return (
    <footer className={styles.root} aria-label={t('aboutLabel')} data-testid="about-line">
      <Text size={200} data-testid="about-version">
        {t('aboutVersion', { version: APP_VERSION })}
      </Text>
      <Link href={`privacy.html${section}`} target="_blank" rel="noopener">
        {t('aboutPrivacy')}
      </Link>
      <Link href={`support.html${section}`} target="_blank" rel="noopener">
        {t('aboutSupport')}
      </Link>
    </footer>
  );
}
