import {
  Button,
  Card,
  Link,
  MessageBar,
  MessageBarBody,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import type { Language } from '../../../core/kernel/language';
import { useI18n } from '../../../i18n/useI18n';
import { TEMPLATE_FILES } from '../../../templates/templateTexts';
import { canDownloadFiles, downloadBlob } from '../../services/download';

type Saving =
  | { status: 'idle' }
  | { status: 'saving' }
  | { status: 'saved'; file: string }
  | { status: 'inBrowser'; url: string; file: string }
  | { status: 'failed'; message: string };

const useStyles = makeStyles({
  card: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  hint: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  link: { overflowWrap: 'anywhere' },
});

/** The shipped template travels with the add-in's own files (webpack copies templates/). */
const templateUrl = (file: string): string => new URL(`templates/${file}`, document.baseURI).href;

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

export interface WordTemplateCardProps {
  /** The campaign's language: the template's merge fields are its column names. */
  language: Language;
}

/**
 * "Word-Vorlage speichern": the same path as the CSV export, a download where the host allows one; where it does not
 * (Excel on Mac, guide §4) the template opens in the browser instead, since a .docx cannot go into a sheet.
 */
export function WordTemplateCard({ language }: WordTemplateCardProps) {
  const styles = useStyles();
  const { t } = useI18n();
  const [saving, setSaving] = useState<Saving>({ status: 'idle' });

  const save = async (): Promise<void> => {
    const file = TEMPLATE_FILES[language].letter;
    const url = templateUrl(file);
    if (!canDownloadFiles()) {
      setSaving({ status: 'inBrowser', url, file });
      return;
    }
    setSaving({ status: 'saving' });
    try {
      const response = await fetch(url);
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      downloadBlob(await response.blob(), file);
      setSaving({ status: 'saved', file });
    } catch (error) {
      setSaving({ status: 'failed', message: messageOf(error) });
    }
  };

  return (
    <Card className={styles.card}>
      <Button disabled={saving.status === 'saving'} onClick={() => void save()}>
        {t('templateSave')}
      </Button>
      <Text className={styles.hint}>{t('templateHint')}</Text>
      {saving.status === 'saved' && (
        <MessageBar intent="success" data-testid="template-outcome">
          <MessageBarBody>{t('templateSaved', { file: saving.file })}</MessageBarBody>
        </MessageBar>
      )}
      {saving.status === 'inBrowser' && (
        <MessageBar intent="info" layout="multiline" data-testid="template-outcome">
          <MessageBarBody>
            {t('templateOpenInBrowser')}{' '}
            <Link className={styles.link} href={saving.url} target="_blank" rel="noopener noreferrer">
              {saving.file}
            </Link>
          </MessageBarBody>
        </MessageBar>
      )}
      {saving.status === 'failed' && (
        <MessageBar intent="error" data-testid="template-outcome">
          <MessageBarBody>{t('templateFailed', { message: saving.message })}</MessageBarBody>
        </MessageBar>
      )}
    </Card>
  );
}
