import { useState } from 'react';
import {
  Button,
  Card,
  MessageBar,
  MessageBarBody,
  Text,
  makeStyles,
  tokens,
  useRestoreFocusTarget,
} from '@fluentui/react-components';
import {
  SHEET_ROLES,
  type Field as DataField,
  type MappingOverrides,
  type WorkbookData,
} from '../../core/kernel/model';
import { useI18n } from '../../i18n/useI18n';
import type { PaneSession } from '../services/paneSession';
import { ColumnMappingDialog } from './ColumnMappingDialog';
import { nextPaint } from '../services/pauses';

const useStyles = makeStyles({
  card: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  heading: { fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold, margin: 0 },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center' },
  fields: { color: tokens.colorNeutralForeground3 },
});

export interface RecognitionSummaryProps {
  data: WorkbookData | null;
  mapping: MappingOverrides | undefined;
  session: PaneSession;
  onSaveMapping(mapping: MappingOverrides): Promise<void>;
  /** Once the user confirmed a mapping, only the button to change it is shown. */
  collapsed?: boolean;
}

export function RecognitionSummary({
  data,
  mapping,
  session,
  onSaveMapping,
  collapsed = false,
}: RecognitionSummaryProps) {
  const styles = useStyles();
  const { t, role: roleLabel, field: fieldLabel } = useI18n();
  const [dialogOpen, setDialogOpen] = useState(false);
  // cancelling the dialog gives the focus back to the button that opened it, not to the page
  const restoreFocusTarget = useRestoreFocusTarget();
  const recognised = data?.mapping ?? {};
  const complete =
    data !== null && data.problems.every((p) => p.severity !== 'error') && recognised.customers !== undefined;
  const dialog = dialogOpen && (
    <ColumnMappingDialog
      session={session}
      recognised={recognised}
      stored={mapping}
      ambiguous={data?.ambiguous}
      problems={data?.problems}
      onCancel={() => setDialogOpen(false)}
      onSave={async (next) => {
        setDialogOpen(false);
        // The pane reloads and the button that opened the dialog goes away: focus moves to the pane itself, otherwise
        // Fluent's focus trap would keep the page hidden from screen readers.
        await nextPaint();
        document.getElementById('pane-main')?.focus();
        await onSaveMapping(next);
      }}
    />
  );
  const button = (
    <Button onClick={() => setDialogOpen(true)} {...restoreFocusTarget}>
      {t('editMapping')}
    </Button>
  );
  if (collapsed) {
    return (
      <div className={styles.row}>
        {button}
        {dialog}
      </div>
    );
  }
  return (
    <Card className={styles.card}>
      <h2 className={styles.heading}>{t('recognitionTitle')}</h2>
      <ul className={styles.list}>
        {SHEET_ROLES.map((role) => {
          const found = recognised[role];
          return (
            <li key={role}>
              <Text>
                {found
                  ? t('recognitionRole', {
                      role: roleLabel(role),
                      sheet: found.sheet,
                      count: Object.keys(found.columns).length,
                    })
                  : t(data?.ambiguous?.[role] ? 'recognitionAmbiguous' : 'recognitionMissing', {
                      role: roleLabel(role),
                    })}
              </Text>
              {found && (
                <Text block size={200} className={styles.fields}>
                  {t('recognitionFields', {
                    fields: (Object.keys(found.columns) as DataField[]).map(fieldLabel).join(', '),
                  })}
                </Text>
              )}
            </li>
          );
        })}
      </ul>
      <MessageBar intent={complete ? 'success' : 'warning'}>
        <MessageBarBody>{complete ? t('recognitionOk') : t('recognitionNeedsMapping')}</MessageBarBody>
      </MessageBar>
      <div className={styles.row}>
        {button}
        {complete && mapping === undefined && (
          <Button appearance="primary" onClick={() => void onSaveMapping(storedFrom(data, mapping))}>
            {t('confirmMapping')}
          </Button>
        )}
      </div>
      {dialog}
    </Card>
  );
}

/** Confirming the recognised mapping stores the sheets it chose, so a later new sheet does not change it. */
const storedFrom = (data: WorkbookData | null, mapping: MappingOverrides | undefined): MappingOverrides => ({
  ...mapping,
  sheets: Object.fromEntries(
    SHEET_ROLES.flatMap((role) => (data?.mapping[role] ? [[role, data.mapping[role].sheet]] : [])),
  ),
});
