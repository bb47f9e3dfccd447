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
  TableCellLayout,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  makeStyles,
  tokens,
  useRestoreFocusSource,
} from '@fluentui/react-components';
import {
  SHEET_ROLES,
  type Field as DataField,
  type MappingOverrides,
  type SheetRole,
  type WorkbookData,
  type WorkbookMapping,
} from '../../core/kernel/model';
import type { Problem } from '../../core/kernel/problems';
import { useI18n } from '../../i18n/useI18n';
import type { PaneSession } from '../services/paneSession';
import { MAPPING_FIELDS, overridesFromMapping } from './mappingFields';
import { MergedHeaderQuestion } from './MergedHeaderQuestion';
import { SheetChoice } from './SheetChoice';
import { previewCellText, sheetPreview } from './sheetPreview';
import { useLoaded } from './useLoaded';

const useStyles = makeStyles({
  surface: { maxWidth: '95vw', boxSizing: 'border-box' },
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  fields: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(min(150px, 100%), 1fr))',
    gap: tokens.spacingVerticalS,
  },
  columnCell: { width: '40%' },
  // four sheet roles do not fit 320 px in one row
  roles: { flexWrap: 'wrap' },
  // Fluent's fixed action columns from 480 px on cut a longer label such as "Abbrechen"
  actions: { display: 'flex', flexWrap: 'wrap', justifyContent: 'flex-end' },
});

export interface ColumnMappingDialogProps {
  session: PaneSession;
  recognised: WorkbookMapping;
  stored: MappingOverrides | undefined;
  /** Roles several sheets fit equally well, with those sheets: the dialog asks. */
  ambiguous?: WorkbookData['ambiguous'];
  /** The recognition's problems: a merged header the data does not explain is asked too. */
  problems?: Problem[];
  onSave(mapping: MappingOverrides): void;
  onCancel(): void;
}

/** The role to show first: one the dialog has a question about, else the customers. */
const firstRole = (
  ambiguous: WorkbookData['ambiguous'],
  unclear: Problem[],
  recognised: WorkbookMapping,
): SheetRole =>
  SHEET_ROLES.find((role) => ambiguous?.[role]) ??
  SHEET_ROLES.find((role) => unclear.some((p) => p.sheet === recognised[role]?.sheet)) ??
  'customers';

export function ColumnMappingDialog({
  session,
  recognised,
  stored,
  ambiguous,
  problems = [],
  onSave,
  onCancel,
}: ColumnMappingDialogProps) {
  const styles = useStyles();
  // closing gives the focus back to the button marked with useRestoreFocusTarget that opened the dialog
  const restoreFocusSource = useRestoreFocusSource();
  const { t, role: roleLabel, field: fieldLabel } = useI18n();
  const unclear = problems.filter((p) => p.code === 'mergedHeaderUnclear');
  const [role, setRole] = useState<SheetRole>(() => firstRole(ambiguous, unclear, recognised));
  const [draft, setDraft] = useState<MappingOverrides>(() => overridesFromMapping(recognised, stored));
  const sheet = draft.sheets?.[role] ?? '';
  const candidates = ambiguous?.[role] ?? [];
  const questions = unclear.filter((p) => p.sheet === sheet);
  const sheets = useLoaded(
    useCallback(() => session.sheetNames(), [session]),
    session.language,
  );
  const sheetNames = sheets?.status === 'ready' ? sheets.value : [];
  const sheetOptions = [
    ...sheetNames,
    ...candidates.map((c) => c.name).filter((name) => !sheetNames.includes(name)),
  ];
  // A candidate may be one Excel table of several on a sheet: the sheet is read, the table previewed.
  const sheetToRead = candidates.find((c) => c.name === sheet)?.sheet ?? sheet;
  const loaded = useLoaded(
    useMemo(
      () =>
        sheetToRead === ''
          ? null
          : () => session.readSheet(sheetToRead).then((table) => sheetPreview(table, role, sheet)),
      [role, session, sheet, sheetToRead],
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
      <DialogSurface className={styles.surface} {...restoreFocusSource}>
        <DialogBody>
          <DialogTitle>{t('mappingTitle')}</DialogTitle>
          <DialogContent className={styles.content}>
            <Text>{t('mappingIntro')}</Text>
            <TabList
              selectedValue={role}
              onTabSelect={(_, { value }) => setRole(value as SheetRole)}
              size="small"
              className={styles.roles}
            >
              {SHEET_ROLES.map((r) => (
                <Tab key={r} value={r}>
                  {roleLabel(r)}
                </Tab>
              ))}
            </TabList>
            {candidates.length > 0 && (
              <SheetChoice role={roleLabel(role)} candidates={candidates} value={sheet} onChange={setSheet} />
            )}
            {sheets?.status === 'failed' && (
              <MessageBar intent="error">
                <MessageBarBody>{t('mappingSheetsFailed', { message: sheets.message })}</MessageBarBody>
              </MessageBar>
            )}
            <Field label={t('mappingSheet')}>
              <Select value={sheet} onChange={(_, { value }) => setSheet(value)}>
                <option value="">{t('mappingNoSheet')}</option>
                {sheetOptions.map((name) => (
                  <option key={name} value={name}>
                    {name}
                  </option>
                ))}
              </Select>
            </Field>
            {questions.map((p) => (
              <MergedHeaderQuestion key={p.value} header={p.value ?? ''} span={Number(p.detail)} />
            ))}
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
                {/* one row per column of the sheet, so that the preview never grows wider than the pane */}
                <Table size="extra-small" aria-label={t('mappingPreview')}>
                  <TableHeader>
                    <TableRow>
                      <TableHeaderCell className={styles.columnCell}>
                        {t('mappingPreviewColumn')}
                      </TableHeaderCell>
                      <TableHeaderCell>{t('mappingPreviewValues')}</TableHeaderCell>
                    </TableRow>
                  </TableHeader>
                  <TableBody>
                    {preview.headers.map((header, c) => {
                      const values = preview.rows.map((row) => previewCellText(row[c] ?? null)).join(' · ');
                      return (
                        <TableRow key={c}>
                          <TableCell className={styles.columnCell}>
                            <TableCellLayout truncate title={header}>
                              {header}
                            </TableCellLayout>
                          </TableCell>
                          <TableCell>
                            <TableCellLayout truncate title={values}>
                              {values}
                            </TableCellLayout>
                          </TableCell>
                        </TableRow>
                      );
                    })}
                  </TableBody>
                </Table>
              </>
            )}
          </DialogContent>
          <DialogActions className={styles.actions}>
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
