import { useCallback, useMemo, useState } from 'react';
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  MessageBar,
  MessageBarBody,
  Select,
  Spinner,
  Tab,
  TabList,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import {
  SHEET_ROLES,
  type Field as DataField,
  type MappingOverrides,
  type SheetRole,
  type WorkbookMapping,
} from '../../core/kernel/model';
import { useI18n } from '../../i18n/useI18n';
import type { PaneSession } from '../services/paneSession';
import { MAPPING_FIELDS, overridesFromMapping } from './mappingFields';
import { previewCellText, sheetPreview } from './sheetPreview';
import { useLoaded } from './useLoaded';

const useStyles = makeStyles({
  surface: { maxWidth: '95vw' },
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  fields: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(150px, 1fr))',
    gap: tokens.spacingVerticalS,
  },
  preview: { overflowX: 'auto', maxHeight: '160px' },
});

export interface ColumnMappingDialogProps {
  session: PaneSession;
  recognised: WorkbookMapping;
  stored: MappingOverrides | undefined;
  onSave(mapping: MappingOverrides): void;
  onCancel(): void;
}

export function ColumnMappingDialog({
  session,
  recognised,
  stored,
  onSave,
  onCancel,
}: ColumnMappingDialogProps) {
  const styles = useStyles();
  const { t, role: roleLabel, field: fieldLabel } = useI18n();
  const [role, setRole] = useState<SheetRole>('customers');
  const [draft, setDraft] = useState<MappingOverrides>(() => overridesFromMapping(recognised, stored));
  const sheet = draft.sheets?.[role] ?? '';
  const sheets = useLoaded(
    useCallback(() => session.sheetNames(), [session]),
    session.language,
  );
  const loaded = useLoaded(
    useMemo(
      () => (sheet === '' ? null : () => session.readSheet(sheet).then((table) => sheetPreview(table, role))),
      [role, session, sheet],
    ),
    session.language,
  );
  const preview = loaded?.status === 'ready' ? loaded.value : null;

  const setSheet = (name: string) =>
    setDraft((d) => ({
      sheets: { ...d.sheets, [role]: name || undefined },
      columns: { ...d.columns, [role]: {} },
    }));
  const setColumn = (field: DataField, header: string) =>
    setDraft((d) => ({
      ...d,
      columns: { ...d.columns, [role]: { ...d.columns?.[role], [field]: header || undefined } },
    }));

  return (
    <Dialog open onOpenChange={(_, { open }) => !open && onCancel()}>
      <DialogSurface className={styles.surface}>
        <DialogBody>
          <DialogTitle>{t('mappingTitle')}</DialogTitle>
          <DialogContent className={styles.content}>
            <Text>{t('mappingIntro')}</Text>
            <TabList
              selectedValue={role}
              onTabSelect={(_, { value }) => setRole(value as SheetRole)}
              size="small"
            >
              {SHEET_ROLES.map((r) => (
                <Tab key={r} value={r}>
                  {roleLabel(r)}
                </Tab>
              ))}
            </TabList>
            {sheets?.status === 'failed' && (
              <MessageBar intent="error">
                <MessageBarBody>{t('mappingSheetsFailed', { message: sheets.message })}</MessageBarBody>
              </MessageBar>
            )}
            <Field label={t('mappingSheet')}>
              <Select value={sheet} onChange={(_, { value }) => setSheet(value)}>
                <option value="">{t('mappingNoSheet')}</option>
                {(sheets?.status === 'ready' ? sheets.value : []).map((name) => (
                  <option key={name} value={name}>
                    {name}
                  </option>
                ))}
              </Select>
            </Field>
            {loaded?.status === 'loading' && <Spinner size="tiny" label={t('mappingSheetLoading')} />}
            {loaded?.status === 'failed' && (
              <MessageBar intent="error" data-testid="mapping-sheet-failed">
                <MessageBarBody>{t('mappingSheetFailed', { message: loaded.message })}</MessageBarBody>
              </MessageBar>
            )}
            {preview && (
              <>
                <div className={styles.fields}>
                  {MAPPING_FIELDS[role].map((field) => (
                    <Field key={field} label={fieldLabel(field)}>
                      <Select
                        value={draft.columns?.[role]?.[field] ?? ''}
                        onChange={(_, { value }) => setColumn(field, value)}
                      >
                        <option value="">{t('mappingNoColumn')}</option>
                        {preview.headers.filter(Boolean).map((header) => (
                          <option key={header} value={header}>
                            {header}
                          </option>
                        ))}
                      </Select>
                    </Field>
                  ))}
                </div>
                <div className={styles.preview}>
                  <Table size="extra-small" aria-label={t('mappingPreview')}>
                    <TableHeader>
                      <TableRow>
                        {preview.headers.map((header, i) => (
                          <TableHeaderCell key={i}>{header}</TableHeaderCell>
                        ))}
                      </TableRow>
                    </TableHeader>
                    <TableBody>
                      {preview.rows.map((row, r) => (
                        <TableRow key={r}>
                          {preview.headers.map((_, c) => (
                            <TableCell key={c}>{previewCellText(row[c] ?? null)}</TableCell>
                          ))}
                        </TableRow>
                      ))}
                    </TableBody>
                  </Table>
                </div>
              </>
            )}
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={() => onSave(compact(draft))}>
              {t('mappingSave')}
            </Button>
            <Button onClick={onCancel}>{t('cancel')}</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}

/** Drops the "not present" choices so the stored mapping holds only what the user chose. */
const compact = (mapping: MappingOverrides): MappingOverrides => ({
  sheets: Object.fromEntries(Object.entries(mapping.sheets ?? {}).filter(([, sheet]) => sheet)),
  columns: Object.fromEntries(
    Object.entries(mapping.columns ?? {})
      .map(([role, fields]) => [
        role,
        Object.fromEntries(Object.entries(fields ?? {}).filter(([, header]) => header)),
      ])
      .filter(([, fields]) => Object.keys(fields).length > 0),
  ),
});
